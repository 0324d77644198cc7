import type { Caller } from "../identity.js";
import type { Entry } from "./entry.js";

/** What a caller sees of an entry: the entry plus what they may do with it. */
export interface EntryView extends Entry {
  stale: boolean;
  hasVoted: boolean;
  canEdit: boolean;
  canDelete: boolean;
  canVerify: boolean;
  /** The original author, when not the saver, may ask for the entry to be removed. */
  canRequestRemoval: boolean;
}

/** Whether a steward's review date has passed. */
export function isStale(entry: Entry, now: Date): boolean {
  const reviewBy = entry.verification?.reviewBy;
  return reviewBy !== undefined && reviewBy < now.toISOString().slice(0, 10);
}

/** Derives the caller's permissions on an entry. */
export function entryView(
  entry: Entry,
  caller: Caller,
  isSteward: boolean,
  hasVoted: boolean,
  now: Date,
): EntryView {
  const isSaver = entry.savedBy.id === caller.userId;
  const isAuthor = entry.author.id === caller.userId;
  return {
    ...entry,
    stale: isStale(entry, now),
    hasVoted,
    canEdit: isSaver || isAuthor || isSteward,
    canDelete: isSaver || isSteward,
    canVerify: isSteward,
    canRequestRemoval: isAuthor && !isSaver && !isSteward,
  };
}
