import { z } from "zod";

/**
 * What a tag may be made of: letters of any script, digits, and `-`, `_`, `.`, `+`, `#` (for
 * `c#`, `c++`, `.net`), starting with a letter, a digit, `.` or `#`. No markup, no emoji, no spaces
 * (spaces become `-`): a tag is a word people filter and link by, shown as plain text everywhere.
 */
const TAG_SHAPE = /^[\p{L}\p{N}.#][\p{L}\p{M}\p{N}\-_.+#]*$/u;

/** A tag of at most `max` characters, trimmed, lower-cased, spaces turned into `-`. */
export function tagSchema(max: number) {
  return z
    .string()
    .trim()
    .min(1, "A tag cannot be empty.")
    .max(max, `A tag can be at most ${max} characters.`)
    .transform((t) => t.toLowerCase().replace(/\s+/g, "-"))
    .refine((t) => TAG_SHAPE.test(t), {
      message: "A tag is made of letters, digits and - _ . + # only (no markup or emoji).",
    });
}
