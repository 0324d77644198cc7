import type { PersonRef } from "../identity.js";
import type { LearningFactKind } from "../insights/insightsFacts.js";
import type { Page, PageRequest } from "../paging.js";
import type { Entry } from "./entry.js";

/** An earlier version of an entry, kept when it is edited. */
export interface EntryRevision {
  entryId: string;
  at: string;
  editedBy: PersonRef;
  title: string;
  body: string;
  summary: string;
  tags: string[];
  /**
   * A decision about the entry rather than an edit of its text (the text is the entry's, unchanged).
   * Absent on ordinary edits.
   */
  decision?: RemovalRequestDismissal;
}

/** A steward kept an entry its original author had asked to remove (`editedBy` is the steward). */
export interface RemovalRequestDismissal {
  kind: "removalRequestDismissed";
  requestedBy: PersonRef;
  requestedAt?: string;
  reason?: string;
}

/** A change to a community's library, as other server instances learn of it. */
export interface LibraryChange {
  /** Opaque, ordered position in the community's change log. */
  position: string;
  entryId: string;
  kind: "upsert" | "remove";
  /** When the change was written to the log (ISO 8601), not when the entry was last edited. */
  at: string;
}

/**
 * A learning interaction: someone learned from someone (voted their entry helpful, paired with them).
 * Saving someone's message is one too, but it needs no row: the entry's author and saver say it.
 */
export interface LearningInteraction {
  tenantId: string;
  communityId: string;
  /** The kinds of learning fact (insights/insightsFacts.ts explains each). */
  kind: LearningFactKind;
  from: PersonRef;
  to: PersonRef;
  entryId?: string;
  at: string;
  /**
   * Makes recording idempotent: an interaction with a key already recorded (a retried close of an
   * activity) is not recorded twice. Without one, every call records a new interaction.
   */
  key?: string;
}

/** One day's helpful votes for other people's entries, per person voted for (self-votes left out). */
export interface HelpfulDay {
  day: string;
  teachers: { person: PersonRef; helpful: number }[];
}

/** A person's helpful vote on an entry. */
export interface HelpfulVote {
  tenantId: string;
  communityId: string;
  entryId: string;
  voter: PersonRef;
  at: string;
  /** The entry's author, when someone else: who the voter learned from. */
  learnedFrom?: PersonRef;
}

/**
 * Storage port of the insight library. Every call is scoped by tenant and community. Every write
 * of an entry also appends to the community's change log, atomically with the write, so every
 * server instance's search index learns of it.
 */
export interface EntryRepository {
  /**
   * Inserts a new entry together with its change-log row — both or neither. An entry with the
   * same id fails with a ConflictError.
   */
  create(entry: Omit<Entry, "etag">): Promise<Entry>;
  get(tenantId: string, communityId: string, entryId: string): Promise<Entry | undefined>;
  /**
   * Replaces the entry if `entry.etag` is current (else a ConcurrencyError), together with its
   * change-log row and, when given, the revision that keeps the previous version.
   */
  update(entry: Entry, revision?: EntryRevision): Promise<Entry>;
  /** Deletes the entry (logging its removal), its votes and its history. */
  delete(tenantId: string, communityId: string, entryId: string): Promise<void>;
  list(tenantId: string, communityId: string, page?: PageRequest): Promise<Page<Entry>>;
  /** The community's entries whose original author asked for their removal, in no particular order. */
  listRemovalRequested(tenantId: string, communityId: string): Promise<Entry[]>;

  listRevisions(tenantId: string, communityId: string, entryId: string): Promise<EntryRevision[]>;

  /**
   * Records a person's helpful vote; false when they had already voted (idempotent). With
   * `learnedFrom` the vote is also a "helpful" learning interaction: exactly one per vote,
   * whatever the retries, removed with the vote.
   */
  addVote(vote: HelpfulVote): Promise<boolean>;
  /** Removes a person's vote and the learning interaction it stood for; false when there was none. */
  removeVote(tenantId: string, communityId: string, entryId: string, voterId: string): Promise<boolean>;
  hasVoted(tenantId: string, communityId: string, entryId: string, voterId: string): Promise<boolean>;
  /** How many helpful votes the entry has, counted from the vote rows now. */
  countVotes(tenantId: string, communityId: string, entryId: string): Promise<number>;
  /**
   * Stores the entry's helpful count, whatever its ETag, with a change-log row (see `settleCount`:
   * the count is a cache of the vote rows, checked after writing). Nothing happens when it is gone.
   */
  setHelpfulCount(
    tenantId: string,
    communityId: string,
    entryId: string,
    helpfulCount: number,
  ): Promise<void>;

  /** Changes after `position` (exclusive), oldest first; from the start when undefined. */
  changesSince(tenantId: string, communityId: string, position: string | undefined): Promise<LibraryChange[]>;

  /** Records a learning interaction (helpful votes record theirs through `addVote`). */
  recordInteraction(interaction: LearningInteraction): Promise<void>;
  /** A community's learning interactions since an instant (ISO), oldest first. */
  listInteractions(tenantId: string, communityId: string, since: string): Promise<LearningInteraction[]>;
  /**
   * The community's helpful votes per day and person voted for, from the day `sinceDay`
   * (YYYY-MM-DD) on: kept as votes change, so reading a month is a fixed number of rows.
   */
  helpfulDays(tenantId: string, communityId: string, sinceDay: string): Promise<HelpfulDay[]>;
}
