import { z } from "zod";
import { PAIRING_RULES } from "../../domain/activities/activity.js";
import type { ActivityFormatDefinition } from "../../domain/activities/activityFormat.js";
import {
  ACTIVITY_FORMAT_IDS,
  type ActivityFormatId,
  formatOf,
} from "../../domain/activities/activityFormats.js";
import type { ControlInput } from "../../domain/activities/activitySchemas.js";
import { ValidationError } from "../../domain/errors.js";

/**
 * What the activity cards and dialogs send back, parsed at the edge (a forwarded old card or an
 * odd client sends what it likes): the domain gets typed input, the person a sentence to act on.
 */

const MISSING_ACTIVITY = "This card is missing its activity. Use the latest card in the chat.";
const MISSING_KIND = "This card is missing what it is for. Use the latest card in the chat.";

const activityId = z
  .string({ required_error: MISSING_ACTIVITY, invalid_type_error: MISSING_ACTIVITY })
  .min(1, MISSING_ACTIVITY)
  .max(200, MISSING_ACTIVITY);

/** A number as cards send it: Input.Number's value, or a number a client sent as text. */
const numberish = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/, "Give the minutes as a number.")
    .transform(Number),
]);

/** Any activity card's button: which activity. */
export const activityRefSchema = z.object({ activityId });

/** A text dialog's inputs: the text, and the ETag of the version it edits. */
export const textPayloadSchema = activityRefSchema.extend({
  text: z.string({ invalid_type_error: "Write your text as text." }).default(""),
  etag: z.string().max(200).optional(),
});

const kind = z
  .string({ required_error: MISSING_KIND, invalid_type_error: MISSING_KIND })
  .regex(/^[a-z][a-z-]{0,30}$/, MISSING_KIND);

/** The button of one of the format's own kinds. */
export const kindRefSchema = activityRefSchema.extend({ kind });

/** The answer dialog, as submitted: which item (`{owner}|{item}`) and the answer. */
export const answerPayloadSchema = textPayloadSchema.extend({
  kind,
  item: z
    .string({ required_error: "Pick the question you answer." })
    .regex(/^[^|]{1,200}\|[^|]{1,100}$/, "Pick the question you answer."),
});

/** That kind's dialog, as submitted. */
export const writingPayloadSchema = textPayloadSchema.extend({ kind });

/**
 * A dialog written per criterion, as submitted: the text typed for each criterion
 * (`criterion-{i}`) and, for a kind that adopts another's, the items marked "I will change this"
 * on each (`adopt-{i}`: Teams sends a multi-select's values comma-separated).
 */
export function criteriaPayloadOf(raw: unknown, count: number): { typed: string[]; marked: string[][] } {
  const data = z.record(z.unknown()).catch({}).parse(raw);
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  return {
    typed: Array.from({ length: count }, (_, i) => text(data[`criterion-${i}`])),
    marked: Array.from({ length: count }, (_, i) =>
      text(data[`adopt-${i}`])
        .split(",")
        .filter((v) => /^[^|]{1,200}\|[^|]{1,100}$/.test(v)),
    ),
  };
}

/** A facilitator control (in place or from the controls dialog). */
export const controlPayloadSchema = activityRefSchema
  .extend({
    kind: z.string().optional(),
    phaseIndex: numberish.default(0),
    minutes: numberish.default(2),
  })
  .transform(({ activityId, kind, phaseIndex, minutes }) => ({
    activityId,
    control: controlOf(kind, phaseIndex, minutes),
  }));

function controlOf(kind: string | undefined, phaseIndex: number, minutes: number): ControlInput {
  switch (kind) {
    case "next":
      return { kind, phaseIndex };
    case "extend":
      return { kind, phaseIndex, minutes };
    case "start":
    case "pause":
    case "resume":
    case "end":
      return { kind };
    default:
      throw new ValidationError("Use start, next, extend, pause, resume or end.");
  }
}

/** Either the `Action.Execute` of a card or its `Action.Submit` fallback (a client without Universal Actions). */
export const fallbackPayloadSchema = z.object({ verb: z.string().optional() }).passthrough();

/**
 * The set-up dialog's inputs (and the command card's Set up button): the format chosen, the one
 * whose phases the form showed, the prompt, the community and grouping; each phase's minutes sit
 * under the phase's id ({@link phaseMinutes}).
 */
export const setupPayloadSchema = z
  .object({
    format: z.string().optional(),
    shownFormat: z.string().optional(),
    prompt: z.string().default(""),
    communityId: z.string().default(""),
    pairingRule: z.enum(PAIRING_RULES).catch("cross-department"),
    /** A micro-teach's topic from the community's queue. */
    topicId: z.string().max(200).optional().catch(undefined),
    /** A module of the community, for a format whose phases come from one. */
    moduleId: z.string().max(200).optional().catch(undefined),
    /** Teams' people picker: the Entra id of the holder of each held role (teacher, expert, …). */
    "holder-teacher": z.string().max(200).optional().catch(undefined),
    "holder-expert": z.string().max(200).optional().catch(undefined),
    "holder-author": z.string().max(200).optional().catch(undefined),
    "holder-narrator": z.string().max(200).optional().catch(undefined),
    /** A format written per criterion: its rubric, one criterion a line. */
    rubric: z.string().max(2000).optional().catch(undefined),
  })
  .passthrough();
export type SetupPayload = z.output<typeof setupPayloadSchema>;

/** The format a payload names; think-pair-share when it names none (the oldest cards). */
export function formatNamed(id: string | undefined): {
  id: ActivityFormatId;
  format: ActivityFormatDefinition;
} {
  const known = ACTIVITY_FORMAT_IDS.find((f) => f === (id || "think-pair-share"));
  if (!known)
    throw new ValidationError(
      `Pick a format PeerCircle runs in meetings: ${ACTIVITY_FORMAT_IDS.map((f) => formatOf(f).name).join(", ")}.`,
    );
  return { id: known, format: formatOf(known) };
}

/**
 * Minutes per phase as the form sent them (a blank field takes the phase's default). A value that
 * is not a number is kept as NaN, so the engine's plan refuses it with the phase's bounds.
 */
export function phaseMinutes(format: ActivityFormatDefinition, payload: Record<string, unknown>) {
  const minutes: Record<string, number> = {};
  for (const phase of format.phases) {
    const value = payload[phase.id];
    if (value === undefined || value === null || value === "") continue;
    const parsed = numberish.safeParse(value);
    minutes[phase.id] = parsed.success ? parsed.data : Number.NaN;
  }
  return minutes;
}
