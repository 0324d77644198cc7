import type { TableEntityResult } from "@azure/data-tables";
import type { PersonRef } from "../domain/identity.js";
import type { Playbook, PlaybookItem } from "../domain/playbooks/playbook.js";
import type { PlaybookRepository, PlaybookTick } from "../domain/playbooks/playbookRepository.js";
import { CommunityKindRepository } from "./communityKindRepository.js";
import { keyPart, keys, TABLES } from "./keys.js";
import { rowsWithPrefix } from "./rowRanges.js";
import type { TableStore } from "./tableStore.js";

type PlaybookRow = {
  partitionKey: string;
  rowKey: string;
  title: string;
  description: string;
  itemsJson: string;
  starter: boolean;
  createdByJson: string;
  updatedAt: string;
  /** A proposed playbook not yet published (absent once published). */
  proposedJson?: string;
};

const PLAYBOOK = "playbook";
const DONE = "done";

/** Playbooks and members' ticks in Azure Tables (key design in keys.ts). */
export class TablesPlaybookRepository
  extends CommunityKindRepository<Playbook, PlaybookRow>
  implements PlaybookRepository
{
  constructor(store: TableStore) {
    super(store, { table: TABLES.playbooks, what: "The playbook", kind: PLAYBOOK, toRow, fromRow });
  }

  async delete(tenantId: string, communityId: string, playbookId: string): Promise<void> {
    const ticksPk = keys.itemRows(tenantId, communityId, PLAYBOOK, playbookId);
    const ticks = await this.store.partitionRows<object>(TABLES.playbooks, ticksPk);
    await this.store.submitBatches(
      TABLES.playbooks,
      ticks.map((t) => ["delete", { partitionKey: ticksPk, rowKey: t.rowKey ?? "" }]),
    );
    await this.store.deleteIfExists(
      TABLES.playbooks,
      keys.library(tenantId, communityId),
      keys.rowOfKind(PLAYBOOK, playbookId),
    );
  }

  list(tenantId: string, communityId: string): Promise<Playbook[]> {
    return this.listOfCommunity(tenantId, communityId);
  }

  async setDone(tick: PlaybookTick, done: boolean): Promise<void> {
    const key = tickKey(tick);
    if (done) await this.table.upsertEntity({ ...key, entryId: tick.entryId }, "Replace");
    else await this.store.deleteIfExists(TABLES.playbooks, key.partitionKey, key.rowKey);
  }

  async listDone(
    tenantId: string,
    communityId: string,
    playbookId: string,
    userId: string,
  ): Promise<string[]> {
    const pk = keys.itemRows(tenantId, communityId, PLAYBOOK, playbookId);
    const prefix = `${DONE}|${keyPart(userId, "user id")}|`;
    const rows = await this.store.queryAll<{ entryId: string }>(TABLES.playbooks, rowsWithPrefix(pk, prefix));
    return rows.map((r) => r.entryId);
  }
}

function tickKey(tick: PlaybookTick) {
  return {
    partitionKey: keys.itemRows(tick.tenantId, tick.communityId, PLAYBOOK, tick.playbookId),
    rowKey: `${DONE}|${keyPart(tick.userId, "user id")}|${keyPart(tick.entryId, "entry id")}`,
  };
}

function toRow(p: Omit<Playbook, "etag">): PlaybookRow {
  return {
    partitionKey: keys.library(p.tenantId, p.communityId),
    rowKey: keys.rowOfKind(PLAYBOOK, p.id),
    title: p.title,
    description: p.description,
    itemsJson: JSON.stringify(p.items),
    starter: p.starter,
    createdByJson: JSON.stringify(p.createdBy),
    updatedAt: p.updatedAt,
    ...(p.proposed ? { proposedJson: JSON.stringify(p.proposed) } : {}),
  };
}

function fromRow(tenantId: string, communityId: string, row: TableEntityResult<PlaybookRow>): Playbook {
  return {
    tenantId,
    communityId,
    id: row.rowKey.slice(PLAYBOOK.length + 1),
    title: row.title,
    description: row.description,
    items: JSON.parse(row.itemsJson) as PlaybookItem[],
    starter: row.starter,
    createdBy: JSON.parse(row.createdByJson) as PersonRef,
    updatedAt: row.updatedAt,
    ...(row.proposedJson ? { proposed: JSON.parse(row.proposedJson) as Playbook["proposed"] } : {}),
    etag: row.etag,
  };
}
