import { odata, type TableEntityResult } from "@azure/data-tables";
import type { CommunityRepository } from "../domain/communities/communityRepository.js";
import type { RoleAssignment, Session } from "../domain/sessions/session.js";
import type { SessionRole } from "../domain/sessions/sessionFormats.js";
import {
  type CommunityMember,
  type CommunityMembers,
  DEFAULT_REMINDER_SETTINGS,
  type ReminderClaimResult,
  type ReminderKey,
  type ReminderSettings,
  type RolePreference,
  type SessionPlanRepository,
} from "../domain/sessions/sessionPlan.js";
import { CommunitySettings } from "./communitySettings.js";
import { keyPart, keys, TABLES } from "./keys.js";
import { claimToSend } from "./rowClaim.js";
import { rowsWithPrefix } from "./rowRanges.js";
import type { TableStore } from "./tableStore.js";
import { SESSION_ROW, type SessionRow, sessionFromRow } from "./tablesSessionRepository.js";

/**
 * Rota, role preferences, reminder settings and reminder claims, in the Sessions table beside the
 * sessions (keys.ts): a community's partition holds `rolepref|{user}` and `settings|reminders`; a
 * session's own partition (with its RSVPs) holds `rota|{occurrence}` and
 * `reminder|{occurrence}|{kind}`. Occurrence ids are ISO instants (`:` and `.` are fine in keys).
 */
const ROTA = "rota|";
const PREFERENCE = "rolepref|";
const REMINDER_SETTINGS = "settings|reminders";
const REMINDER = "reminder|";

export class TablesSessionPlanRepository implements SessionPlanRepository {
  private readonly reminderSettings: CommunitySettings<ReminderSettings>;

  constructor(private readonly store: TableStore) {
    this.reminderSettings = new CommunitySettings(
      store,
      TABLES.sessions,
      REMINDER_SETTINGS,
      DEFAULT_REMINDER_SETTINGS,
    );
  }

  private get table() {
    return this.store.table(TABLES.sessions);
  }

  async getRota(tenantId: string, communityId: string, sessionId: string) {
    const pk = keys.itemRows(tenantId, communityId, SESSION_ROW, sessionId);
    const rows = await this.store.queryAll<{ assignmentsJson: string }>(
      TABLES.sessions,
      rowsWithPrefix(pk, ROTA),
    );
    return new Map(
      rows.map((r) => [
        (r.rowKey ?? "").slice(ROTA.length),
        JSON.parse(r.assignmentsJson) as RoleAssignment[],
      ]),
    );
  }

  async listRotaOfCommunity(tenantId: string, communityId: string) {
    // Every session partition of the community shares a prefix: one range query reads all rotas.
    const from = `${keys.library(tenantId, communityId)}|${SESSION_ROW}|`;
    const to = `${keys.library(tenantId, communityId)}|${SESSION_ROW}}`;
    const rows = await this.store.queryAll<{ assignmentsJson: string }>(
      TABLES.sessions,
      odata`PartitionKey ge ${from} and PartitionKey lt ${to} and RowKey ge ${ROTA} and RowKey lt ${"rota}"}`,
    );
    const bySession = new Map<string, Map<string, RoleAssignment[]>>();
    for (const r of rows) {
      const sessionId = (r.partitionKey ?? "").slice(from.length);
      const rota = bySession.get(sessionId) ?? new Map<string, RoleAssignment[]>();
      rota.set((r.rowKey ?? "").slice(ROTA.length), JSON.parse(r.assignmentsJson) as RoleAssignment[]);
      bySession.set(sessionId, rota);
    }
    return bySession;
  }

  async setRota(
    tenantId: string,
    communityId: string,
    sessionId: string,
    occurrenceId: string,
    assignments: RoleAssignment[],
  ): Promise<void> {
    await this.table.upsertEntity(
      {
        partitionKey: keys.itemRows(tenantId, communityId, SESSION_ROW, sessionId),
        rowKey: `${ROTA}${keyPart(occurrenceId, "occurrence id")}`,
        assignmentsJson: JSON.stringify(assignments),
      },
      "Replace",
    );
  }

  async listRolePreferences(tenantId: string, communityId: string): Promise<RolePreference[]> {
    const rows = await this.store.queryAll<{
      displayName: string;
      willingJson: string;
      snoozedUntil?: string;
      updatedAt: string;
    }>(TABLES.sessions, rowsWithPrefix(keys.library(tenantId, communityId), PREFERENCE));
    return rows.map((r) => ({
      userId: (r.rowKey ?? "").slice(PREFERENCE.length),
      displayName: r.displayName,
      willing: JSON.parse(r.willingJson) as SessionRole[],
      ...(r.snoozedUntil ? { snoozedUntil: r.snoozedUntil } : {}),
      updatedAt: r.updatedAt,
    }));
  }

  async setRolePreference(tenantId: string, communityId: string, preference: RolePreference): Promise<void> {
    await this.table.upsertEntity(
      {
        partitionKey: keys.library(tenantId, communityId),
        rowKey: `${PREFERENCE}${keyPart(preference.userId, "user id")}`,
        displayName: preference.displayName,
        willingJson: JSON.stringify(preference.willing),
        ...(preference.snoozedUntil ? { snoozedUntil: preference.snoozedUntil } : {}),
        updatedAt: preference.updatedAt,
      },
      "Replace",
    );
  }

  getReminderSettings(tenantId: string, communityId: string): Promise<ReminderSettings> {
    return this.reminderSettings.read(tenantId, communityId);
  }

  setReminderSettings(tenantId: string, communityId: string, settings: ReminderSettings): Promise<void> {
    return this.reminderSettings.write(tenantId, communityId, settings);
  }

  async listActiveSessions(now: Date): Promise<Session[]> {
    // A scan across partitions (every tenant's sessions), filtered by the service: sessions are few
    // next to entries, and `activeUntil` drops the ones that are over.
    const rows = await this.store.queryAll<SessionRow>(
      TABLES.sessions,
      odata`RowKey ge ${`${SESSION_ROW}|`} and RowKey lt ${`${SESSION_ROW}}`} and cancelled eq ${false} and activeUntil ge ${now.toISOString()}`,
    );
    return rows.flatMap((row) => {
      const [tenantId, kind, communityId] = row.partitionKey.split("|");
      if (!tenantId || kind !== "community" || !communityId) return [];
      return [sessionFromRow(tenantId, communityId, row as TableEntityResult<SessionRow>)];
    });
  }

  async claimReminder(
    key: ReminderKey,
    instanceId: string,
    now: Date,
    staleAfterMs: number,
  ): Promise<ReminderClaimResult> {
    return claimToSend(this.store, TABLES.sessions, this.reminderKeys(key), instanceId, now, staleAfterMs);
  }

  async completeReminder(key: ReminderKey, outcome: "sent" | "no-channel"): Promise<void> {
    await this.table.updateEntity({ ...this.reminderKeys(key), state: outcome }, "Merge");
  }

  async releaseReminder(key: ReminderKey): Promise<void> {
    await this.table.updateEntity({ ...this.reminderKeys(key), state: "released" }, "Merge");
  }

  private reminderKeys(key: ReminderKey) {
    return {
      partitionKey: keys.itemRows(key.tenantId, key.communityId, SESSION_ROW, key.sessionId),
      rowKey: `${REMINDER}${keyPart(key.occurrenceId, "occurrence id")}|${key.kind}`,
    };
  }
}

/** The members of a community from the community repository, every page. */
export function communityMembersOf(repository: CommunityRepository): CommunityMembers {
  return {
    async list(tenantId: string, communityId: string): Promise<CommunityMember[]> {
      const members: CommunityMember[] = [];
      let continuationToken: string | undefined;
      do {
        const page = await repository.listMembers(tenantId, communityId, {
          pageSize: 1000,
          ...(continuationToken ? { continuationToken } : {}),
        });
        for (const m of page.items)
          members.push({ id: m.userId, displayName: m.displayName, joinedAt: m.joinedAt });
        continuationToken = page.continuationToken;
      } while (continuationToken);
      return members;
    },
  };
}
