import { type FormatDefinition, phase } from "./formatDefinition.js";

/** An open conversation with no fixed structure. */
export const openConversation = {
  id: "open",
  name: "Open conversation",
  calendar: {
    durationMinutes: 30,
    roles: ["facilitator"],
    phases: [phase("open", "Open conversation", 30)],
  },
} satisfies FormatDefinition;
