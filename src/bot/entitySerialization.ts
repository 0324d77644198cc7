import { Entity } from "botframework-connector/lib/connectorApi/models/mappers.js";

/**
 * Lets an outgoing activity's entities carry their own properties, as the Bot Framework
 * activity schema allows. botbuilder 4.23 serialises replies with @azure/core-client, which
 * swaps the element mapper of `Activity.entities` for the named `Entity` model (type, text,
 * mentioned) and so loses the `additionalProperties` the Activity mapper declares: every
 * other property was dropped on the way out, and Teams received citations without claims
 * (`{ type: "https://schema.org/Message" }` alone; teams-ai's own SayCommand is hit alike).
 * Declaring the model itself open is the one change that reaches both paths; it is idempotent.
 */
export function keepEntityProperties(): void {
  const type = Entity.type as { additionalProperties?: unknown };
  type.additionalProperties ??= { type: { name: "Object" } };
}
