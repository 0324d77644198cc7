import type { z } from "zod";
import { ValidationError } from "./errors.js";

/** Parses input against a schema; on failure throws a ValidationError that names every field. */
export function parseInput<S extends z.ZodTypeAny>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ field: i.path.join(".") || "input", message: i.message }));
  throw new ValidationError(issues.map((i) => i.message).join(" "), issues);
}
