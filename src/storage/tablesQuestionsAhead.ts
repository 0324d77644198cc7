import type { QuestionAhead, QuestionsAheadStore } from "../domain/activities/questionsAhead.js";
import type { PersonRef } from "../domain/identity.js";
import { circleKeys, TABLES } from "./keys.js";
import { rowsWithPrefix } from "./rowRanges.js";
import { translateTableErrors } from "./tableErrors.js";
import type { TableStore } from "./tableStore.js";

type AheadRow = { questionId: string; sessionId: string; text: string; askerJson: string; at: string };

/**
 * Questions asked ahead of a community's sessions, in the Activities table: one partition per
 * community (`{tenant}|community|{community}|ahead`), a row per question under its session, so a
 * session's questions are one range read; the asker is in a `…Json` column (erased with them).
 */
export class TablesQuestionsAhead implements QuestionsAheadStore {
  constructor(private readonly store: TableStore) {}

  async add(tenantId: string, communityId: string, q: QuestionAhead): Promise<void> {
    const row: AheadRow = {
      questionId: q.id,
      sessionId: q.sessionId,
      text: q.text,
      askerJson: JSON.stringify(q.asker),
      at: q.at,
    };
    await translateTableErrors("The question", () =>
      this.store.table(TABLES.activities).createEntity({
        partitionKey: circleKeys.ahead(tenantId, communityId),
        rowKey: circleKeys.aheadQuestion(q.sessionId, q.id),
        ...row,
      }),
    );
  }

  async list(tenantId: string, communityId: string, sessionId: string): Promise<QuestionAhead[]> {
    const pk = circleKeys.ahead(tenantId, communityId);
    const prefix = circleKeys.aheadQuestion(sessionId, "");
    const rows = await this.store.queryAll<AheadRow>(TABLES.activities, rowsWithPrefix(pk, prefix));
    return rows.map((r) => ({
      id: r.questionId,
      sessionId: r.sessionId,
      text: r.text,
      asker: JSON.parse(r.askerJson) as PersonRef,
      at: r.at,
    }));
  }
}
