import type { CommunityAccess } from "../communities/community.js";
import { createOnce, retryOnConflict } from "../concurrency.js";
import { ConcurrencyError, ConflictError, NotFoundError, ValidationError } from "../errors.js";
import { FORMATS } from "../formats/formatRegistry.js";
import type { Caller } from "../identity.js";
import { personRef } from "../identity.js";
import type { LearningFactRecorder } from "../insights/learningFacts.js";
import { isRealDate } from "../strictDates.js";
import { parseInput } from "../validation.js";
import type {
  ActivityCommitment,
  CheckInClaimResult,
  Commitment,
  CommitmentRecorder,
  CommitmentRepository,
  DueCommitmentRow,
  FollowThrough,
  RecordOptions,
  StatusChange,
} from "./commitment.js";
import {
  activityCommitmentTextSchema,
  type CommitmentUpdateInput,
  commitmentUpdateSchema,
  type FollowThroughWindow,
  followThroughWindowSchema,
} from "./commitmentSchemas.js";
import { byFollowUpOrder, followThroughOf } from "./followThrough.js";

export interface CommitmentServiceOptions {
  now?: () => Date;
  /** Who may read a community's follow-through rate (its members; anyone for an open one). */
  communities?: CommunityAccess;
  /** Where a commitment followed through is recorded as a learning fact (network insights). */
  facts?: LearningFactRecorder;
}

/** The follow-through of a community over a window, as the community home shows it. */
export interface CommunityFollowThrough extends FollowThrough {
  communityId: string;
  from: string;
  to: string;
}

/** A due commitment found by the scan, with the key of its once-only reminder. */
export interface DueCheckIn {
  commitment: Commitment;
  claimKey: string;
}

/** How far back the community's follow-through rate looks by default. */
const DEFAULT_WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;

/**
 * Commitments as first-class things (SPEC §2, peer coaching): recorded from any activity format,
 * updated only by their owner (status with a note, due day), checked in on at the community's next
 * session and on the due day, and counted into a follow-through rate that names nobody.
 */
export class CommitmentService implements CommitmentRecorder {
  private readonly now: () => Date;
  private readonly communities: CommunityAccess | undefined;
  private readonly facts: LearningFactRecorder | undefined;

  constructor(
    private readonly repository: CommitmentRepository,
    options: CommitmentServiceOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.communities = options.communities;
    this.facts = options.facts;
  }

  /**
   * Makes or refreshes the commitment a person wrote in an activity: one per activity and person,
   * so a second commitment (or a retried request) replaces the text and never makes another.
   * Status, history and due day the owner set since are kept.
   */
  async recordFromActivity(input: ActivityCommitment, options: RecordOptions = {}): Promise<void> {
    const text = parseInput(activityCommitmentTextSchema, input.text);
    if (input.due !== undefined && !isRealDate(input.due))
      throw new ValidationError("Give the due date as YYYY-MM-DD (a day that exists).", [
        { field: "due", message: "invalid date" },
      ]);
    const id = await commitmentIdOf(input.tenantId, input.source.activityId, input.owner.id);
    const partners = input.partners.filter((p) => p.id !== input.owner.id).map(personRef);
    const fresh = {
      tenantId: input.tenantId,
      id,
      owner: personRef(input.owner),
      communityId: input.communityId,
      source: input.source,
      text,
      ...(input.due ? { due: input.due } : {}),
      status: "open" as const,
      history: [{ status: "open" as const, at: input.at }],
      partners,
      createdAt: input.at,
      updatedAt: input.at,
    };
    // The first commitment of a person in an activity (the common case, 300 at once) is one
    // create; only when one exists is it read and its text replaced. Handed over again (the
    // close), it most likely exists: it is read first.
    if (!options.again && (await createOnce(() => this.repository.create(fresh)))) return;
    await retryOnConflict(async () => {
      const existing = await this.repository.get(input.tenantId, input.owner.id, id);
      if (!existing) {
        try {
          await this.repository.create(fresh);
          return;
        } catch (error) {
          // Another instance created it meanwhile: read it and replace the text instead.
          if (error instanceof ConflictError) throw new ConcurrencyError("created meanwhile");
          throw error;
        }
      }
      const { etag: _etag, ...rest } = existing;
      // Unchanged: only its indexes are written again (a retry after a failure between the row
      // and its indexes writes the indexes it missed).
      if (existing.text === text && (partners.length === 0 || samePeople(existing.partners, partners))) {
        await this.repository.reindex(rest);
        return;
      }
      await this.repository.replace(
        {
          ...rest,
          text,
          ...(partners.length > 0 ? { partners } : {}),
          updatedAt: this.now().toISOString(),
        },
        existing,
      );
    });
  }

  /** The caller's commitments with their history: open first, then by due day, then newest. */
  async mine(caller: Caller): Promise<Commitment[]> {
    const all = await this.repository.ofOwner(caller.tenantId, caller.userId);
    return all.sort(byFollowUpOrder);
  }

  /** One of the caller's own commitments; anyone else's is not found. */
  async get(caller: Caller, id: string): Promise<Commitment> {
    const found = await this.repository.get(caller.tenantId, caller.userId, id);
    if (!found) throw notYours();
    return found;
  }

  /**
   * The owner says how it went: a status, a note, a new due day. Only the owner can (another
   * person's commitment is not found for them); `etag` names the version they saw, and a stale one
   * is a ConcurrencyError, so an update made elsewhere meanwhile is never overwritten unseen.
   */
  async update(caller: Caller, id: string, input: CommitmentUpdateInput, etag: string): Promise<Commitment> {
    const data = parseInput(commitmentUpdateSchema, input);
    const existing = await this.get(caller, id);
    if (!etag || existing.etag !== etag)
      throw new ConcurrencyError("This commitment was changed elsewhere meanwhile. Reload it and try again.");
    const at = this.now().toISOString();
    const note = data.note ? data.note : undefined;
    const due = data.due === undefined ? existing.due : (data.due ?? undefined);
    const history: StatusChange[] =
      data.status !== existing.status || note
        ? [...existing.history, { status: data.status, ...(note ? { note } : {}), at }]
        : existing.history;
    const { etag: _stored, due: _oldDue, ...rest } = existing;
    const updated = await this.repository
      .replace({ ...rest, status: data.status, history, ...(due ? { due } : {}), updatedAt: at }, existing)
      .catch((error: unknown) => {
        if (error instanceof ConcurrencyError)
          throw new ConcurrencyError(
            "This commitment was changed elsewhere meanwhile. Reload it and try again.",
          );
        throw error;
      });
    // Followed through: one fact when it becomes done or partly (partly → done is the same one).
    const followed = (status: string) => status === "done" || status === "partly";
    if (this.facts && followed(data.status) && !followed(existing.status))
      await this.facts.recordInteraction({
        tenantId: updated.tenantId,
        communityId: updated.communityId,
        kind: "followed-through",
        from: updated.owner,
        to: updated.owner,
        at,
        key: `followed-through-${updated.id}`,
      });
    return updated;
  }

  /**
   * How well a community follows through on what its people commit to, over a window (default: the
   * last 90 days): counts and a rate, never names. Anyone who may read the community sees it.
   */
  async followThrough(
    caller: Caller,
    communityId: string,
    window: FollowThroughWindow = {},
  ): Promise<CommunityFollowThrough> {
    if (this.communities) await this.communities.readable(caller, communityId);
    return this.communityFollowThrough(caller.tenantId, communityId, window);
  }

  /** {@link followThrough} for a caller whose access was checked already (the community home). */
  async communityFollowThrough(
    tenantId: string,
    communityId: string,
    window: FollowThroughWindow = {},
  ): Promise<CommunityFollowThrough> {
    const range = parseInput(followThroughWindowSchema, window);
    const to = range.to ? new Date(range.to).toISOString() : this.now().toISOString();
    const from = range.from
      ? new Date(range.from).toISOString()
      : new Date(Date.parse(to) - DEFAULT_WINDOW_DAYS * DAY_MS).toISOString();
    if (from > to)
      throw new ValidationError("From must be before to.", [{ field: "from", message: "after to" }]);
    const rows = await this.repository.ofCommunity(tenantId, communityId, from, to);
    return { communityId, from, to, ...followThroughOf(rows.map((r) => r.status)) };
  }

  /**
   * The open commitments made in a community up to `before` (the check-in at its next session),
   * with text and owner, soonest due first. Read from the community's index, then each owner's
   * row by key: a person whose data was erased is left out.
   */
  async openForCheckIn(tenantId: string, communityId: string, before: Date): Promise<Commitment[]> {
    const rows = await this.repository.ofCommunity(tenantId, communityId, "", before.toISOString());
    const open = rows.filter((r) => r.status === "open");
    const found = await Promise.all(open.map((r) => this.repository.get(tenantId, r.ownerId, r.id)));
    // A confidential format's commitments (a mastermind's) are followed up in their owner's
    // personal chat and My learning only: a meeting's shared check-in card never lists them.
    return found
      .filter((c): c is Commitment => c !== undefined && c.status === "open" && !fromConfidential(c))
      .sort(byFollowUpOrder);
  }

  /**
   * Open commitments whose due day has come (UTC) and whose owner has not been reminded yet, every
   * tenant. Rows that no longer need a reminder (done, dropped, moved) leave the index here.
   */
  async dueForCheckIn(now: Date = this.now()): Promise<DueCheckIn[]> {
    const today = now.toISOString().slice(0, 10);
    const due: DueCheckIn[] = [];
    for (const row of await this.repository.dueUntil(today)) {
      const commitment = await this.repository.get(row.tenantId, row.ownerId, row.id);
      if (commitment?.status !== "open" || commitment.due !== row.due) {
        await this.repository.removeDue(row);
        continue;
      }
      due.push({ commitment, claimKey: dueClaimKey(row) });
    }
    return due;
  }

  /** One tenant's commitments due on a day (ids and owners only). */
  async dueOn(tenantId: string, day: string): Promise<DueCommitmentRow[]> {
    if (!isRealDate(day)) throw new ValidationError("Give the day as YYYY-MM-DD (a day that exists).");
    return this.repository.dueOn(tenantId, day);
  }

  /** The due-day reminder went out: it is not sent again. */
  async reminded(commitment: Pick<Commitment, "tenantId" | "id" | "due">, claimKey: string): Promise<void> {
    await this.repository.completeCheckIn(commitment.tenantId, claimKey);
    if (commitment.due)
      await this.repository.removeDue({
        tenantId: commitment.tenantId,
        id: commitment.id,
        due: commitment.due,
      });
  }

  /** Claims a check-in for this instance: exactly one of several wins (see the repository). */
  claimCheckIn(
    tenantId: string,
    key: string,
    instanceId: string,
    staleAfterMs: number,
  ): Promise<CheckInClaimResult> {
    return this.repository.claimCheckIn(tenantId, key, instanceId, this.now(), staleAfterMs);
  }

  completeCheckIn(tenantId: string, key: string): Promise<void> {
    return this.repository.completeCheckIn(tenantId, key);
  }

  /** Gives a claim back after a failed send, so a later pass (any instance) tries again. */
  releaseCheckIn(tenantId: string, key: string): Promise<void> {
    return this.repository.releaseCheckIn(tenantId, key);
  }
}

/** The claim key of a commitment's due-day reminder: once per commitment and due day. */
export function dueClaimKey(row: Pick<DueCommitmentRow, "id" | "due">): string {
  return `due.${row.id}.${row.due}`;
}

/** The claim key of a session's check-in card: once per community and meeting occurrence. */
export function sessionCheckInKey(communityId: string, occurrence: string): string {
  return `session.${communityId}.${occurrence}`;
}

function notYours(): NotFoundError {
  return new NotFoundError("This commitment does not exist, or it is not yours to change.");
}

/**
 * A commitment's id, derived from where it was made and by whom, so the same person committing
 * again in the same activity (or a retried request) finds the one they made.
 */
export async function commitmentIdOf(tenantId: string, activityId: string, ownerId: string): Promise<string> {
  const bytes = new TextEncoder().encode(`${tenantId}\n${activityId}\n${ownerId}`);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return [...digest.slice(0, 16)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Whether a commitment was made in a confidential format (nothing of it is shown to others). */
function fromConfidential(commitment: Commitment): boolean {
  const format = (FORMATS as Record<string, { activity?: { confidential: boolean } }>)[
    commitment.source.format
  ];
  return format?.activity?.confidential === true;
}

/** The same people, in any order (a commitment's accountability partners). */
function samePeople(a: readonly { id: string }[], b: readonly { id: string }[]): boolean {
  if (a.length !== b.length) return false;
  const ids = new Set(a.map((p) => p.id));
  return b.every((p) => ids.has(p.id));
}
