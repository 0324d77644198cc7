import type { TeachingTopic, TeachingTopicRepository } from "../domain/activities/teachingTopics.js";
import type { PersonRef } from "../domain/identity.js";
import { CommunityItemRows } from "./communityItemRows.js";
import { circleKeys } from "./keys.js";
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
export class TablesTeachingTopics
  extends CommunityItemRows<TeachingTopic, TopicRow>
  implements TeachingTopicRepository
{
  constructor(store: TableStore) {
    super(store, {
      what: "The topic",
      partition: circleKeys.topics,
      rowKey: circleKeys.topic,
      rowPrefix: "topic|",
      toRow,
      fromRow,
    });
  }
}

function toRow(t: Omit<TeachingTopic, "etag">): TopicRow {
  return {
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
