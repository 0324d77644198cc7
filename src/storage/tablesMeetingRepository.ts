import type { PersonRef } from "../domain/identity.js";
import type { ConversationReferenceStore, ReferenceKey } from "../domain/meetings/conversationReferences.js";
import type {
  MeetingOutcome,
  MeetingOutcomeRepository,
  MyActionItem,
  OutcomeKind,
} from "../domain/meetings/meetingOutcome.js";
import { activityKeys, keyPart, TABLES } from "./keys.js";
import { rowsWithPrefix } from "./rowRanges.js";
import { statusOf } from "./tableErrors.js";
import type { TableStore } from "./tableStore.js";

/**
 * Meeting outcomes and conversation references, in the Activities table (keys.ts): a chat's rows
 * sit in its conversation partition beside the index of its activities (`outcome|{id}`,
 * `report|{key}`, `reference`), an action item's copy in its owner's partition (`action|{id}`).
 * A community's channel is found by `{tenant}|channel|{channel or team id}` → `reference`, a
 * person's personal chat by `{tenant}|user|{user}` → `reference`.
 */
const OUTCOME = "outcome|";
const REPORT = "report|";
const ACTION = "action|";
const REFERENCE = "reference";

type OutcomeRow = {
  kind: string;
  text: string;
  ownerJson?: string;
  due?: string;
  communityId?: string;
  meetingId?: string;
  capturedByJson: string;
  at: string;
  reportedAt?: string;
  entryId?: string;
};

export class TablesMeetingRepository implements MeetingOutcomeRepository, ConversationReferenceStore {
  constructor(private readonly store: TableStore) {}

  private get table() {
    return this.store.table(TABLES.activities);
  }

  async add(outcome: MeetingOutcome): Promise<boolean> {
    const pk = activityKeys.ofConversation(outcome.tenantId, outcome.conversationId);
    try {
      await this.table.createEntity({
        partitionKey: pk,
        rowKey: `${OUTCOME}${keyPart(outcome.id, "outcome id")}`,
        ...toRow(outcome),
      });
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
      return false;
    }
    if (outcome.kind === "action" && outcome.owner) {
      // Upsert: a retried capture that stopped after the first write completes here.
      await this.table.upsertEntity(
        {
          partitionKey: activityKeys.ofPerson(outcome.tenantId, outcome.owner.id),
          rowKey: `${ACTION}${outcome.id}`,
          conversationId: outcome.conversationId,
          ...(outcome.meetingId ? { meetingId: outcome.meetingId } : {}),
          ...(outcome.communityId ? { communityId: outcome.communityId } : {}),
          text: outcome.text,
          ...(outcome.due ? { due: outcome.due } : {}),
          capturedByJson: JSON.stringify(outcome.capturedBy),
          at: outcome.at,
        },
        "Replace",
      );
    }
    return true;
  }

  async listOfConversation(tenantId: string, conversationId: string): Promise<MeetingOutcome[]> {
    const pk = activityKeys.ofConversation(tenantId, conversationId);
    const rows = await this.store.queryAll<OutcomeRow>(TABLES.activities, rowsWithPrefix(pk, OUTCOME));
    return rows
      .map((r) => ({
        tenantId,
        conversationId,
        id: (r.rowKey ?? "").slice(OUTCOME.length),
        kind: r.kind as OutcomeKind,
        text: r.text,
        ...(r.ownerJson ? { owner: JSON.parse(r.ownerJson) as PersonRef } : {}),
        ...(r.due ? { due: r.due } : {}),
        ...(r.communityId ? { communityId: r.communityId } : {}),
        ...(r.meetingId ? { meetingId: r.meetingId } : {}),
        capturedBy: JSON.parse(r.capturedByJson) as PersonRef,
        at: r.at,
        ...(r.reportedAt ? { reportedAt: r.reportedAt } : {}),
        ...(r.entryId ? { entryId: r.entryId } : {}),
      }))
      .sort((a, b) => a.at.localeCompare(b.at));
  }

  async markReported(
    tenantId: string,
    conversationId: string,
    reported: { id: string; entryId?: string }[],
    at: string,
  ): Promise<void> {
    const pk = activityKeys.ofConversation(tenantId, conversationId);
    await this.store.submitBatches(
      TABLES.activities,
      reported.map((r) => [
        "update",
        {
          partitionKey: pk,
          rowKey: `${OUTCOME}${keyPart(r.id, "outcome id")}`,
          reportedAt: at,
          ...(r.entryId ? { entryId: r.entryId } : {}),
        },
        "Merge",
      ]),
    );
  }

  async claimReport(tenantId: string, conversationId: string, key: string, at: string): Promise<boolean> {
    try {
      await this.table.createEntity({
        partitionKey: activityKeys.ofConversation(tenantId, conversationId),
        rowKey: `${REPORT}${keyPart(encodeURIComponent(key), "report key")}`,
        at,
      });
      return true;
    } catch (error) {
      if (statusOf(error) === 409) return false;
      throw error;
    }
  }

  async actionItemsOf(tenantId: string, userId: string): Promise<MyActionItem[]> {
    const pk = activityKeys.ofPerson(tenantId, userId);
    const rows = await this.store.queryAll<{
      conversationId: string;
      meetingId?: string;
      communityId?: string;
      text: string;
      due?: string;
      capturedByJson: string;
      at: string;
    }>(TABLES.activities, rowsWithPrefix(pk, ACTION));
    return rows
      .map((r) => ({
        outcomeId: (r.rowKey ?? "").slice(ACTION.length),
        conversationId: r.conversationId,
        ...(r.meetingId ? { meetingId: r.meetingId } : {}),
        ...(r.communityId ? { communityId: r.communityId } : {}),
        text: r.text,
        ...(r.due ? { due: r.due } : {}),
        capturedBy: JSON.parse(r.capturedByJson) as PersonRef,
        at: r.at,
      }))
      .sort((a, b) => b.at.localeCompare(a.at));
  }

  async save(tenantId: string, key: ReferenceKey, referenceJson: string): Promise<void> {
    await this.table.upsertEntity(
      { partitionKey: referencePartition(tenantId, key), rowKey: REFERENCE, referenceJson },
      "Replace",
    );
  }

  async get(tenantId: string, key: ReferenceKey): Promise<string | undefined> {
    const row = await this.store.getEntity<{ referenceJson: string }>(
      TABLES.activities,
      referencePartition(tenantId, key),
      REFERENCE,
    );
    return row?.referenceJson;
  }
}

function referencePartition(tenantId: string, key: ReferenceKey): string {
  if ("conversationId" in key) return activityKeys.ofConversation(tenantId, key.conversationId);
  // The person's own partition: their data, erased with them.
  if ("userId" in key) return activityKeys.ofPerson(tenantId, key.userId);
  return `${keyPart(tenantId, "tenant id")}|channel|${keyPart(encodeURIComponent(key.channelId), "channel id")}`;
}

function toRow(o: MeetingOutcome): OutcomeRow {
  return {
    kind: o.kind,
    text: o.text,
    ...(o.owner ? { ownerJson: JSON.stringify(o.owner) } : {}),
    ...(o.due ? { due: o.due } : {}),
    ...(o.communityId ? { communityId: o.communityId } : {}),
    ...(o.meetingId ? { meetingId: o.meetingId } : {}),
    capturedByJson: JSON.stringify(o.capturedBy),
    at: o.at,
  };
}
