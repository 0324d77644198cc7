import { randomUUID } from "node:crypto";
import { odata, type TableEntityResult, type TransactionAction } from "@azure/data-tables";
import { personRef } from "../domain/identity.js";
import type { Entry, EntrySource, EntryType, Verification } from "../domain/library/entry.js";
import type {
  EntryRepository,
  EntryRevision,
  HelpfulDay,
  HelpfulVote,
  LearningInteraction,
  LibraryChange,
} from "../domain/library/entryRepository.js";
import type { Page, PageRequest } from "../domain/paging.js";
import { HelpfulTallies } from "./helpfulTallies.js";
import { keyPart, keys, TABLES } from "./keys.js";
import { statusOf, translateTableErrors } from "./tableErrors.js";
import type { TableStore } from "./tableStore.js";

/** How an entry is stored: people and lists as JSON strings (Tables has no nested types). */
type EntryRow = {
  partitionKey: string;
  rowKey: string;
  type: string;
  title: string;
  body: string;
  summary: string;
  tagsJson: string;
  authorJson: string;
  savedByJson: string;
  sourceJson: string;
  createdAt: string;
  updatedAt: string;
  helpfulCount: number;
  verificationJson?: string;
  answered?: boolean;
  removalRequestedByJson?: string;
  removalRequestedAt?: string;
  removalReason?: string;
};

type ChangeRow = {
  partitionKey: string;
  rowKey: string;
  entryId: string;
  kind: string;
  at: string;
};

type RevisionRow = {
  partitionKey: string;
  rowKey: string;
  at: string;
  editedByJson: string;
  title: string;
  body: string;
  summary: string;
  tagsJson: string;
  /** A decision recorded in the history (a kept removal request); absent on edits. */
  decisionJson?: string;
  /** The ETag of the version this row keeps, the one the edit replaced (absent on older rows). */
  supersededEtag?: string;
};

/** Row kinds of the Library table; `{kind}|` prefixes the row key, `{kind}}` ends its range. */
const ENTRY = "entry";
const CHANGE = "change";
const INTERACTION = "interaction";
const VOTE = "vote";
const REVISION = "revision";

/** How many single-row deletes go out at once when an entry's vote facts are removed. */
const PARALLEL_DELETES = 20;

/** `PartitionKey eq pk` restricted to the row keys of one kind (a range scan, not a filter). */
function ofKind(pk: string, kind: string, after?: string) {
  const from = after ?? `${kind}|`;
  const to = `${kind}}`; // "}" sorts right after "|"
  return after
    ? odata`PartitionKey eq ${pk} and RowKey gt ${from} and RowKey lt ${to}`
    : odata`PartitionKey eq ${pk} and RowKey ge ${from} and RowKey lt ${to}`;
}

/** The insight library in one Azure Table (key design in keys.ts). */
export class TablesEntryRepository implements EntryRepository {
  private readonly tallies: HelpfulTallies;

  constructor(private readonly store: TableStore) {
    this.tallies = new HelpfulTallies(store);
  }

  private get table() {
    return this.store.table(TABLES.library);
  }

  async create(entry: Omit<Entry, "etag">): Promise<Entry> {
    const actions: TransactionAction[] = [
      ["create", toRow(entry)],
      ["create", changeRow(entry.tenantId, entry.communityId, entry.id, "upsert")],
    ];
    const result = await translateTableErrors("The entry", () => this.table.submitTransaction(actions));
    return { ...entry, etag: result.subResponses[0]?.etag ?? "" };
  }

  /**
   * Imports many entries of one community at once (demo data, migrations, benchmarks), in
   * transactions of at most 100 operations (the Tables limit). Each entry goes with its change-log
   * row, unless `changeLog: false` — only right for a library no server instance has indexed yet
   * (an index built later reads the entries themselves).
   */
  async importMany(entries: Omit<Entry, "etag">[], options: { changeLog?: boolean } = {}): Promise<void> {
    const withLog = options.changeLog ?? true;
    const actions: TransactionAction[] = entries.flatMap((entry): TransactionAction[] => [
      ["upsert", toRow(entry), "Replace"],
      ...(withLog
        ? [["create", changeRow(entry.tenantId, entry.communityId, entry.id, "upsert")] as TransactionAction]
        : []),
    ]);
    await this.store.submitBatches(TABLES.library, actions);
  }

  async get(tenantId: string, communityId: string, entryId: string): Promise<Entry | undefined> {
    const row = await this.store.getEntity<EntryRow>(
      TABLES.library,
      keys.library(tenantId, communityId),
      entryKey(entryId),
    );
    return row ? fromRow(tenantId, communityId, row) : undefined;
  }

  /**
   * Writes an edit; `revision` (the previous version) goes to the history. History lives in the
   * entry's own partition, so it cannot share the edit's transaction: it is written first, marked
   * with the version it keeps. If the edit then fails, that version is still current and
   * {@link listRevisions} leaves the row out; if the edit lands, the previous text is already kept.
   * (Written after the edit, storage failing in between lost the previous text for good.)
   */
  async update(entry: Entry, revision?: EntryRevision): Promise<Entry> {
    const history = revision
      ? revisionRow(entry.tenantId, entry.communityId, revision, entry.etag)
      : undefined;
    if (history) await this.table.createEntity(history);
    try {
      const result = await translateTableErrors("The entry", () =>
        this.table.submitTransaction([
          ["update", toRow(entry), "Replace", { etag: entry.etag }],
          ["create", changeRow(entry.tenantId, entry.communityId, entry.id, "upsert")],
        ]),
      );
      return { ...entry, etag: result.subResponses[0]?.etag ?? "" };
    } catch (error) {
      // Tidy up while storage answers (someone else's edit came first); otherwise it is left out.
      if (history) await this.table.deleteEntity(history.partitionKey, history.rowKey).catch(() => undefined);
      throw error;
    }
  }

  async delete(tenantId: string, communityId: string, entryId: string): Promise<void> {
    const rowsPk = keys.entryRows(tenantId, communityId, entryId);
    const rows = await this.store.partitionRows<{ at?: string }>(TABLES.library, rowsPk);
    await this.store.submitBatches(
      TABLES.library,
      rows.map((r) => ["delete", { partitionKey: rowsPk, rowKey: r.rowKey ?? "" }]),
    );
    // A vote's learning fact goes with the vote (one by one: a transaction fails on a missing row).
    const votes = rows.filter((r) => r.rowKey?.startsWith(`${VOTE}|`) && r.at);
    for (let i = 0; i < votes.length; i += PARALLEL_DELETES) {
      await Promise.all(
        votes
          .slice(i, i + PARALLEL_DELETES)
          .map((r) =>
            this.deleteVoteFact(
              tenantId,
              communityId,
              entryId,
              r.rowKey?.slice(VOTE.length + 1) ?? "",
              r.at ?? "",
            ),
          ),
      );
    }
    try {
      await this.table.submitTransaction([
        ["delete", { partitionKey: keys.library(tenantId, communityId), rowKey: entryKey(entryId) }],
        ["create", changeRow(tenantId, communityId, entryId, "remove")],
      ]);
    } catch (error) {
      if (statusOf(error) !== 404) throw error; // already gone
    }
  }

  async list(tenantId: string, communityId: string, page?: PageRequest): Promise<Page<Entry>> {
    const pk = keys.library(tenantId, communityId);
    return this.store.queryPageOf<EntryRow, Entry>(TABLES.library, ofKind(pk, ENTRY), page, (row) =>
      fromRow(tenantId, communityId, row),
    );
  }

  async listRemovalRequested(tenantId: string, communityId: string): Promise<Entry[]> {
    const pk = keys.library(tenantId, communityId);
    // A missing property compares false in Tables, so only entries with a request come back; the
    // range scan of the partition stays on the service side, not in this process.
    const rows = await this.store.queryAll<EntryRow>(
      TABLES.library,
      odata`PartitionKey eq ${pk} and RowKey ge ${`${ENTRY}|`} and RowKey lt ${`${ENTRY}}`} and removalRequestedByJson ne ${""}`,
    );
    return rows.map((row) => fromRow(tenantId, communityId, row));
  }

  async listRevisions(tenantId: string, communityId: string, entryId: string): Promise<EntryRevision[]> {
    const pk = keys.entryRows(tenantId, communityId, entryId);
    const [rows, current] = await Promise.all([
      this.store.queryAll<RevisionRow>(TABLES.library, ofKind(pk, REVISION)),
      this.store.getEntity<EntryRow>(TABLES.library, keys.library(tenantId, communityId), entryKey(entryId)),
    ]);
    // Newest first. A row that keeps the current version belongs to an edit that never landed; an
    // edit repeated after such a failure left a row per attempt: one row per kept version.
    const kept = new Set<string>();
    return rows
      .reverse()
      .filter((r) => {
        if (!r.supersededEtag) return true;
        if (r.supersededEtag === current?.etag || kept.has(r.supersededEtag)) return false;
        kept.add(r.supersededEtag);
        return true;
      })
      .map((r) => ({
        entryId,
        at: r.at,
        editedBy: personRef(JSON.parse(r.editedByJson)),
        title: r.title,
        body: r.body,
        summary: r.summary,
        tags: JSON.parse(r.tagsJson) as string[],
        ...(r.decisionJson ? { decision: JSON.parse(r.decisionJson) as EntryRevision["decision"] } : {}),
      }));
  }

  async addVote({ tenantId, communityId, entryId, voter, at, learnedFrom }: HelpfulVote): Promise<boolean> {
    const pk = keys.entryRows(tenantId, communityId, entryId);
    const rowKey = voteKey(voter.id);
    let votedAt = at;
    let added = true;
    try {
      await this.table.createEntity({ partitionKey: pk, rowKey, displayName: voter.displayName, at });
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
      added = false;
      // Voted before: make sure that vote's fact is there (an instance may have stopped in between).
      const existing = learnedFrom && (await this.store.getEntity<VoteRow>(TABLES.library, pk, rowKey));
      if (!existing) return false;
      votedAt = existing.at;
    }
    if (learnedFrom) {
      await this.recordHelpfulVoteFact({
        tenantId,
        communityId,
        kind: "helpful",
        from: voter,
        to: learnedFrom,
        entryId,
        at: votedAt,
      });
    }
    return added;
  }

  async removeVote(
    tenantId: string,
    communityId: string,
    entryId: string,
    voterId: string,
  ): Promise<boolean> {
    const pk = keys.entryRows(tenantId, communityId, entryId);
    const vote = await this.store.getEntity<VoteRow>(TABLES.library, pk, voteKey(voterId));
    if (!vote) return false;
    let removed = true;
    try {
      // Only the vote read: a vote cast again meanwhile (a new row, a new ETag) stays, with its fact.
      await this.table.deleteEntity(pk, voteKey(voterId), { etag: vote.etag });
    } catch (error) {
      if (statusOf(error) === 412) return false;
      if (statusOf(error) !== 404) throw error;
      removed = false; // removed by a concurrent unvote, which removes the fact too; so does this
    }
    await this.deleteVoteFact(tenantId, communityId, entryId, voterId, vote.at);
    await this.tallies.settle(tenantId, communityId, vote.at);
    return removed;
  }

  /**
   * Stores the learning fact of a helpful vote (one row per vote, keyed by it: recording it again
   * changes nothing), then checks that the vote is still there: an unvote racing this call may have
   * removed the vote, and the fact, before the fact was written; then the fact goes again. Either
   * way no fact outlives its vote: the unvote deletes after removing the vote, this call checks
   * after writing. Used by votes and by the repair of votes recorded before facts were keyed.
   */
  async recordHelpfulVoteFact(fact: LearningInteraction & { entryId: string }): Promise<void> {
    const { tenantId, communityId, entryId, from } = fact;
    const row = {
      ...interactionRow(fact),
      rowKey: keys.helpfulVoteFact(fact.at, entryId, from.id),
    };
    await this.table.upsertEntity(row, "Replace");
    const vote = await this.store.getEntity<VoteRow>(
      TABLES.library,
      keys.entryRows(tenantId, communityId, entryId),
      voteKey(from.id),
    );
    if (vote?.at !== fact.at) await this.deleteVoteFact(tenantId, communityId, entryId, from.id, fact.at);
    await this.tallies.settle(tenantId, communityId, fact.at);
  }

  private async deleteVoteFact(
    tenantId: string,
    communityId: string,
    entryId: string,
    voterId: string,
    at: string,
  ): Promise<void> {
    await this.store.deleteIfExists(
      TABLES.library,
      keys.library(tenantId, communityId),
      keys.helpfulVoteFact(at, entryId, voterId),
    );
  }

  async setHelpfulCount(
    tenantId: string,
    communityId: string,
    entryId: string,
    helpfulCount: number,
  ): Promise<void> {
    const row = {
      partitionKey: keys.library(tenantId, communityId),
      rowKey: entryKey(entryId),
      helpfulCount,
    };
    try {
      // Only the count (Merge), whatever the ETag ("If-Match: *": a deleted entry answers 404),
      // logged like every entry write so every instance's search index learns the new count.
      await this.table.submitTransaction([
        ["update", row, "Merge"],
        ["create", changeRow(tenantId, communityId, entryId, "upsert")],
      ]);
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }

  async hasVoted(tenantId: string, communityId: string, entryId: string, voterId: string): Promise<boolean> {
    const row = await this.store.getEntity(
      TABLES.library,
      keys.entryRows(tenantId, communityId, entryId),
      keys.rowOfKind(VOTE, voterId, "user id"),
    );
    return row !== undefined;
  }

  async countVotes(tenantId: string, communityId: string, entryId: string): Promise<number> {
    const pk = keys.entryRows(tenantId, communityId, entryId);
    let count = 0;
    const rows = this.table.listEntities({ queryOptions: { filter: ofKind(pk, VOTE), select: ["RowKey"] } });
    for await (const _ of rows) count++;
    return count;
  }

  async changesSince(
    tenantId: string,
    communityId: string,
    position: string | undefined,
  ): Promise<LibraryChange[]> {
    const pk = keys.library(tenantId, communityId);
    const rows = await this.store.queryAll<ChangeRow>(
      TABLES.library,
      ofKind(pk, CHANGE, position ? `${CHANGE}|${position}` : undefined),
    );
    return rows.map((r) => ({
      position: r.rowKey.slice(CHANGE.length + 1),
      entryId: r.entryId,
      kind: r.kind === "remove" ? "remove" : "upsert",
      at: r.at,
    }));
  }

  async recordInteraction(interaction: LearningInteraction): Promise<void> {
    try {
      await this.table.createEntity(interactionRow(interaction));
    } catch (error) {
      // A keyed interaction that exists was recorded by an earlier (retried) call.
      if (!(interaction.key && statusOf(error) === 409)) throw error;
    }
    // A helpful fact that is no vote (an accepted answer's credit) counts on the home's tally too.
    if (interaction.kind === "helpful")
      await this.tallies.settle(interaction.tenantId, interaction.communityId, interaction.at);
  }

  helpfulDays(tenantId: string, communityId: string, sinceDay: string): Promise<HelpfulDay[]> {
    return this.tallies.since(tenantId, communityId, sinceDay);
  }

  async listInteractions(
    tenantId: string,
    communityId: string,
    since: string,
  ): Promise<LearningInteraction[]> {
    const pk = keys.library(tenantId, communityId);
    const rows = await this.store.queryAll<{
      kind: string;
      fromJson: string;
      toJson: string;
      entryId?: string;
      at: string;
    }>(TABLES.library, ofKind(pk, INTERACTION, `${INTERACTION}|${since}`));
    return rows.map((r) => ({
      tenantId,
      communityId,
      kind: r.kind as LearningInteraction["kind"],
      from: personRef(JSON.parse(r.fromJson)),
      to: personRef(JSON.parse(r.toJson)),
      ...(r.entryId ? { entryId: r.entryId } : {}),
      at: r.at,
    }));
  }
}

type VoteRow = { displayName: string; at: string };

function voteKey(voterId: string): string {
  return keys.rowOfKind(VOTE, voterId, "user id");
}

function entryKey(entryId: string): string {
  return keys.rowOfKind(ENTRY, entryId);
}

function changeRow(
  tenantId: string,
  communityId: string,
  entryId: string,
  kind: LibraryChange["kind"],
): ChangeRow {
  // The log position and `at` are the time of writing (not the entry's `updatedAt`), so the log is
  // ordered as written and a reader can tell how old a change is in the log: an imported entry
  // edited last year was still logged now. (With `updatedAt` here, a reader that forgets applied
  // positions by age forgot a burst of imported entries at once and fetched them all again on
  // every read of the log.)
  const written = new Date().toISOString();
  return {
    partitionKey: keys.library(tenantId, communityId),
    rowKey: keys.timeOrdered(CHANGE, written, randomUUID()),
    entryId,
    kind,
    at: written,
  };
}

function interactionRow(i: LearningInteraction) {
  return {
    partitionKey: keys.library(i.tenantId, i.communityId),
    rowKey: keys.timeOrdered(INTERACTION, i.at, i.key ? keyPart(i.key, "interaction key") : randomUUID()),
    kind: i.kind,
    fromJson: JSON.stringify(personRef(i.from)),
    toJson: JSON.stringify(personRef(i.to)),
    ...(i.entryId ? { entryId: i.entryId } : {}),
    at: i.at,
  };
}

function revisionRow(
  tenantId: string,
  communityId: string,
  revision: EntryRevision,
  supersededEtag?: string,
): RevisionRow {
  return {
    partitionKey: keys.entryRows(tenantId, communityId, revision.entryId),
    rowKey: keys.timeOrdered(REVISION, revision.at, randomUUID()),
    at: revision.at,
    editedByJson: JSON.stringify(personRef(revision.editedBy)),
    title: revision.title,
    body: revision.body,
    summary: revision.summary,
    tagsJson: JSON.stringify(revision.tags),
    ...(revision.decision ? { decisionJson: JSON.stringify(revision.decision) } : {}),
    ...(supersededEtag ? { supersededEtag } : {}),
  };
}

function toRow(e: Omit<Entry, "etag">): EntryRow {
  return {
    partitionKey: keys.library(e.tenantId, e.communityId),
    rowKey: entryKey(e.id),
    type: e.type,
    title: e.title,
    body: e.body,
    summary: e.summary,
    tagsJson: JSON.stringify(e.tags),
    authorJson: JSON.stringify(personRef(e.author)),
    savedByJson: JSON.stringify(personRef(e.savedBy)),
    sourceJson: JSON.stringify(e.source),
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    helpfulCount: e.helpfulCount,
    ...(e.verification ? { verificationJson: JSON.stringify(e.verification) } : {}),
    ...(e.answered !== undefined ? { answered: e.answered } : {}),
    ...(e.removalRequestedBy
      ? { removalRequestedByJson: JSON.stringify(personRef(e.removalRequestedBy)) }
      : {}),
    ...(e.removalRequestedBy && e.removalRequestedAt ? { removalRequestedAt: e.removalRequestedAt } : {}),
    ...(e.removalRequestedBy && e.removalReason ? { removalReason: e.removalReason } : {}),
  };
}

function fromRow(tenantId: string, communityId: string, row: TableEntityResult<EntryRow>): Entry {
  return {
    tenantId,
    communityId,
    id: row.rowKey.slice(ENTRY.length + 1),
    type: row.type as EntryType,
    title: row.title,
    body: row.body,
    summary: row.summary,
    tags: JSON.parse(row.tagsJson) as string[],
    author: personRef(JSON.parse(row.authorJson)),
    savedBy: personRef(JSON.parse(row.savedByJson)),
    source: JSON.parse(row.sourceJson) as EntrySource,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    helpfulCount: row.helpfulCount,
    ...(row.verificationJson ? { verification: JSON.parse(row.verificationJson) as Verification } : {}),
    ...(row.answered !== undefined ? { answered: row.answered } : {}),
    ...(row.removalRequestedByJson
      ? { removalRequestedBy: personRef(JSON.parse(row.removalRequestedByJson)) }
      : {}),
    ...(row.removalRequestedAt ? { removalRequestedAt: row.removalRequestedAt } : {}),
    ...(row.removalReason ? { removalReason: row.removalReason } : {}),
    etag: row.etag,
  };
}
