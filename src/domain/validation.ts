import { ZodIssueCode, z } from "zod";
import { ValidationError } from "./errors.js";
import { normaliseText } from "./textNormalisation.js";

/** Parses input against a schema; on failure throws a ValidationError that names every field. */
export function parseInput<S extends z.ZodTypeAny>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { errorMap: friendlyErrors });
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ field: i.path.join(".") || "input", message: i.message }));
  throw new ValidationError(issues.map((i) => i.message).join(" "), issues);
}

/**
 * A text a person submits (titles, bodies, tags, names, prompts, reflections…): normalised with
 * {@link normaliseText} first, then checked by `schema` (trim, limits, messages).
 */
export function personText<T extends z.ZodTypeAny>(schema: T, params?: z.RawCreateParams) {
  return z.string(params).transform(normaliseText).pipe(schema);
}

/** "description" → "The description", "agenda.3" → "Agenda line 4", "joinUrl" → "The join url". */
function subjectOf(path: (string | number)[]): string {
  const last = path.at(-1);
  const named = [...path].reverse().find((p): p is string => typeof p === "string");
  const words = (named ?? "value").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return typeof last === "number" ? `${capitalise(words)} line ${last + 1}` : `The ${words}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * People read these messages (the tab shows them next to the field): zod's own defaults ("String
 * must contain at most 4000 character(s)") are for developers. Messages a schema gives itself win.
 */
const friendlyErrors: z.ZodErrorMap = (issue, ctx) => {
  const subject = subjectOf(issue.path);
  const count = (n: number | bigint) => Number(n).toLocaleString("en");
  switch (issue.code) {
    case ZodIssueCode.too_big:
      if (issue.type === "string")
        return { message: `${subject} is too long: keep it under ${count(issue.maximum)} characters.` };
      if (issue.type === "array")
        return { message: `${subject} can have at most ${count(issue.maximum)} items.` };
      break;
    case ZodIssueCode.too_small:
      if (issue.type === "string")
        return {
          message:
            issue.minimum === 1
              ? `${subject} cannot be empty.`
              : `${subject} needs at least ${count(issue.minimum)} characters.`,
        };
      break;
    case ZodIssueCode.invalid_type:
      if (issue.received === "undefined") return { message: `${subject} is missing.` };
      return { message: `${subject} is not in the right form.` };
  }
  return { message: ctx.defaultError };
};
