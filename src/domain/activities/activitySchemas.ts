import { z } from "zod";
import { memo } from "../memo.js";
import { personText } from "../validation.js";
import { PAIRING_RULES } from "./activity.js";
import type { HeldRole, SubmissionDefinition } from "./activityFormat.js";
import { ACTIVITY_FORMAT_IDS, type ActivityFormatId } from "./activityFormats.js";
import { rubricSchema } from "./rubric.js";

const id = (what: string) =>
  z
    .string({ required_error: `The ${what} is missing.` })
    .trim()
    .min(1, `The ${what} is missing.`)
    .max(400, `The ${what} is too long.`);

function personRefSchema(role: string) {
  return z.object({
    id: id(role),
    displayName: z.string().trim().min(1, `The ${role}'s name is missing.`).max(200),
  });
}

/** What a facilitator fills in to set an activity up (side panel form or chat command). */
export const newActivitySchema = z.object({
  format: z
    .enum(ACTIVITY_FORMAT_IDS as [ActivityFormatId, ...ActivityFormatId[]], {
      message: "Pick an activity format PeerCircle runs (think-pair-share).",
    })
    .default("think-pair-share"),
  communityId: id("community to save to"),
  conversationId: id("meeting chat"),
  meetingId: id("meeting").optional(),
  sessionId: id("session").optional(),
  prompt: personText(
    z
      .string()
      .trim()
      .min(3, "Write a prompt of at least 3 characters for people to think about.")
      .max(1000, "Keep the prompt under 1,000 characters."),
    { required_error: "Write a prompt for people to think about." },
  ),
  /** Minutes per phase id (`{ think: 2, pair: 5, share: 5 }`); the format's defaults fill the rest. */
  minutes: z.record(z.number({ invalid_type_error: "Give the minutes as a number." })).default({}),
  pairingRule: z
    .enum(PAIRING_RULES, { message: "Pick cross-department, random or same role for pairing." })
    .default("cross-department"),
  /**
   * Who holds the format's held roles (a micro-teach's teacher, an AMA's expert, a peer review's
   * author, a case round's narrator); a role left out goes to the picked topic's teacher, else the
   * community's rota (teacher, expert), else the facilitator.
   */
  roles: z
    .object(
      {
        teacher: personRefSchema("teacher").optional(),
        expert: personRefSchema("expert").optional(),
        author: personRefSchema("author").optional(),
        narrator: personRefSchema("narrator").optional(),
      } satisfies Record<HeldRole, z.ZodTypeAny>,
      { invalid_type_error: "Name the teacher, expert, author or narrator as a person." },
    )
    .strict("Only a teacher, an expert, an author or a narrator is chosen at set-up.")
    .default({}),
  /** The community's micro-teach topic this activity teaches (its teacher and text). */
  topicId: id("topic").optional(),
  /** The community's module whose sections are the phases (a format with `phasesFrom: "module"`). */
  moduleId: id("module").optional(),
  /** A format with a kind written per criterion: its rubric (else the community's, kept by stewards). */
  rubric: rubricSchema.optional(),
});
export type NewActivityInput = z.input<typeof newActivitySchema>;

/** A facilitator control as asked for. */
export const controlSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("start") }),
    z.object({ kind: z.literal("pause") }),
    z.object({ kind: z.literal("resume") }),
    z.object({ kind: z.literal("end") }),
    z.object({ kind: z.literal("next"), phaseIndex: z.number().int().min(0) }),
    z.object({
      kind: z.literal("extend"),
      phaseIndex: z.number().int().min(0),
      minutes: z
        .number({ required_error: "Say how many minutes to add." })
        .int("Add whole minutes.")
        .min(1, "Add at least 1 minute.")
        .max(30, "Add at most 30 minutes at a time."),
    }),
  ],
  { errorMap: () => ({ message: "Use start, next, extend, pause, resume or end." }) },
);
export type ControlInput = z.input<typeof controlSchema>;

const text = (what: string, max: number) =>
  personText(
    z
      .string()
      .trim()
      .min(1, `Write your ${what} first.`)
      .max(max, `Keep your ${what} under ${max.toLocaleString("en")} characters.`),
    { required_error: `Write your ${what} first.` },
  );

/** The idempotency key of a request: Bot Framework's activity id, or one the tab makes per action. */
export const requestIdSchema = z
  .string({ required_error: "The request id is missing." })
  .min(1, "The request id is missing.")
  .max(200, "The request id is too long.");

/**
 * Any submission: its text within the kind's limit, named as the format names it, and for a
 * replacement the ETag of the version the writer started from. Made once per definition (the
 * registry's definitions are never changed): 1,000 people submitting at once share one schema.
 */
export function submissionSchema(definition: SubmissionDefinition) {
  return memo(submissionSchemas, definition, makeSubmissionSchema);
}
const submissionSchemas = new WeakMap<SubmissionDefinition, ReturnType<typeof makeSubmissionSchema>>();

function makeSubmissionSchema(definition: SubmissionDefinition) {
  const { rating } = definition;
  const written = text(definition.noun, definition.maxLength);
  return z.object({
    // A rating is one whole number in its range, sent as text like every submission (or a number).
    text: rating
      ? z
          .union([z.number(), z.string().trim()], { required_error: `Give your ${definition.noun} first.` })
          .transform(String)
          .refine((value) => /^\d+$/.test(value) && +value >= rating.min && +value <= rating.max, {
            message: `Give your ${definition.noun} as a whole number from ${rating.min} to ${rating.max}.`,
          })
      : written,
    etag: z.string().max(200).optional(),
  });
}
export type SubmissionInput = { text?: unknown; etag?: unknown; criteria?: unknown };

/** A role holder's answer to an item (a teacher's answer to a question). */
export const itemAnswerSchema = z.object({
  text: text("answer", 4000),
});

/** Two people trading places in a circle's hot-seat queue (their ids). */
export const swapSchema = z
  .object({
    a: z.string({ required_error: "Say whose place to swap." }).min(1, "Say whose place to swap.").max(200),
    b: z.string({ required_error: "Say with whom to swap." }).min(1, "Say with whom to swap.").max(200),
  })
  .strict();
