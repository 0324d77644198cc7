import { odata, type TableEntityResult } from "@azure/data-tables";
import type { PersonRef } from "../domain/identity.js";
import type { SessionRecurrence } from "../domain/sessions/recurrence.js";
import { lastEndOf } from "../domain/sessions/recurrence.js";
import type { RoleAssignment, RsvpResponse, Session, TeamsMeetingState } from "../domain/sessions/session.js";
import type { SessionFormat } from "../domain/sessions/sessionFormats.js";
import type { Rsvp, SessionRepository } from "../domain/sessions/sessionRepository.js";
import { CommunityKindRepository } from "./communityKindRepository.js";
import { keyPart, keys, TABLES } from "./keys.js";
import { rowsWithPrefix } from "./rowRanges.js";
import type { TableStore } from "./tableStore.js";

type SessionRow = {
  partitionKey: string;
  rowKey: string;
  title: string;
  format: string;
  startsAt: string;
  durationMinutes: number;
  timeZone: string;
  description: string;
  agendaJson: string;
  rolesJson: string;
  joinUrl?: string;
  recurrenceJson?: string;
  teamsMeetingJson?: string;
  /** When the last occurrence ends (ISO); far future for a series without end (reminders' scan). */
  activeUntil: string;
  cancelled: boolean;
  createdByJson: string;
  createdAt: string;
  updatedAt: string;
};

type RsvpRow = {
  partitionKey: string;
  rowKey: string;
  userId: string;
  displayName: string;
  response: string;
  at: string;
};

const SESSION = "session";
const RSVP = "rsvp";
/** `activeUntil` of a series without end: sorts after every real date. */
const OPEN_END = "9999-12-31T23:59:59.999Z";

/** Sessions and RSVPs in Azure Tables (key design in keys.ts). */
export class TablesSessionRepository
  extends CommunityKindRepository<Session, SessionRow>
  implements SessionRepository
{
  constructor(store: TableStore) {
    super(store, { table: TABLES.sessions, what: "The session", kind: SESSION, toRow, fromRow });
  }

  listForCommunity(tenantId: string, communityId: string): Promise<Session[]> {
    return this.listOfCommunity(tenantId, communityId);
  }

  async setRsvp(tenantId: string, communityId: string, sessionId: string, rsvp: Rsvp): Promise<void> {
    const row = { userId: rsvp.userId, displayName: rsvp.displayName, response: rsvp.response, at: rsvp.at };
    // The person's own index first: a retry after a failure between the two completes both.
    await this.table.upsertEntity(
      {
        partitionKey: keys.personal(tenantId, rsvp.userId),
        rowKey: `${RSVP}|${keyPart(communityId, "community id")}|${keyPart(sessionId, "session id")}`,
        communityId,
        sessionId,
        ...row,
      },
      "Replace",
    );
    await this.table.upsertEntity(
      {
        partitionKey: keys.itemRows(tenantId, communityId, SESSION, sessionId),
        rowKey: `${RSVP}|${keyPart(rsvp.userId, "user id")}`,
        ...row,
      },
      "Replace",
    );
  }

  async listRsvps(tenantId: string, communityId: string, sessionId: string): Promise<Rsvp[]> {
    const pk = keys.itemRows(tenantId, communityId, SESSION, sessionId);
    const rows = await this.store.queryAll<RsvpRow>(TABLES.sessions, rowsWithPrefix(pk, `${RSVP}|`));
    return rows.map((r) => ({
      userId: r.userId,
      displayName: r.displayName,
      response: r.response as RsvpResponse,
      at: r.at,
    }));
  }

  async listRsvpsOfCommunity(tenantId: string, communityId: string): Promise<Map<string, Rsvp[]>> {
    // The RSVP partitions of a community's sessions share a prefix: one range query reads them all.
    const from = `${keys.library(tenantId, communityId)}|${SESSION}|`;
    const to = `${keys.library(tenantId, communityId)}|${SESSION}}`;
    // The same partitions hold each session's rota and reminder claims: only the RSVP rows.
    const rows = await this.store.queryAll<RsvpRow>(
      TABLES.sessions,
      odata`PartitionKey ge ${from} and PartitionKey lt ${to} and RowKey ge ${`${RSVP}|`} and RowKey lt ${`${RSVP}}`}`,
    );
    const bySession = new Map<string, Rsvp[]>();
    for (const r of rows) {
      const sessionId = r.partitionKey.slice(from.length);
      const list = bySession.get(sessionId) ?? [];
      list.push({
        userId: r.userId,
        displayName: r.displayName,
        response: r.response as RsvpResponse,
        at: r.at,
      });
      bySession.set(sessionId, list);
    }
    return bySession;
  }

  async listRsvpsOf(tenantId: string, userId: string) {
    const pk = keys.personal(tenantId, userId);
    const rows = await this.store.queryAll<RsvpRow & { communityId: string; sessionId: string }>(
      TABLES.sessions,
      rowsWithPrefix(pk, `${RSVP}|`),
    );
    return rows.map((r) => ({
      communityId: r.communityId,
      sessionId: r.sessionId,
      response: r.response as RsvpResponse,
    }));
  }
}

function toRow(s: Omit<Session, "etag">): SessionRow {
  return {
    partitionKey: keys.library(s.tenantId, s.communityId),
    rowKey: keys.rowOfKind(SESSION, s.id),
    title: s.title,
    format: s.format,
    startsAt: s.startsAt,
    durationMinutes: s.durationMinutes,
    timeZone: s.timeZone,
    description: s.description,
    agendaJson: JSON.stringify(s.agenda),
    rolesJson: JSON.stringify(s.roles),
    ...(s.joinUrl ? { joinUrl: s.joinUrl } : {}),
    ...(s.recurrence ? { recurrenceJson: JSON.stringify(s.recurrence) } : {}),
    ...(s.teamsMeeting ? { teamsMeetingJson: JSON.stringify(s.teamsMeeting) } : {}),
    activeUntil: lastEndOf(s) ?? OPEN_END,
    cancelled: s.cancelled,
    createdByJson: JSON.stringify(s.createdBy),
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

/** The session row's keys and fields (the reminder scan reads rows of every tenant). */
export { fromRow as sessionFromRow, OPEN_END, SESSION as SESSION_ROW, type SessionRow };

function fromRow(tenantId: string, communityId: string, row: TableEntityResult<SessionRow>): Session {
  return {
    tenantId,
    communityId,
    id: row.rowKey.slice(SESSION.length + 1),
    title: row.title,
    format: row.format as SessionFormat,
    startsAt: row.startsAt,
    durationMinutes: row.durationMinutes,
    timeZone: row.timeZone,
    description: row.description,
    agenda: JSON.parse(row.agendaJson) as string[],
    roles: JSON.parse(row.rolesJson) as RoleAssignment[],
    ...(row.joinUrl ? { joinUrl: row.joinUrl } : {}),
    ...(row.recurrenceJson ? { recurrence: JSON.parse(row.recurrenceJson) as SessionRecurrence } : {}),
    ...(row.teamsMeetingJson ? { teamsMeeting: JSON.parse(row.teamsMeetingJson) as TeamsMeetingState } : {}),
    cancelled: row.cancelled,
    createdBy: JSON.parse(row.createdByJson) as PersonRef,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    etag: row.etag,
  };
}
