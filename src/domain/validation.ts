import { z } from "zod";
import { ValidationError } from "./errors.js";
import { normaliseText } from "./textNormalisation.js";

/** Parses input against a schema; on failure throws a ValidationError that names every field. */
export function parseInput<S extends z.ZodTypeAny>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
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
