import { randomUUID } from "node:crypto";
import { odata, type TableEntityResult, type TransactionAction } from "@azure/data-tables";
import { retryOnConflict } from "../domain/concurrency.js";
import { ConcurrencyError } from "../domain/errors.js";
import type { PersonRef } from "../domain/identity.js";
import { keyPart, keys, TABLES, type TableName, voterOfHelpfulVoteFact } from "./keys.js";
import { statusOf } from "./tableErrors.js";
import type { TableStore } from "./tableStore.js";
import { TablesEntryRepository } from "./tablesEntryRepository.js";

/**
 * An administrator's view of one tenant's data, for export and erasure (the admin guide's "how to
 * remove data"; `npm run data`). It relies on the key design in keys.ts: every PartitionKey starts
 * with the tenant id, so one range query per table finds all of a tenant's rows and nothing else.
 *
 * What deleting a person means:
 * - their own rows go: memberships (both index rows), votes and the learning facts they stand
 *   for, RSVPs (both index rows), playbook ticks, and any other row whose key names them (`…|user|{id}` partitions, `{kind}|{id}` rows);
 * - rows the community shares stay, with the person replaced by a pseudonym, "Former member",
 *   whose id is random per erasure (not derived from theirs): authorship and saving of entries,
 *   verifications, edit history, session organiser and roles, playbook authorship, learning
 *   interactions. They are removed from community stewards;
 * - counts that depended on them (members, helpful votes) are recomputed;
 * - stored network insights (computed reports) are dropped whole and computed again without them;
 * - free text is not rewritten: an entry's body that names them stays as written (stewards can
 *   edit or delete it, and deleting the tenant's data removes everything).
 */

/** A row as exported: keys, the service's timestamp, and the stored properties as they are. */
export interface ExportedRow {
  partitionKey: string;
  rowKey: string;
  timestamp?: string;
  [property: string]: unknown;
}

export interface DataExport {
  format: "peercircle-data-export/v1";
  exportedAt: string;
  tenantId: string;
  /** Present when the export is one person's data. */
  userId?: string;
  tables: Partial<Record<TableName, ExportedRow[]>>;
}

export interface TenantDeletionReport {
  tenantId: string;
  deleted: Partial<Record<TableName, number>>;
}

export interface UserDeletionReport {
  tenantId: string;
  userId: string;
  /** The random id that now stands for the person on shared rows. */
  pseudonymId: string;
  deleted: Partial<Record<TableName, number>>;
  anonymised: Partial<Record<TableName, number>>;
  /**
   * Communities the person was the only steward of: they now have none, and need a new steward
   * (nobody can change their settings until then).
   */
  communitiesWithoutSteward: string[];
}

/** How a former member appears on shared rows. */
export const FORMER_MEMBER_NAME = "Former member";

/** A row as read, with its keys (always present on rows read from a table). */
type Row = Record<string, unknown> & {
  partitionKey: string;
  rowKey: string;
  etag: string;
  timestamp?: string;
};

function asRow(entity: TableEntityResult<Record<string, unknown>>): Row {
  return { ...entity, partitionKey: entity.partitionKey ?? "", rowKey: entity.rowKey ?? "" };
}

/** Keys of an Azure Tables row that are not the app's own properties. */
const SYSTEM_PROPERTIES = new Set(["partitionKey", "rowKey", "etag", "timestamp", "odata.metadata"]);

/** Export, and deletion of a tenant's or one person's data. */
export class TenantData {
  private readonly entries: TablesEntryRepository;

  constructor(
    private readonly store: TableStore,
    private readonly tables: readonly TableName[] = Object.values(TABLES),
  ) {
    this.entries = new TablesEntryRepository(store);
  }

  /** Every row of the tenant, table by table. */
  async exportTenant(tenantId: string): Promise<DataExport> {
    const result: DataExport = this.emptyExport(tenantId);
    for (const table of this.tables) {
      result.tables[table] = (await this.tenantRows(table, tenantId)).map(exportedRow);
    }
    return result;
  }

  /**
   * The person's own rows and every shared row that names them (as author, saver, steward…). A
   * helpful vote's learning fact is the voter's own, like the vote it goes with: it is exported to
   * the voter, not to the author it names.
   */
  async exportUser(tenantId: string, userId: string): Promise<DataExport> {
    keyPart(userId, "user id");
    const result: DataExport = { ...this.emptyExport(tenantId), userId };
    for (const table of this.tables) {
      const rows = await this.tenantRows(table, tenantId);
      result.tables[table] = rows
        .filter(
          (row) =>
            isPersonalRow(row, tenantId, userId) ||
            (mentions(row, userId) && voterOfHelpfulVoteFact(row.rowKey) === undefined),
        )
        .map(exportedRow);
    }
    return result;
  }

  /**
   * Deletes every row of the tenant in every table, in transactions per partition. Idempotent:
   * running it again after an interruption finishes the job.
   */
  async deleteTenant(tenantId: string): Promise<TenantDeletionReport> {
    const report: TenantDeletionReport = { tenantId, deleted: {} };
    for (const table of this.tables) {
      let count = 0;
      const pages = this.store
        .table(table)
        .listEntities({
          queryOptions: { filter: tenantFilter(tenantId), select: ["PartitionKey", "RowKey"] },
        })
        .byPage({ maxPageSize: 1000 });
      for await (const page of pages) {
        await this.store.submitBatches(table, page.map(deleteAction));
        count += page.length;
      }
      report.deleted[table] = count;
    }
    return report;
  }

  /**
   * Erases one person from a tenant (see the module comment for what stays, pseudonymised).
   * Safe to run again: a second run finds nothing left to delete or rewrite.
   */
  async deleteUser(tenantId: string, userId: string): Promise<UserDeletionReport> {
    keyPart(userId, "user id");
    const pseudonym: PersonRef = { id: `former-${randomUUID()}`, displayName: FORMER_MEMBER_NAME };
    const report: UserDeletionReport = {
      tenantId,
      userId,
      pseudonymId: pseudonym.id,
      deleted: {},
      anonymised: {},
      communitiesWithoutSteward: [],
    };
    const communitiesToRecount = new Set<string>();
    const entriesToRecount = new Set<string>(); // `${communityId}|${entryId}`

    for (const table of this.tables) {
      const rows = await this.tenantRows(table, tenantId);
      if (table === TABLES.insights) {
        // Stored insights are computed from the other tables and name people inside compressed
        // reports: erasing someone drops them all, and the next look recomputes them without them.
        await this.store.submitBatches(table, rows.map(deleteAction));
        report.deleted[table] = rows.length;
        continue;
      }
      const personal = rows.filter((row) => isPersonalRow(row, tenantId, userId));
      for (const row of personal) {
        const community = communityOfPartition(tenantId, row.partitionKey);
        if (table === TABLES.memberships && community) communitiesToRecount.add(community.communityId);
        if (table === TABLES.library && community?.entryId)
          entriesToRecount.add(`${community.communityId}|${community.entryId}`);
      }
      await this.store.submitBatches(table, personal.map(deleteAction));
      report.deleted[table] = personal.length;

      let anonymised = 0;
      for (const row of rows) {
        if (isPersonalRow(row, tenantId, userId) || !mentions(row, userId)) continue;
        if (table === TABLES.library && row.rowKey.startsWith("entry|")) {
          const community = communityOfPartition(tenantId, row.partitionKey);
          if (!community) continue;
          await this.anonymiseEntry(tenantId, community.communityId, row.rowKey.slice(6), userId, pseudonym);
        } else {
          if (table === TABLES.communities && isOnlySteward(row, userId))
            report.communitiesWithoutSteward.push(row.rowKey);
          await this.anonymiseRow(table, row, userId, pseudonym);
        }
        anonymised++;
      }
      report.anonymised[table] = anonymised;
    }

    for (const communityId of communitiesToRecount) await this.recountMembers(tenantId, communityId);
    for (const key of entriesToRecount) {
      const [communityId = "", entryId = ""] = key.split("|");
      await this.recountVotes(tenantId, communityId, entryId);
    }
    return report;
  }

  private emptyExport(tenantId: string): DataExport {
    keyPart(tenantId, "tenant id");
    return {
      format: "peercircle-data-export/v1",
      exportedAt: new Date().toISOString(),
      tenantId,
      tables: {},
    };
  }

  private async tenantRows(table: TableName, tenantId: string): Promise<Row[]> {
    return (await this.store.queryAll<Record<string, unknown>>(table, tenantFilter(tenantId))).map(asRow);
  }

  /** A shared row rewritten with the pseudonym, guarded by its ETag and retried on a race. */
  private async anonymiseRow(
    table: TableName,
    row: Row,
    userId: string,
    pseudonym: PersonRef,
  ): Promise<void> {
    let current: Row | undefined = row;
    await retryOnConflict(async () => {
      if (!current) {
        const fresh = await this.store.getEntity<Record<string, unknown>>(
          table,
          row.partitionKey,
          row.rowKey,
        );
        if (!fresh) return;
        current = asRow(fresh);
      }
      const rewritten = anonymiseProperties(current, userId, pseudonym);
      try {
        await this.store.table(table).updateEntity(rewritten, "Replace", { etag: current.etag });
      } catch (error) {
        current = undefined; // re-read on the next attempt
        if (statusOf(error) === 412) throw new ConcurrencyError("row changed meanwhile");
        if (statusOf(error) === 404) return;
        throw error;
      }
    });
  }

  /**
   * Entries go through their repository so the library's change log records the edit, and every
   * server instance's search index drops the person's name too.
   */
  private async anonymiseEntry(
    tenantId: string,
    communityId: string,
    entryId: string,
    userId: string,
    pseudonym: PersonRef,
  ): Promise<void> {
    await retryOnConflict(async () => {
      const entry = await this.entries.get(tenantId, communityId, entryId);
      if (!entry) return;
      const { value } = anonymiseValue(entry, userId, pseudonym);
      await this.entries.update(value as typeof entry);
    });
  }

  private async recountMembers(tenantId: string, communityId: string): Promise<void> {
    const pk = keys.membersOf(tenantId, communityId);
    const members = await this.store.partitionRows(TABLES.memberships, pk);
    await this.updateCommunity(tenantId, communityId, (row) => ({
      ...storable(row),
      memberCount: members.length,
    }));
  }

  private async recountVotes(tenantId: string, communityId: string, entryId: string): Promise<void> {
    await retryOnConflict(async () => {
      const entry = await this.entries.get(tenantId, communityId, entryId);
      if (!entry) return;
      const helpfulCount = await this.entries.countVotes(tenantId, communityId, entryId);
      if (helpfulCount !== entry.helpfulCount) await this.entries.update({ ...entry, helpfulCount });
    });
  }

  private async updateCommunity(
    tenantId: string,
    communityId: string,
    change: (row: Row) => Record<string, unknown> & { partitionKey: string; rowKey: string },
  ): Promise<void> {
    const { partitionKey, rowKey } = keys.community(tenantId, communityId);
    await retryOnConflict(async () => {
      const found = await this.store.getEntity<Record<string, unknown>>(
        TABLES.communities,
        partitionKey,
        rowKey,
      );
      if (!found) return;
      const row = asRow(found);
      try {
        await this.store.table(TABLES.communities).updateEntity(change(row), "Replace", { etag: row.etag });
      } catch (error) {
        if (statusOf(error) === 412) throw new ConcurrencyError("community changed meanwhile");
        throw error;
      }
    });
  }
}

/**
 * The tenant's rows: its own partition (Communities: `{tenant}`) and every partition under
 * `{tenant}|` ("}" sorts right after "|", so the range ends there).
 */
function tenantFilter(tenantId: string): string {
  const tenant = keyPart(tenantId, "tenant id");
  return odata`PartitionKey eq ${tenant} or (PartitionKey ge ${`${tenant}|`} and PartitionKey lt ${`${tenant}}`})`;
}

function deleteAction(row: { partitionKey?: string; rowKey?: string }): TransactionAction {
  return ["delete", { partitionKey: row.partitionKey ?? "", rowKey: row.rowKey ?? "" }];
}

/**
 * A row belongs to the person alone when its key names them: a partition of their own
 * (`{tenant}|user|{id}`, their memberships and RSVP answers), or a row key made of their id
 * (a community's membership row) or of a kind and their id (`vote|{id}`, `rsvp|{id}`,
 * `done|{id}|{entry}`), or the learning fact of their helpful vote, which goes with the vote.
 */
export function isPersonalRow(
  row: { partitionKey: string; rowKey: string },
  tenantId: string,
  userId: string,
): boolean {
  const personalPartition = keys.personal(tenantId, userId);
  if (row.partitionKey === personalPartition || row.partitionKey.startsWith(`${personalPartition}|`))
    return true;
  const parts = row.rowKey.split("|");
  return parts[0] === userId || parts[1] === userId || voterOfHelpfulVoteFact(row.rowKey) === userId;
}

/** Whether any stored property names the person (a `…Id` column, or a person inside JSON). */
export function mentions(row: Record<string, unknown>, userId: string): boolean {
  const probe: PersonRef = { id: "", displayName: "" };
  const rewritten = anonymiseProperties(row, userId, probe);
  return Object.keys(rewritten).some((key) => !SYSTEM_PROPERTIES.has(key) && rewritten[key] !== row[key]);
}

/**
 * The row's properties with the person replaced: JSON columns (`…Json`) are parsed and rewritten
 * ({@link anonymiseValue}); a flat `{x}Id` column equal to the person becomes the pseudonym, and
 * its `{x}Name` partner the pseudonym's name.
 */
function anonymiseProperties(
  row: Record<string, unknown>,
  userId: string,
  pseudonym: PersonRef,
): Record<string, unknown> & { partitionKey: string; rowKey: string } {
  const out: Record<string, unknown> = {};
  const names: string[] = [];
  for (const [key, value] of Object.entries(row)) {
    if (key === "etag" || key === "timestamp" || key.startsWith("odata.")) continue;
    out[key] = value;
    if (SYSTEM_PROPERTIES.has(key) || typeof value !== "string") continue;
    if (key.endsWith("Json")) {
      // Wrapped in an object named after the column, so a `stewardsJson` list is seen as `stewards`.
      const name = key.slice(0, -4);
      try {
        const parsed = anonymiseValue({ [name]: JSON.parse(value) }, userId, pseudonym);
        if (parsed.changed) out[key] = JSON.stringify((parsed.value as Record<string, unknown>)[name]);
      } catch {
        // Not JSON after all: leave it as stored.
      }
    } else if (value === userId) {
      out[key] = pseudonym.id;
      if (key.endsWith("Id")) names.push(`${key.slice(0, -2)}Name`);
      if (key === "userId") names.push("displayName");
    }
  }
  for (const nameKey of names) if (typeof out[nameKey] === "string") out[nameKey] = pseudonym.displayName;
  return out as Record<string, unknown> & { partitionKey: string; rowKey: string };
}

/**
 * A copy of a stored value with every person-shaped object that is the person (`id` or `userId`
 * equal to theirs) replaced by the pseudonym; in a `stewards` list the person is removed instead,
 * because a former member cannot look after a community.
 */
export function anonymiseValue(
  value: unknown,
  userId: string,
  pseudonym: PersonRef,
): { value: unknown; changed: boolean } {
  if (Array.isArray(value)) {
    let changed = false;
    const items = value.map((item) => {
      const inner = anonymiseValue(item, userId, pseudonym);
      changed ||= inner.changed;
      return inner.value;
    });
    return { value: items, changed };
  }
  if (value === null || typeof value !== "object") return { value, changed: false };
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  let changed = false;
  for (const [key, inner] of Object.entries(source)) {
    if (key === "stewards" && Array.isArray(inner)) {
      const kept = inner.filter((s) => !isThePerson(s, userId));
      changed ||= kept.length !== inner.length;
      out[key] = kept;
      continue;
    }
    const result = anonymiseValue(inner, userId, pseudonym);
    changed ||= result.changed;
    out[key] = result.value;
  }
  if (source.id === userId || source.userId === userId) {
    changed = true;
    if (source.id === userId) out.id = pseudonym.id;
    if (source.userId === userId) out.userId = pseudonym.id;
    if (typeof source.displayName === "string") out.displayName = pseudonym.displayName;
  }
  return { value: out, changed };
}

function isOnlySteward(row: Row, userId: string): boolean {
  try {
    const stewards = JSON.parse(String(row.stewardsJson ?? "[]")) as unknown[];
    return stewards.length > 0 && stewards.every((s) => isThePerson(s, userId));
  } catch {
    return false;
  }
}

function isThePerson(value: unknown, userId: string): boolean {
  return typeof value === "object" && value !== null && (value as { id?: unknown }).id === userId;
}

/** The community (and entry) a partition of the tenant belongs to, if it is a community's. */
function communityOfPartition(
  tenantId: string,
  partitionKey: string,
): { communityId: string; entryId?: string } | undefined {
  const parts = partitionKey.split("|");
  if (parts[0] !== tenantId || parts[1] !== "community" || !parts[2]) return undefined;
  return parts[3] === "entry" && parts[4]
    ? { communityId: parts[2], entryId: parts[4] }
    : { communityId: parts[2] };
}

/** The row without what the service adds on reading (ETag, timestamp, metadata), ready to write back. */
function storable(row: Row): Record<string, unknown> & { partitionKey: string; rowKey: string } {
  const out: Record<string, unknown> & { partitionKey: string; rowKey: string } = {
    partitionKey: row.partitionKey,
    rowKey: row.rowKey,
  };
  for (const [key, value] of Object.entries(row)) {
    if (key === "etag" || key === "timestamp" || key.startsWith("odata.")) continue;
    out[key] = value;
  }
  return out;
}

function exportedRow(row: Row): ExportedRow {
  const out: ExportedRow = { partitionKey: row.partitionKey, rowKey: row.rowKey };
  if (row.timestamp) out.timestamp = row.timestamp;
  for (const [key, value] of Object.entries(row)) {
    if (SYSTEM_PROPERTIES.has(key) || key.startsWith("odata.")) continue;
    out[key] = value;
  }
  return out;
}
