import type { Entry } from "./entry.js";
import type { HeldEntryText } from "./librarySearch.js";

/**
 * What quoting an entry needs (asking the community): its words, type and whether a question was
 * answered, at one version. `format` says what `body` is: the stored markdown, or the plain text
 * the search engine holds (markers gone, one line per paragraph, list item or code line; capped
 * like what is indexed).
 */
export interface QuotableEntry
  extends Pick<Entry, "communityId" | "id" | "type" | "title" | "summary" | "body" | "tags" | "answered"> {
  /** The entry's `updatedAt` at the version quoted. */
  version: string;
  format: "markdown" | "plain";
}

/** An entry read from storage, as quotable. */
export function quotableOf(entry: Entry): QuotableEntry {
  const { communityId, id, type, title, summary, body, tags, answered, updatedAt } = entry;
  const text = { communityId, id, type, title, summary, body, tags, version: updatedAt };
  return answered === undefined ? { ...text, format: "markdown" } : { ...text, answered, format: "markdown" };
}

/** An entry as the search engine holds it, as quotable (its plain text for a body). */
export function quotableFromHeld(communityId: string, held: HeldEntryText): QuotableEntry {
  const { id, type, title, summary, tags, plainText, answered, updatedAt } = held;
  const text = { communityId, id, type, title, summary, body: plainText, tags, version: updatedAt };
  return type === "qa" ? { ...text, answered, format: "plain" } : { ...text, format: "plain" };
}
