import type { PersonRef } from "../identity.js";

/** How long a status note may be: a sentence or two, as the check-in card and My learning show it. */
export const MAX_NOTE_LENGTH = 500;

/** What became of a commitment, as its owner says (SPEC §2, peer coaching and accountability). */
export const COMMITMENT_STATUSES = ["open", "done", "partly", "dropped"] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** Where a commitment was made: the activity (and its session and chat, when known). */
export interface CommitmentSource {
  activityId: string;
  /** The activity's format (think-pair-share, knowledge-cafe, mastermind…). */
  format: string;
  /** The community session (or series: its occurrences share the id) the activity belonged to. */
  sessionId?: string;
  /** The chat it ran in. */
  conversationId: string;
  /** The Teams meeting, when it ran in one. */
  meetingId?: string;
}

/** One status change, kept in order: what the owner said and when. */
export interface StatusChange {
  status: CommitmentStatus;
  note?: string;
  at: string;
}

/**
 * "What will I try before next time", followed through: made in an activity, owned by one person,
 * checked in on at the community's next session and on its due day.
 */
export interface Commitment {
  tenantId: string;
  id: string;
  owner: PersonRef;
  communityId: string;
  source: CommitmentSource;
  text: string;
  /** A calendar day, YYYY-MM-DD. */
  due?: string;
  status: CommitmentStatus;
  /** Every status change, oldest first (the first is "open" when it was made). */
  history: StatusChange[];
  /** Who holds them to it: their group in the activity (think-pair-share), or the circle. */
  partners: PersonRef[];
  createdAt: string;
  updatedAt: string;
  /** The stored version: an update must name it (a stale one is a ConcurrencyError). */
  etag: string;
}

/** A commitment as an activity hands it over (see {@link CommitmentRecorder}). */
export interface ActivityCommitment {
  tenantId: string;
  owner: PersonRef;
  communityId: string;
  source: CommitmentSource;
  text: string;
  partners: PersonRef[];
  due?: string;
  at: string;
}

/**
 * What the activity engine needs to make a commitment first-class: one call when a person commits.
 * Idempotent per activity and person (a second commitment replaces the text).
 */
export interface CommitmentRecorder {
  recordFromActivity(commitment: ActivityCommitment, options?: RecordOptions): Promise<void>;
}

/** How a commitment is handed over. */
export interface RecordOptions {
  /**
   * Handed over again (the close does so for every commitment of the activity, most of them made
   * during it): read first, so an unchanged one costs a read and its index rows.
   */
  again?: boolean;
}

/** A community's commitments as its index row holds them (no text: the owner's row has that). */
export interface CommunityCommitmentRow {
  id: string;
  ownerId: string;
  status: CommitmentStatus;
  createdAt: string;
  due?: string;
  sessionId?: string;
}

/** A commitment with a due day not yet reminded of (the due scan's index). */
export interface DueCommitmentRow {
  tenantId: string;
  id: string;
  ownerId: string;
  due: string;
}

/** Counts of a community's commitments by status, and the share followed through. No names. */
export interface FollowThrough {
  total: number;
  done: number;
  partly: number;
  dropped: number;
  open: number;
  /**
   * (done + ½ partly) ÷ the commitments with an outcome (done, partly, dropped), 0–1; null when
   * none has an outcome yet (open ones are not counted against anyone: they may still happen).
   */
  rate: number | null;
}

/** A claim that makes one instance of several send a check-in (create-if-absent row). */
export type CheckInClaimResult = "claimed" | "taken";

/**
 * Storage port for commitments. Every key starts with the tenant; the owner's row is the
 * commitment (ETag-guarded), the community's and the due day's rows are indexes kept beside it.
 */
export interface CommitmentRepository {
  /** One commitment of its owner (read by key); undefined when there is none. */
  get(tenantId: string, ownerId: string, id: string): Promise<Commitment | undefined>;
  /** Creates it with its indexes; a ConflictError when it exists. */
  create(commitment: Omit<Commitment, "etag">): Promise<Commitment>;
  /**
   * Replaces it if `previous` (the version read, with its ETag) is current (else a
   * ConcurrencyError) and brings its indexes along.
   */
  replace(
    commitment: Omit<Commitment, "etag">,
    previous: Pick<Commitment, "etag" | "due">,
  ): Promise<Commitment>;
  /** Writes its index rows again (idempotent): a write that stopped between the row and them is mended. */
  reindex(commitment: Omit<Commitment, "etag">): Promise<void>;
  /** A person's commitments (one partition range). */
  ofOwner(tenantId: string, ownerId: string): Promise<Commitment[]>;
  /** A community's commitments made from `from` up to `to` inclusive (one partition range, index rows only). */
  ofCommunity(
    tenantId: string,
    communityId: string,
    from: string,
    to: string,
  ): Promise<CommunityCommitmentRow[]>;
  /** Commitments due on or before `day` not reminded of yet, every tenant (a small table). */
  dueUntil(day: string): Promise<DueCommitmentRow[]>;
  /** One tenant's commitments due on `day` (one partition range). */
  dueOn(tenantId: string, day: string): Promise<DueCommitmentRow[]>;
  /** The due-day reminder is no longer needed (sent, or the commitment changed). Idempotent. */
  removeDue(row: Pick<DueCommitmentRow, "tenantId" | "id" | "due">): Promise<void>;
  /** Claims a check-in (`key` names it) for one instance; a stale claim may be taken over. */
  claimCheckIn(
    tenantId: string,
    key: string,
    instanceId: string,
    now: Date,
    staleAfterMs: number,
  ): Promise<CheckInClaimResult>;
  completeCheckIn(tenantId: string, key: string): Promise<void>;
  releaseCheckIn(tenantId: string, key: string): Promise<void>;
}
