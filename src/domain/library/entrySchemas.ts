import { z } from "zod";
import { isRealDate, isRealDateTime } from "../strictDates.js";
import { tagSchema } from "../tags.js";
import { personText } from "../validation.js";
import { ENTRY_TYPES } from "./entry.js";

/**
 * Size limits. Azure Tables holds at most 64 KiB per string property (32,768 UTF-16 characters);
 * bodies stop well below so an entity also stays far from the 1 MiB entity limit.
 */
export const ENTRY_LIMITS = {
  title: 200,
  body: 20_000,
  summary: 1_000,
  tags: 10,
  tag: 40,
} as const;

const tag = personText(tagSchema(ENTRY_LIMITS.tag));

const title = personText(
  z
    .string()
    .trim()
    .min(3, "Give the entry a title of at least 3 characters.")
    .max(ENTRY_LIMITS.title, `Keep the title under ${ENTRY_LIMITS.title} characters.`),
);

const body = personText(
  z
    .string()
    .trim()
    .min(1, "There is nothing to save: write what you learned.")
    .max(
      ENTRY_LIMITS.body,
      `The text is too long: keep it under ${ENTRY_LIMITS.body.toLocaleString("en")} characters.`,
    ),
);

const summary = personText(
  z.string().trim().max(ENTRY_LIMITS.summary, `Keep the summary under ${ENTRY_LIMITS.summary} characters.`),
);

const tags = z.array(tag).max(ENTRY_LIMITS.tags, `Use at most ${ENTRY_LIMITS.tags} tags.`);

/** What a person fills in to add an entry (in the tab, or in the Save-as-insight dialog). */
export const newEntrySchema = z.object({
  type: z.enum(ENTRY_TYPES, { message: "Pick what kind of entry this is." }),
  title,
  body,
  summary: summary.default(""),
  tags: tags.default([]),
});
export type NewEntryInput = z.input<typeof newEntrySchema>;

/** What an editor may change. */
export const entryChangesSchema = z
  .object({ type: z.enum(ENTRY_TYPES), title, body, summary, tags, answered: z.boolean() })
  .partial()
  .refine((c) => Object.keys(c).length > 0, "Nothing to change.");
export type EntryChangesInput = z.input<typeof entryChangesSchema>;

/** A steward's verification: optionally a date to review the entry again by. */
export const verificationSchema = z.object({
  reviewBy: z
    .string()
    .refine(
      (d) => (d.length === 10 ? isRealDate(d) : isRealDateTime(d)),
      "Give the review date as YYYY-MM-DD (a day that exists).",
    )
    .optional(),
});
