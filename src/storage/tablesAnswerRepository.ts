import type { Answer, AnswerRepository, AnswerRevision } from "../domain/ask/answer.js";
import type { PersonRef } from "../domain/identity.js";
import { EtaggedRepository } from "./etaggedRepository.js";
import { keys, TABLES } from "./keys.js";
import { rowsWithPrefix } from "./rowRanges.js";
import type { TableStore } from "./tableStore.js";

type AnswerRow = {
  partitionKey: string;
  rowKey: string;
  authorJson: string;
  body: string;
  createdAt: string;
  updatedAt: string;
  votersJson: string;
  accepted: boolean;
  acceptedByJson?: string;
  acceptedAt?: string;
  historyJson: string;
};

const ANSWER = "answer";

/**
 * Answers in the Library table, in their question's own partition (beside its votes and
 * revisions): listing a question's answers is one partition query, and deleting the question
 * deletes them with it.
 */
export class TablesAnswerRepository extends EtaggedRepository<Answer, AnswerRow> implements AnswerRepository {
  constructor(store: TableStore) {
    super(store, TABLES.library, "The answer", toRow);
  }

  async get(tenantId: string, communityId: string, questionId: string, answerId: string) {
    return this.rows.read(
      keys.entryRows(tenantId, communityId, questionId),
      keys.rowOfKind(ANSWER, answerId),
      (row) => fromRow(tenantId, communityId, questionId, row),
    );
  }

  async list(tenantId: string, communityId: string, questionId: string): Promise<Answer[]> {
    const pk = keys.entryRows(tenantId, communityId, questionId);
    const rows = await this.store.queryAll<AnswerRow>(TABLES.library, rowsWithPrefix(pk, `${ANSWER}|`));
    return rows
      .map((r) => fromRow(tenantId, communityId, questionId, r))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }
}

function toRow(a: Omit<Answer, "etag">): AnswerRow {
  return {
    partitionKey: keys.entryRows(a.tenantId, a.communityId, a.questionId),
    rowKey: keys.rowOfKind(ANSWER, a.id),
    authorJson: JSON.stringify(a.author),
    body: a.body,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    votersJson: JSON.stringify(a.voterIds),
    accepted: a.accepted,
    ...(a.acceptedBy ? { acceptedByJson: JSON.stringify(a.acceptedBy) } : {}),
    ...(a.acceptedAt ? { acceptedAt: a.acceptedAt } : {}),
    historyJson: JSON.stringify(a.history),
  };
}

function fromRow(
  tenantId: string,
  communityId: string,
  questionId: string,
  row: AnswerRow & { etag?: string },
): Answer {
  return {
    tenantId,
    communityId,
    questionId,
    id: row.rowKey.slice(ANSWER.length + 1),
    author: JSON.parse(row.authorJson) as PersonRef,
    body: row.body,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    voterIds: JSON.parse(row.votersJson) as string[],
    accepted: row.accepted === true,
    ...(row.acceptedByJson ? { acceptedBy: JSON.parse(row.acceptedByJson) as PersonRef } : {}),
    ...(row.acceptedAt ? { acceptedAt: row.acceptedAt } : {}),
    history: JSON.parse(row.historyJson) as AnswerRevision[],
    etag: row.etag ?? "",
  };
}
