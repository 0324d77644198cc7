import type { TableEntity } from "@azure/data-tables";
import type { TableName } from "./keys.js";
import { statusOf } from "./tableErrors.js";
import type { TableStore } from "./tableStore.js";

/** A claim that one instance sends something once (a reminder, a check-in card). */
export interface SendClaimRow {
  /** Once sent, the outcome: `sent`, or why not (`no-channel`); `released` frees it again. */
  state: string;
  instanceId: string;
  at: string;
}

/**
 * Claims sending something once across instances: a claim another instance released, or took and
 * abandoned (crashed) more than `staleAfterMs` ago, is free; "taken" otherwise.
 */
export async function claimToSend(
  store: TableStore,
  name: TableName,
  keys: { partitionKey: string; rowKey: string },
  instanceId: string,
  now: Date,
  staleAfterMs: number,
): Promise<"claimed" | "taken"> {
  const entity: TableEntity<SendClaimRow> = { ...keys, state: "claimed", instanceId, at: now.toISOString() };
  const free = (existing: SendClaimRow) =>
    existing.state === "released" ||
    (existing.state === "claimed" && now.getTime() - Date.parse(existing.at) > staleAfterMs);
  return (await takeRow(store, name, entity, free)) ? "claimed" : "taken";
}

/**
 * Takes a row that several instances may race for (a reminder to send once, a check-in, a
 * computation's lease): the first to insert it wins (insert-if-absent: Tables answers 409 to the
 * others); a row that exists is taken over only when `free` says so (released, or abandoned by a
 * crashed instance) and nobody else took it over since it was read (its ETag). True when taken.
 */
export async function takeRow<Row extends object>(
  store: TableStore,
  name: TableName,
  entity: TableEntity<Row>,
  free: (existing: Row) => boolean,
): Promise<boolean> {
  const table = store.table(name);
  try {
    await table.createEntity(entity);
    return true;
  } catch (error) {
    if (statusOf(error) !== 409) throw error;
  }
  const existing = await store.getEntity<Row>(name, entity.partitionKey, entity.rowKey);
  if (!existing || !free(existing)) return false;
  try {
    await table.updateEntity(entity, "Replace", { etag: existing.etag });
    return true;
  } catch (error) {
    if (statusOf(error) === 412 || statusOf(error) === 404) return false;
    throw error;
  }
}
