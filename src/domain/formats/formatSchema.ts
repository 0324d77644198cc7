import { z } from "zod";
import {
  ACTIVITY_ROLES,
  definitionProblems,
  HELD_ROLES,
  type SubmissionDefinition,
} from "../activities/activityFormat.js";
import { groupingStrategySchema } from "../activities/grouping/groupingStrategy.js";
import { ValidationError } from "../errors.js";
import { parseInput } from "../validation.js";
import { completeFormat, type FormatDefinition } from "./formatDefinition.js";
import { SESSION_FORMATS, SESSION_ROLES } from "./formatIds.js";

/**
 * What a format's definition file (definitions/*.json) may hold, and the checks between its parts
 * that keep a format runnable. Every shipped file is checked by this schema in the registry's
 * tests; the registry itself completes the files with {@link completeFormat} without it, because
 * the tab reads the formats too and zod stays out of the tab's first download.
 */

const word = z.string().regex(/^[a-z][a-z0-9-]*$/, 'Name it in lower-case words joined by "-".');
const text = z.string().trim().min(1);
const wholeNumber = z.number().int("Give a whole number.");
const minutes = wholeNumber.min(1, "A phase lasts at least a minute.");

const calendarPhaseSchema = z.object({ id: word, title: text, minutes }).strict();

/** The minutes a phase lasts unless set up otherwise, and the bounds a facilitator may choose from. */
const phaseMinutesSchema = z
  .object({ min: minutes, default: minutes, max: minutes })
  .strict()
  .refine((m) => m.min <= m.default && m.default <= m.max, {
    message: "The minutes go from min to max, with the default between them.",
  });

const activityPhaseSchema = z
  .object({
    id: word,
    title: text,
    instruction: text,
    minutes: phaseMinutesSchema,
    /** What may be submitted while it runs; nothing unless said (a welcome, an introduction). */
    accepts: z.array(word).optional(),
    grouping: groupingStrategySchema.optional(),
    optional: z.boolean().optional(),
  })
  .strict();

const heldRole = z.enum(HELD_ROLES);

/** One kind of submission, as {@link SubmissionDefinition} describes it field by field. */
const submissionSchema = z
  .object({
    scope: z.enum(["person", "group", "item"]),
    visibility: z.enum(["writer", "group", "everyone", "facilitator"]),
    noun: text,
    plural: text.optional(),
    maxLength: wholeNumber.min(1),
    library: z.enum(["each", "harvest"]).optional(),
    myLearning: z.boolean().optional(),
    commitment: z.boolean().optional(),
    register: z.boolean().optional(),
    votable: z.boolean().optional(),
    promote: z.literal("playbook").optional(),
    writers: z.array(z.enum(["hot-seat", ...HELD_ROLES])).optional(),
    notBy: heldRole.optional(),
    answeredBy: heldRole.optional(),
    routeUnanswered: z.boolean().optional(),
    askedAhead: z.boolean().optional(),
    publishable: z.boolean().optional(),
    rating: z.object({ min: wholeNumber, max: wholeNumber }).strict().optional(),
    perCriterion: z.boolean().optional(),
    adopts: word.optional(),
  })
  .strict() satisfies z.ZodType<SubmissionDefinition, z.ZodTypeDef, unknown>;

const activitySchema = z
  .object({
    roles: z.array(z.enum(ACTIVITY_ROLES)).min(1),
    phasesFrom: z.literal("module").optional(),
    phases: z.array(activityPhaseSchema).min(1),
    submissions: z.record(word, submissionSchema),
    /** What may still be submitted after the end; nothing unless said. */
    acceptsAfterEnd: z.array(word).optional(),
    /** Not confidential unless said. */
    confidential: z.boolean().optional(),
  })
  .strict();

const fileSchema = z
  .object({
    id: z.enum(SESSION_FORMATS, {
      errorMap: () => ({
        message: `A format's id is one of the session formats in formatIds.ts: ${SESSION_FORMATS.join(", ")}.`,
      }),
    }),
    name: text,
    description: text,
    calendar: z
      .object({
        roles: z.array(z.enum(SESSION_ROLES)),
        phases: z.array(calendarPhaseSchema).min(1),
        groupSize: z
          .object({ min: wholeNumber.min(2), max: wholeNumber })
          .strict()
          .optional(),
      })
      .strict(),
    activity: activitySchema.optional(),
  })
  .strict();

export type FormatFile = z.output<typeof fileSchema>;
export type ActivityFile = NonNullable<FormatFile["activity"]>;
export type ActivityPhaseFile = ActivityFile["phases"][number];

/** Why a complete format cannot run, beyond the shape of its file: the checks between its parts. */
function crossCheck(format: FormatDefinition, ctx: z.RefinementCtx): void {
  const problem = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  const calendarIds = format.calendar.phases.map((p) => p.id);
  for (const id of new Set(calendarIds.filter((id, i) => calendarIds.indexOf(id) !== i)))
    problem("calendar", `phase "${id}" appears twice`);
  const { groupSize } = format.calendar;
  if (groupSize && groupSize.min > groupSize.max)
    problem("calendar", "the smallest group size is above the largest");
  for (const message of format.activity ? definitionProblems(format.activity) : [])
    problem("activity", message);
}

/**
 * A format's definition file, checked and completed. The checks between its parts run only on a
 * file of the right shape, so each mistake is told once.
 */
const formatFileSchema = fileSchema
  .transform(completeFormat)
  .pipe(z.custom<FormatDefinition>().superRefine(crossCheck));

/**
 * The format a definition file describes; a file that is wrong is refused with every mistake,
 * each with the format's id and the field it is in.
 */
export function parseFormatFile(file: unknown): FormatDefinition {
  try {
    return parseInput(formatFileSchema, file);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const id = (file as { id?: unknown } | null)?.id;
    const issues = error.issues.map((i) => `${i.field}: ${i.message}`);
    throw new ValidationError(
      `The definition of the format ${typeof id === "string" ? `"${id}"` : "without an id"} is wrong. ${issues.join(" ")}`,
      error.issues,
    );
  }
}
