import { createHash } from "node:crypto";
import { odata, type TableEntityResult } from "@azure/data-tables";
import type {
  CheckInClaimResult,
  Commitment,
  CommitmentRepository,
  CommitmentSource,
  CommitmentStatus,
  CommunityCommitmentRow,
  DueCommitmentRow,
  StatusChange,
} from "../domain/commitments/commitment.js";
import type { PersonRef } from "../domain/identity.js";
import { commitmentKeys, keyPart, TABLES } from "./keys.js";
import { claimToSend } from "./rowClaim.js";
import { rowsWithPrefix } from "./rowRanges.js";
import type { TableStore } from "./tableStore.js";

/** The commitment itself, in its owner's partition. */
type CommitmentRow = {
  communityId: string;
  ownerJson: string;
  sourceJson: string;
  text: string;
  due?: string;
  status: string;
  historyJson: string;
  partnersJson: string;
  createdAt: string;
  updatedAt: string;
};

/** The community's index row: enough to count and to find the owner's row, no text. */
type IndexRow = {
  commitmentId: string;
  ownerId: string;
  status: string;
  createdAt: string;
  due?: string;
  sessionId?: string;
};
type DueRow = { commitmentId: string; ownerId: string; due: string };

const OWN = "commitment|";

/**
 * Commitments in Azure Tables (key design in keys.ts, `commitmentKeys`). The owner's row is the
 * truth and carries the ETag; the community's and the due day's rows follow it after each write
 * (a retried write brings them along), and readers of the indexes check the owner's row.
 */
export class TablesCommitmentRepository implements CommitmentRepository {
  constructor(private readonly store: TableStore) {}

  private get table() {
    return this.store.table(TABLES.commitments);
  }

  private get dueTable() {
    return this.store.table(TABLES.dueCommitments);
  }

  async get(tenantId: string, ownerId: string, id: string): Promise<Commitment | undefined> {
    const row = await this.store.getEntity<CommitmentRow>(
      TABLES.commitments,
      commitmentKeys.ofOwner(tenantId, ownerId),
      commitmentKeys.own(id),
    );
    return row ? fromRow(tenantId, row) : undefined;
  }

  async create(commitment: Omit<Commitment, "etag">): Promise<Commitment> {
    const etag = await this.store.insert(TABLES.commitments, "The commitment", toRow(commitment));
    await this.writeIndexes(commitment, undefined);
    return { ...commitment, etag };
  }

  async replace(
    commitment: Omit<Commitment, "etag">,
    previous: Pick<Commitment, "etag" | "due">,
  ): Promise<Commitment> {
    const newEtag = await this.store.replaceIfUnchanged(
      TABLES.commitments,
      "The commitment",
      toRow(commitment),
      previous.etag,
    );
    await this.writeIndexes(commitment, previous.due);
    return { ...commitment, etag: newEtag };
  }

  async reindex(commitment: Omit<Commitment, "etag">): Promise<void> {
    await this.writeIndexes(commitment, commitment.due);
  }

  async ofOwner(tenantId: string, ownerId: string): Promise<Commitment[]> {
    const pk = commitmentKeys.ofOwner(tenantId, ownerId);
    const rows = await this.store.queryAll<CommitmentRow>(TABLES.commitments, rowsWithPrefix(pk, OWN));
    return rows.map((row) => fromRow(tenantId, row));
  }

  async ofCommunity(
    tenantId: string,
    communityId: string,
    from: string,
    to: string,
  ): Promise<CommunityCommitmentRow[]> {
    const pk = commitmentKeys.ofCommunity(tenantId, communityId);
    const rows = await this.store.queryAll<IndexRow>(
      TABLES.commitments,
      odata`PartitionKey eq ${pk} and RowKey ge ${`${OWN}${from}`} and RowKey lt ${`${OWN}${to}}`}`,
    );
    return rows.map((r) => ({
      id: r.commitmentId,
      ownerId: r.ownerId,
      status: r.status as CommitmentStatus,
      createdAt: r.createdAt,
      ...(r.due ? { due: r.due } : {}),
      ...(r.sessionId ? { sessionId: r.sessionId } : {}),
    }));
  }

  async dueUntil(day: string): Promise<DueCommitmentRow[]> {
    // Every tenant's partition of a small table: rows leave once the reminder went out or the
    // commitment no longer needs one (like OpenActivities), so this stays a short read.
    const rows = await this.store.queryAll<DueRow>(TABLES.dueCommitments, odata`RowKey lt ${`${day}}`}`);
    return rows.flatMap((r) => {
      const tenantId = (r.partitionKey ?? "").split("|")[0];
      return tenantId ? [{ tenantId, id: r.commitmentId, ownerId: r.ownerId, due: r.due }] : [];
    });
  }

  async dueOn(tenantId: string, day: string): Promise<DueCommitmentRow[]> {
    const pk = commitmentKeys.due(tenantId);
    const prefix = `${keyPart(day, "due date")}|`;
    const rows = await this.store.queryAll<DueRow>(TABLES.dueCommitments, rowsWithPrefix(pk, prefix));
    return rows.map((r) => ({ tenantId, id: r.commitmentId, ownerId: r.ownerId, due: r.due }));
  }

  async removeDue(row: Pick<DueCommitmentRow, "tenantId" | "id" | "due">): Promise<void> {
    await this.store.deleteIfExists(
      TABLES.dueCommitments,
      commitmentKeys.due(row.tenantId),
      commitmentKeys.dueRow(row.due, row.id),
    );
  }

  async claimCheckIn(
    tenantId: string,
    key: string,
    instanceId: string,
    now: Date,
    staleAfterMs: number,
  ): Promise<CheckInClaimResult> {
    return claimToSend(
      this.store,
      TABLES.commitments,
      claimKeys(tenantId, key),
      instanceId,
      now,
      staleAfterMs,
    );
  }

  async completeCheckIn(tenantId: string, key: string): Promise<void> {
    await this.table.updateEntity({ ...claimKeys(tenantId, key), state: "sent" }, "Merge");
  }

  async releaseCheckIn(tenantId: string, key: string): Promise<void> {
    await this.table.updateEntity({ ...claimKeys(tenantId, key), state: "released" }, "Merge");
  }

  /** The community's index row follows the commitment; the due row is there while one is needed. */
  private async writeIndexes(c: Omit<Commitment, "etag">, previousDue: string | undefined): Promise<void> {
    const index: IndexRow & { partitionKey: string; rowKey: string } = {
      partitionKey: commitmentKeys.ofCommunity(c.tenantId, c.communityId),
      rowKey: commitmentKeys.inCommunity(c.createdAt, c.id),
      commitmentId: c.id,
      ownerId: c.owner.id,
      status: c.status,
      createdAt: c.createdAt,
      ...(c.due ? { due: c.due } : {}),
      ...(c.source.sessionId ? { sessionId: c.source.sessionId } : {}),
    };
    await this.table.upsertEntity(index, "Replace");
    if (previousDue && (previousDue !== c.due || c.status !== "open"))
      await this.removeDue({ tenantId: c.tenantId, id: c.id, due: previousDue });
    if (c.due && c.status === "open")
      await this.dueTable.upsertEntity(
        {
          partitionKey: commitmentKeys.due(c.tenantId),
          rowKey: commitmentKeys.dueRow(c.due, c.id),
          commitmentId: c.id,
          ownerId: c.owner.id,
          due: c.due,
        },
        "Replace",
      );
  }
}

/**
 * A claim's row. Keys name meetings (base64 ids with `/`) and may be long, so the key is URI-encoded
 * and, past what a row key holds (1 KiB, keys.ts keeps parts to 255), replaced by its hash.
 */
function claimKeys(tenantId: string, key: string) {
  const encoded = encodeURIComponent(key).replace(/%/g, "~");
  const rowKey = encoded.length <= 200 ? encoded : createHash("sha256").update(key).digest("hex");
  return { partitionKey: commitmentKeys.checkIns(tenantId), rowKey: keyPart(rowKey, "check-in key") };
}

function toRow(c: Omit<Commitment, "etag">): CommitmentRow & { partitionKey: string; rowKey: string } {
  return {
    partitionKey: commitmentKeys.ofOwner(c.tenantId, c.owner.id),
    rowKey: commitmentKeys.own(c.id),
    communityId: c.communityId,
    ownerJson: JSON.stringify(c.owner),
    sourceJson: JSON.stringify(c.source),
    text: c.text,
    ...(c.due ? { due: c.due } : {}),
    status: c.status,
    historyJson: JSON.stringify(c.history),
    partnersJson: JSON.stringify(c.partners),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

function fromRow(tenantId: string, row: TableEntityResult<CommitmentRow>): Commitment {
  return {
    tenantId,
    id: (row.rowKey ?? "").slice(OWN.length),
    owner: JSON.parse(row.ownerJson) as PersonRef,
    communityId: row.communityId,
    source: JSON.parse(row.sourceJson) as CommitmentSource,
    text: row.text,
    ...(row.due ? { due: row.due } : {}),
    status: row.status as CommitmentStatus,
    history: JSON.parse(row.historyJson) as StatusChange[],
    partners: JSON.parse(row.partnersJson) as PersonRef[],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    etag: row.etag,
  };
}
