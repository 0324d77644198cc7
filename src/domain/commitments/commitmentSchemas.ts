import { z } from "zod";
import { isRealDate } from "../strictDates.js";
import { personText } from "../validation.js";
import { COMMITMENT_STATUSES, MAX_NOTE_LENGTH } from "./commitment.js";

export { MAX_NOTE_LENGTH };

const dueDay = z
  .string({ invalid_type_error: "Give the due date as YYYY-MM-DD (a day that exists)." })
  .trim()
  .refine(isRealDate, "Give the due date as YYYY-MM-DD (a day that exists).");

/**
 * An owner's update: the status, an optional note (plain text: normalised like every text people
 * submit, shown as text, never as markup), and optionally a new due day (`null` or "" clears it).
 */
export const commitmentUpdateSchema = z.object({
  status: z.enum(COMMITMENT_STATUSES, { message: "Pick open, done, partly or dropped." }),
  note: personText(
    z
      .string()
      .trim()
      .max(MAX_NOTE_LENGTH, `Keep the note under ${MAX_NOTE_LENGTH.toLocaleString("en")} characters.`),
  ).optional(),
  due: z.union([z.literal("").transform(() => null), z.null(), dueDay]).optional(),
});
export type CommitmentUpdateInput = z.input<typeof commitmentUpdateSchema>;

/** A commitment as an activity hands it over: the text rules of the activity's own commitment. */
export const activityCommitmentTextSchema = personText(
  z
    .string()
    .trim()
    .min(1, "Write your commitment first.")
    .max(1000, "Keep your commitment under 1,000 characters."),
);

/** The follow-through window: from and to as ISO times (default: the last 90 days up to now). */
export const followThroughWindowSchema = z.object({
  from: z.string().datetime({ offset: true, message: "Give from as an ISO 8601 time." }).optional(),
  to: z.string().datetime({ offset: true, message: "Give to as an ISO 8601 time." }).optional(),
});
export type FollowThroughWindow = z.input<typeof followThroughWindowSchema>;

export { dueDay as dueDaySchema };
