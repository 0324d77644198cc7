import { odata } from "@azure/data-tables";
import type {
  CircleMemory,
  HotSeatRecord,
  RegisterEntry,
  StoredSwap,
} from "../domain/activities/circleMemory.js";
import { ConcurrencyError, ConflictError } from "../domain/errors.js";
import { compareStored } from "../domain/ordering.js";
import { circleKeys, keys, TABLES } from "./keys.js";
import { statusOf, translateTableErrors } from "./tableErrors.js";
import type { TableStore } from "./tableStore.js";

type SeatRow = { activityId: string; at: string; circlesJson: string };
type SwapRow = { aId: string; bId: string; byId: string; byName: string; at: string };
/** Writes of a register entry tried before giving up (each loses only to a concurrent copy). */
const REGISTER_ATTEMPTS = 4;

type RegisterRow = { kind: string; text: string; at: string; activityId: string };

/**
 * What circles keep across sessions, in the Activities table (keys.ts, `circleKeys`): one small
 * partition per community for the hot seats and swaps, and each person's register rows in their
 * own partition (so erasing a person erases their goals).
 */
export class TablesCircleMemory implements CircleMemory {
  constructor(private readonly store: TableStore) {}

  private get table() {
    return this.store.table(TABLES.activities);
  }

  async hotSeatLog(tenantId: string, communityId: string) {
    const rows = await this.store.queryAll<SeatRow & SwapRow>(
      TABLES.activities,
      odata`PartitionKey eq ${circleKeys.log(tenantId, communityId)}`,
    );
    const seats: HotSeatRecord[] = [];
    const swaps: StoredSwap[] = [];
    for (const row of rows) {
      const key = row.rowKey ?? "";
      if (key.startsWith("seat|"))
        seats.push({
          activityId: row.activityId,
          at: row.at,
          circles: JSON.parse(row.circlesJson) as HotSeatRecord["circles"],
        });
      else if (key.startsWith("swap|"))
        swaps.push({
          id: key.slice("swap|".length),
          a: row.aId,
          b: row.bId,
          at: row.at,
          by: { id: row.byId, displayName: row.byName },
        });
    }
    seats.sort((a, b) => compareStored(a.at, b.at));
    return { seats, swaps };
  }

  async recordHotSeats(tenantId: string, communityId: string, record: HotSeatRecord): Promise<void> {
    const row: SeatRow = {
      activityId: record.activityId,
      at: record.at,
      circlesJson: JSON.stringify(record.circles),
    };
    await this.createOnce({
      partitionKey: circleKeys.log(tenantId, communityId),
      rowKey: circleKeys.seat(record.activityId),
      ...row,
    });
  }

  async recordSwap(tenantId: string, communityId: string, swap: StoredSwap): Promise<void> {
    const row: SwapRow = {
      aId: swap.a,
      bId: swap.b,
      byId: swap.by.id,
      byName: swap.by.displayName,
      at: swap.at,
    };
    await this.createOnce({
      partitionKey: circleKeys.log(tenantId, communityId),
      rowKey: circleKeys.swap(swap.id),
      ...row,
    });
  }

  async saveRegisterEntry(
    tenantId: string,
    userId: string,
    communityId: string,
    entry: RegisterEntry,
  ): Promise<void> {
    const row: RegisterRow = {
      kind: entry.kind,
      text: entry.text,
      at: entry.at,
      activityId: entry.activityId,
    };
    const partitionKey = keys.personal(tenantId, userId);
    const rowKey = circleKeys.register(communityId, entry.kind);
    // The newest text wins, whatever order the copies arrive in (deferred from two instances, then
    // again at the close): written only over an older row, guarded by the version read.
    for (let attempt = 0; attempt < REGISTER_ATTEMPTS; attempt++) {
      const current = await this.store.getEntity<RegisterRow>(TABLES.activities, partitionKey, rowKey);
      if (current && compareStored(current.at, entry.at) >= 0) return;
      try {
        await translateTableErrors("The goal", () =>
          current
            ? this.table.updateEntity({ partitionKey, rowKey, ...row }, "Replace", { etag: current.etag })
            : this.table.createEntity({ partitionKey, rowKey, ...row }),
        );
        return;
      } catch (error) {
        // Written meanwhile (another copy): read again and compare.
        if (!(error instanceof ConcurrencyError || error instanceof ConflictError)) throw error;
      }
    }
    throw new ConcurrencyError("The goal kept changing meanwhile. Try again.");
  }

  async registerOf(tenantId: string, userIds: readonly string[], communityId: string, kind: string) {
    const rowKey = circleKeys.register(communityId, kind);
    const found = await Promise.all(
      [...new Set(userIds)].map(
        async (id) =>
          [
            id,
            await this.store.getEntity<RegisterRow>(TABLES.activities, keys.personal(tenantId, id), rowKey),
          ] as const,
      ),
    );
    const entries = new Map<string, RegisterEntry>();
    for (const [id, row] of found)
      if (row) entries.set(id, { kind: row.kind, text: row.text, at: row.at, activityId: row.activityId });
    return entries;
  }

  /** Creates a row unless it exists: a record written twice (two instances, a retry) is kept once. */
  private async createOnce(entity: { partitionKey: string; rowKey: string }): Promise<void> {
    try {
      await this.table.createEntity(entity);
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
    }
  }
}
