import { ValidationError } from "../../domain/errors.js";
import type { EntrySearchQuery } from "../../domain/library/search/searchTypes.js";
import { parseTime, type StoredEntry, tagKey } from "./storedEntry.js";

/** Whether an entry passes a query's filters. */
export type EntryFilter = (entry: StoredEntry) => boolean;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/**
 * Compiles the query's filters once per search into one plain function, because it runs for
 * every entry of a large library (dates parsed once, tags folded once). Undefined when nothing is
 * filtered, so callers skip the scan. Empty `types` or `tags` lists filter nothing, as an
 * unticked facet does; several tags mean entries carrying all of them.
 */
export function compileFilter(query: EntrySearchQuery): EntryFilter | undefined {
  const types = query.types && query.types.length > 0 ? new Set(query.types) : undefined;
  const tags = query.tags && query.tags.length > 0 ? query.tags.map(tagKey) : undefined;
  const { authorId, savedById, verified, answered } = query;
  const from = query.from === undefined ? Number.NEGATIVE_INFINITY : parseTime(query.from, "from");
  // "to 2025-03-31" means to the end of that day, as a person picking a date range means it.
  const before =
    query.to === undefined
      ? Number.POSITIVE_INFINITY
      : parseTime(query.to, "to") + (DATE_ONLY.test(query.to) ? DAY_MS : 1);
  if (from >= before) {
    throw new ValidationError("The start date is after the end date.", [
      { field: "from", message: "Pick a start date on or before the end date." },
    ]);
  }
  const byDate = query.from !== undefined || query.to !== undefined;
  if (
    !types &&
    !tags &&
    authorId === undefined &&
    savedById === undefined &&
    !byDate &&
    verified === undefined &&
    answered === undefined
  ) {
    return undefined;
  }
  return (e) => {
    if (types && !types.has(e.type)) return false;
    if (tags) for (const tag of tags) if (!e.tagKeys.includes(tag)) return false;
    if (authorId !== undefined && e.author.id !== authorId) return false;
    if (savedById !== undefined && e.savedById !== savedById) return false;
    if (e.createdMs < from || e.createdMs >= before) return false;
    if (verified !== undefined && e.verified !== verified) return false;
    if (answered !== undefined && e.answered !== answered) return false;
    return true;
  };
}
