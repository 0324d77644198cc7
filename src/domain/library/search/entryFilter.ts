import { ValidationError } from "../../errors.js";
import type { EntrySearchQuery } from "./searchTypes.js";
import { parseTime, type StoredEntry, tagKey } from "./storedEntry.js";

/** Whether an entry passes a query's filters. */
export type EntryFilter = (entry: StoredEntry) => boolean;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/**
 * Compiles the query's filters once per search (so 50,000 entries are checked against numbers
 * and sets, not re-parsed dates). Undefined when nothing is filtered: the caller can skip the scan.
 * Empty `types` or `tags` lists filter nothing, as an unticked facet does.
 */
export function compileFilter(query: EntrySearchQuery): EntryFilter | undefined {
  const checks: EntryFilter[] = [];
  if (query.types && query.types.length > 0) {
    const types = new Set(query.types);
    checks.push((e) => types.has(e.type));
  }
  if (query.tags && query.tags.length > 0) {
    const wanted = query.tags.map(tagKey);
    checks.push((e) => wanted.every((t) => e.tagKeys.includes(t)));
  }
  if (query.authorId !== undefined) {
    const authorId = query.authorId;
    checks.push((e) => e.author.id === authorId);
  }
  if (query.savedById !== undefined) {
    const savedById = query.savedById;
    checks.push((e) => e.savedById === savedById);
  }
  const from = query.from === undefined ? undefined : parseTime(query.from, "from");
  if (from !== undefined) checks.push((e) => e.createdMs >= from);
  if (query.to !== undefined) {
    // "to 2025-03-31" means to the end of that day, as a person picking a date range means it.
    const before = parseTime(query.to, "to") + (DATE_ONLY.test(query.to) ? DAY_MS : 1);
    if (from !== undefined && from >= before) {
      throw new ValidationError("The start date is after the end date.", [
        { field: "from", message: "Pick a start date on or before the end date." },
      ]);
    }
    checks.push((e) => e.createdMs < before);
  }
  if (query.verified !== undefined) {
    const verified = query.verified;
    checks.push((e) => e.verified === verified);
  }
  if (query.answered !== undefined) {
    const answered = query.answered;
    checks.push((e) => e.answered === answered);
  }
  if (checks.length === 0) return undefined;
  return (e) => checks.every((check) => check(e));
}
