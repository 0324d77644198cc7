import { z } from "zod";
import { parseInput, personText } from "../validation.js";
import type { SubmissionDefinition } from "./activityFormat.js";

/**
 * A rubric: the criteria a piece of work is reviewed against (a peer review's "Is the argument
 * clear?", "Are the numbers sourced?"), given at set-up or kept by a community's stewards. A kind
 * marked `perCriterion` takes one text per criterion; it is stored as one submission whose text is
 * the list serialised (so storage rows, ETags and idempotency stay as for any text) and read back
 * per criterion by everything that shows it.
 */

/** Criteria a rubric holds at most: what a review in a meeting can cover. */
export const MAX_CRITERIA = 8;
/** A criterion is a short question or heading. */
export const MAX_CRITERION_LENGTH = 200;

const criterion = personText(
  z
    .string()
    .trim()
    .min(2, "Name each criterion in a few words.")
    .max(MAX_CRITERION_LENGTH, `Keep each criterion under ${MAX_CRITERION_LENGTH} characters.`),
  { required_error: "Name each criterion in a few words." },
);

/** A rubric's criteria: 1–8 distinct short texts, in the order the review follows. */
export const rubricSchema = z
  .array(criterion)
  .min(1, "Give the rubric at least one criterion.")
  .max(MAX_CRITERIA, `Keep the rubric to at most ${MAX_CRITERIA} criteria.`)
  .refine((criteria) => new Set(criteria.map((c) => c.toLowerCase())).size === criteria.length, {
    message: "Name each criterion once.",
  });

/**
 * A submission of a `perCriterion` kind: one text per criterion of the activity's rubric (an empty
 * one where the writer has nothing to say on it, but not all empty), each within the kind's limit,
 * and for a replacement the ETag of the version the writer started from.
 */
export function perCriterionSchema(definition: SubmissionDefinition, rubric: readonly string[]) {
  return z.object({
    criteria: z
      .array(
        personText(
          z
            .string()
            .trim()
            .max(
              definition.maxLength,
              `Keep each part of your ${definition.noun} under ${definition.maxLength.toLocaleString("en")} characters.`,
            ),
        ),
      )
      .length(rubric.length, `Write one text for each of the rubric's ${rubric.length} criteria.`)
      .refine(
        (texts) => texts.some((t) => t !== ""),
        `Write your ${definition.noun} on at least one criterion.`,
      ),
    etag: z.string().max(200).optional(),
  });
}

/** A submission per criterion, checked ({@link perCriterionSchema}) and as it is stored: one text. */
export function criteriaInputOf(
  definition: SubmissionDefinition,
  rubric: readonly string[],
  input: unknown,
): { text: string; etag?: string } {
  const { criteria, etag } = parseInput(perCriterionSchema(definition, rubric), input);
  return { text: serialiseCriteria(criteria), ...(etag ? { etag } : {}) };
}

/** The texts per criterion as one stored text. */
export function serialiseCriteria(texts: readonly string[]): string {
  return JSON.stringify(texts);
}

/**
 * The texts per criterion of a stored text, as many as the rubric has criteria. A text that is
 * not a serialised list (written before its kind was per criterion) is the first criterion's.
 */
export function criteriaTextsOf(text: string, rubric: readonly string[]): string[] {
  let texts: unknown;
  try {
    texts = JSON.parse(text);
  } catch {
    texts = [text];
  }
  const list = Array.isArray(texts) ? texts.map((t) => (typeof t === "string" ? t : "")) : [text];
  return rubric.map((_, i) => list[i] ?? "");
}

/** Each criterion with its text, as panels, the stage and cards show them (empty ones too). */
export function criteriaOf(text: string, rubric: readonly string[]): { criterion: string; text: string }[] {
  const texts = criteriaTextsOf(text, rubric);
  return rubric.map((criterion, i) => ({ criterion, text: texts[i] ?? "" }));
}

/**
 * The stored text as one readable text ("Criterion: text" a line, the empty ones left out): what
 * the library, a commitment, My learning and a card's plain text carry.
 */
export function readableCriteria(text: string, rubric: readonly string[]): string {
  return criteriaOf(text, rubric)
    .filter((c) => c.text !== "")
    .map((c) => `${c.criterion}: ${c.text}`)
    .join("\n");
}
