import type { CommunityRubric, RubricRepository } from "../domain/activities/communityRubrics.js";
import type { PersonRef } from "../domain/identity.js";
import { circleKeys, TABLES } from "./keys.js";
import { translateTableErrors } from "./tableErrors.js";
import type { TableStore } from "./tableStore.js";

type RubricRow = { criteriaJson: string; editedByJson: string; at: string };

/** The one row of a rubric's partition. */
const RUBRIC_ROW = "rubric";

/**
 * A community's rubric in the Activities table: one row in a partition of its own
 * (`{tenant}|community|{community}|rubric`, keys.ts), created once and then replaced under its ETag.
 */
export class TablesCommunityRubrics implements RubricRepository {
  constructor(private readonly store: TableStore) {}

  private get table() {
    return this.store.table(TABLES.activities);
  }

  async get(tenantId: string, communityId: string): Promise<CommunityRubric | undefined> {
    const row = await this.store.getEntity<RubricRow & { etag?: string }>(
      TABLES.activities,
      circleKeys.rubric(tenantId, communityId),
      RUBRIC_ROW,
    );
    if (!row) return undefined;
    return {
      communityId,
      criteria: JSON.parse(row.criteriaJson) as string[],
      editedBy: JSON.parse(row.editedByJson) as PersonRef,
      at: row.at,
      etag: row.etag ?? "",
    };
  }

  async save(
    tenantId: string,
    rubric: Omit<CommunityRubric, "etag">,
    etag?: string,
  ): Promise<CommunityRubric> {
    const entity = {
      partitionKey: circleKeys.rubric(tenantId, rubric.communityId),
      rowKey: RUBRIC_ROW,
      criteriaJson: JSON.stringify(rubric.criteria),
      editedByJson: JSON.stringify(rubric.editedBy),
      at: rubric.at,
    } satisfies RubricRow & { partitionKey: string; rowKey: string };
    const result = await translateTableErrors("The rubric", () =>
      etag ? this.table.updateEntity(entity, "Replace", { etag }) : this.table.createEntity(entity),
    );
    return { ...rubric, etag: result.etag ?? "" };
  }
}
