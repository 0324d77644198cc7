import { odata } from "@azure/data-tables";
import type { TeachingTopic, TeachingTopicRepository } from "../domain/activities/teachingTopics.js";
import type { PersonRef } from "../domain/identity.js";
import { EtaggedRows } from "./etaggedRows.js";
import { circleKeys, TABLES } from "./keys.js";
import type { TableStore } from "./tableStore.js";

type TopicRow = {
  topicId: string;
  text: string;
  proposerJson: string;
  proposedAt: string;
  pickedByJson?: string;
  pickedAt?: string;
  teacherJson?: string;
  activityId?: string;
};

/**
 * A community's micro-teach topics in the Activities table, one small partition per community
 * (`{tenant}|community|{community}|topics`, keys.ts): the queue is one partition read; people are
 * in `…Json` columns, so erasing a person replaces them there like everywhere else.
 */
export class TablesTeachingTopics implements TeachingTopicRepository {
  private readonly rows: EtaggedRows<TopicRow>;

  constructor(private readonly store: TableStore) {
    this.rows = new EtaggedRows(store, TABLES.activities, "The topic");
  }

  async list(tenantId: string, communityId: string): Promise<TeachingTopic[]> {
    const pk = circleKeys.topics(tenantId, communityId);
    const rows = await this.store.queryAll<TopicRow>(TABLES.activities, odata`PartitionKey eq ${pk}`);
    return rows.map((row) => fromRow(communityId, row, row.etag));
  }

  async get(tenantId: string, communityId: string, topicId: string): Promise<TeachingTopic | undefined> {
    return this.rows.read(circleKeys.topics(tenantId, communityId), circleKeys.topic(topicId), (row) =>
      fromRow(communityId, row, row.etag),
    );
  }

  async create(tenantId: string, topic: Omit<TeachingTopic, "etag">): Promise<TeachingTopic> {
    return this.rows.create(topic, toRow(tenantId, topic));
  }

  async update(tenantId: string, topic: TeachingTopic): Promise<TeachingTopic> {
    return this.rows.replace(topic, toRow(tenantId, topic), topic.etag);
  }
}

function toRow(tenantId: string, t: Omit<TeachingTopic, "etag">) {
  const row: TopicRow = {
    topicId: t.id,
    text: t.text,
    proposerJson: JSON.stringify(t.proposer),
    proposedAt: t.proposedAt,
    ...(t.picked
      ? {
          pickedByJson: JSON.stringify(t.picked.by),
          pickedAt: t.picked.at,
          teacherJson: JSON.stringify(t.picked.teacher),
        }
      : {}),
    ...(t.activityId ? { activityId: t.activityId } : {}),
  };
  return {
    partitionKey: circleKeys.topics(tenantId, t.communityId),
    rowKey: circleKeys.topic(t.id),
    ...row,
  };
}

function fromRow(communityId: string, row: TopicRow, etag: string): TeachingTopic {
  const person = (json: string | undefined) => JSON.parse(json ?? "{}") as PersonRef;
  return {
    id: row.topicId,
    communityId,
    text: row.text,
    proposer: person(row.proposerJson),
    proposedAt: row.proposedAt,
    ...(row.pickedByJson && row.pickedAt && row.teacherJson
      ? { picked: { by: person(row.pickedByJson), at: row.pickedAt, teacher: person(row.teacherJson) } }
      : {}),
    ...(row.activityId ? { activityId: row.activityId } : {}),
    etag,
  };
}
