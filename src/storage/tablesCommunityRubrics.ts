import type { CommunityRubric, RubricRepository } from "../domain/activities/communityRubrics.js";
import type { PersonRef } from "../domain/identity.js";
import { EtaggedRows } from "./etaggedRows.js";
import { circleKeys, TABLES } from "./keys.js";
import type { TableStore } from "./tableStore.js";

type RubricRow = { criteriaJson: string; editedByJson: string; at: string };

/** The one row of a rubric's partition. */
const RUBRIC_ROW = "rubric";

/**
 * A community's rubric in the Activities table: one row in a partition of its own
 * (`{tenant}|community|{community}|rubric`, keys.ts), created once and then replaced under its ETag.
 */
export class TablesCommunityRubrics implements RubricRepository {
  private readonly rows: EtaggedRows<RubricRow>;

  constructor(store: TableStore) {
    this.rows = new EtaggedRows(store, TABLES.activities, "The rubric");
  }

  async get(tenantId: string, communityId: string): Promise<CommunityRubric | undefined> {
    return this.rows.read(circleKeys.rubric(tenantId, communityId), RUBRIC_ROW, (row) => ({
      communityId,
      criteria: JSON.parse(row.criteriaJson) as string[],
      editedBy: JSON.parse(row.editedByJson) as PersonRef,
      at: row.at,
      etag: row.etag,
    }));
  }

  /** Creates the rubric, or (with the ETag of the one read) replaces it. */
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
    };
    return etag ? this.rows.replace(rubric, entity, etag) : this.rows.create(rubric, entity);
  }
}
