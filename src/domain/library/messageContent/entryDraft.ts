import type { PersonRef } from "../../identity.js";

/**
 * What "Save as insight" pre-fills from a Teams message: safe content plus the facts needed to
 * credit the author and link back. The person still chooses community, type, title and tags.
 */
export interface EntryDraft {
  /** Teams message id (`messagePayload.id`): with the conversation, it identifies the source. */
  messageId: string;
  /** When the message was posted (ISO 8601, UTC). */
  postedAt: string;
  /** Deep link back to the message (`linkToMessage`); absent unless it is an https URL. */
  link?: string;
  /** The person who wrote the message; `null` when an app or bot sent it (see `appName`). */
  author: PersonRef | null;
  /** The app or bot that sent the message, when no person did. */
  appName?: string;
  /** Safe markdown: no HTML, links only to http(s), no images, at most `MAX_BODY_CHARS`. */
  body: string;
  /** The body as plain text (no markdown markers) for search and previews. */
  plainText: string;
  /** Every http(s) link kept in the body, in order of first appearance, without duplicates. */
  links: string[];
  /** A title to offer the person: the subject, else the first heading or sentence. Plain text. */
  titleSuggestion: string;
  /** The message was longer than an entry keeps, so its end was cut; the dialog says so. */
  truncated: boolean;
}

/** Why a message cannot become an entry. */
export type DraftRejection = "deleted" | "empty" | "invalid";

/** The outcome of reading a message: a draft, or a reason with a sentence to show the person. */
export type DraftResult =
  | { ok: true; draft: EntryDraft }
  | { ok: false; reason: DraftRejection; message: string };
