import { z } from "zod";
import { tagSchema } from "../tags.js";
import { personText } from "../validation.js";

const tag = personText(tagSchema(40));

const person = z.object({
  id: z.string().trim().min(1).max(100),
  displayName: personText(z.string().trim().min(1).max(200)),
});

/** What a person fills in to create a community. */
export const newCommunitySchema = z.object({
  name: personText(z.string().trim().min(3, "Give the community a name of at least 3 characters.").max(80)),
  purpose: personText(z.string().trim().min(1, "Say in a sentence what the community is for.").max(1000)),
  domain: personText(z.string().trim().max(100)).default(""),
  tags: z.array(tag).max(20, "Use at most 20 tags.").default([]),
  privacy: z.enum(["open", "private"]).default("open"),
  stewards: z.array(person).max(20, "A community can have at most 20 stewards.").default([]),
  teamId: z.string().trim().max(200).optional(),
  channelId: z.string().trim().max(200).optional(),
});
export type NewCommunityInput = z.input<typeof newCommunitySchema>;

/** What a steward may change. */
export const communityChangesSchema = newCommunitySchema
  .omit({ teamId: true, channelId: true })
  .partial()
  .refine((c) => Object.keys(c).length > 0, "Nothing to change.");
export type CommunityChangesInput = z.input<typeof communityChangesSchema>;

/** A person a steward adds to a community, as the people picker names them. */
export const memberToAddSchema = person.extend({
  /** Adds them as a steward too. */
  steward: z.boolean().default(false),
});
export type MemberToAddInput = z.input<typeof memberToAddSchema>;

/** A person named by a steward (a new steward). */
export const personSchema = person;
export type PersonInput = z.input<typeof personSchema>;

/** Room for stewards: the same limit a new community has. */
export const MAX_STEWARDS = 20;
