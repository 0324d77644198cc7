import { odata } from "@azure/data-tables";
import {
  type AskedPerson,
  DEFAULT_ROUTING_SETTINGS,
  type QuestionRoute,
  type QuestionRouteRepository,
  type RoutingSettings,
} from "../domain/ask/questionRoute.js";
import type { PersonRef } from "../domain/identity.js";
import { CommunitySettings } from "./communitySettings.js";
import { EtaggedRepository } from "./etaggedRepository.js";
import { keys, TABLES } from "./keys.js";
import { rowsWithPrefix } from "./rowRanges.js";
import type { TableStore } from "./tableStore.js";

type RouteRow = {
  partitionKey: string;
  rowKey: string;
  communityName: string;
  title: string;
  askerJson: string;
  createdAt: string;
  state: QuestionRoute["state"];
  queueJson: string;
  askedJson: string;
  /** Empty when nothing is to be checked (answered or exhausted): the scan's filter skips it. */
  nextCheckAt: string;
  claimJson?: string;
};

const ROUTE = "route";
const SETTINGS = "settings|routing";

/**
 * Routes of open questions in a table of their own, one partition per community: the escalation
 * scan reads only waiting routes whose check time has come, across tenants, without touching the
 * library's much larger table.
 */
export class TablesQuestionRouteRepository
  extends EtaggedRepository<QuestionRoute, RouteRow>
  implements QuestionRouteRepository
{
  private readonly settings: CommunitySettings<RoutingSettings>;

  constructor(store: TableStore) {
    super(store, TABLES.questionRoutes, "The question's routing", toRow);
    this.settings = new CommunitySettings(store, TABLES.questionRoutes, SETTINGS, DEFAULT_ROUTING_SETTINGS);
  }

  async get(tenantId: string, communityId: string, questionId: string) {
    return this.rows.read(
      keys.library(tenantId, communityId),
      keys.rowOfKind(ROUTE, questionId, "question id"),
      fromRow,
    );
  }

  async listOpen(tenantId: string, communityId: string): Promise<QuestionRoute[]> {
    const pk = keys.library(tenantId, communityId);
    const rows = await this.store.queryAll<RouteRow>(
      TABLES.questionRoutes,
      `${rowsWithPrefix(pk, `${ROUTE}|`)} and ${odata`state ne ${"answered"}`}`,
    );
    return rows.map(fromRow).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async listDue(now: Date): Promise<QuestionRoute[]> {
    // Across partitions (every tenant), but only waiting routes: open questions are few.
    const rows = await this.store.queryAll<RouteRow>(
      TABLES.questionRoutes,
      odata`state eq ${"waiting"} and nextCheckAt gt ${""} and nextCheckAt le ${now.toISOString()}`,
    );
    return rows.map(fromRow);
  }

  getSettings(tenantId: string, communityId: string): Promise<RoutingSettings> {
    return this.settings.read(tenantId, communityId);
  }

  setSettings(tenantId: string, communityId: string, settings: RoutingSettings): Promise<void> {
    return this.settings.write(tenantId, communityId, settings);
  }
}

function toRow(r: Omit<QuestionRoute, "etag">): RouteRow {
  return {
    partitionKey: keys.library(r.tenantId, r.communityId),
    rowKey: keys.rowOfKind(ROUTE, r.questionId, "question id"),
    communityName: r.communityName,
    title: r.title,
    askerJson: JSON.stringify(r.asker),
    createdAt: r.createdAt,
    state: r.state,
    queueJson: JSON.stringify(r.queue),
    askedJson: JSON.stringify(r.asked),
    nextCheckAt: r.nextCheckAt ?? "",
    ...(r.claim ? { claimJson: JSON.stringify(r.claim) } : {}),
  };
}

function fromRow(row: RouteRow & { etag?: string }): QuestionRoute {
  const [tenantId = "", , communityId = ""] = row.partitionKey.split("|");
  return {
    tenantId,
    communityId,
    communityName: row.communityName,
    questionId: row.rowKey.slice(ROUTE.length + 1),
    title: row.title,
    asker: JSON.parse(row.askerJson) as PersonRef,
    createdAt: row.createdAt,
    state: row.state,
    queue: JSON.parse(row.queueJson) as PersonRef[],
    asked: JSON.parse(row.askedJson) as AskedPerson[],
    ...(row.nextCheckAt ? { nextCheckAt: row.nextCheckAt } : {}),
    ...(row.claimJson ? { claim: JSON.parse(row.claimJson) as QuestionRoute["claim"] & object } : {}),
    etag: row.etag ?? "",
  };
}
