import type { RoleAssignment, Session } from "./session.js";
import type { SessionRole } from "./sessionFormats.js";

/** A member's opt-in to the role rotation. No row: not in the rotation. */
export interface RolePreference {
  userId: string;
  displayName: string;
  willing: SessionRole[];
  snoozedUntil?: string;
  updatedAt: string;
}

/** How a community is reminded of its sessions. */
export interface ReminderSettings {
  enabled: boolean;
  /** Minutes before an occurrence starts that the reminder card is posted. */
  leadMinutes: number;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = { enabled: true, leadMinutes: 60 };

/**
 * `channel`: the reminder the community's lead time ahead; `ask-ahead`: a day ahead of a session
 * whose format takes questions asked ahead (an AMA), the card inviting them.
 */
export type ReminderKind = "channel" | "ask-ahead";

/** Who holds a reminder: claimed by an instance that is sending it, or done. */
export type ReminderClaimResult = "claimed" | "taken";

/**
 * Storage port for what plans sessions beyond the session row: the rota of each occurrence, the
 * members' role preferences, reminder settings and the claims that make a reminder go out once.
 */
export interface SessionPlanRepository {
  /** Role holders of the occurrences of one session, by occurrence id. */
  getRota(tenantId: string, communityId: string, sessionId: string): Promise<Map<string, RoleAssignment[]>>;
  /** Role holders of every session of a community: session id → occurrence id → holders. */
  listRotaOfCommunity(
    tenantId: string,
    communityId: string,
  ): Promise<Map<string, Map<string, RoleAssignment[]>>>;
  setRota(
    tenantId: string,
    communityId: string,
    sessionId: string,
    occurrenceId: string,
    assignments: RoleAssignment[],
  ): Promise<void>;
  listRolePreferences(tenantId: string, communityId: string): Promise<RolePreference[]>;
  setRolePreference(tenantId: string, communityId: string, preference: RolePreference): Promise<void>;
  getReminderSettings(tenantId: string, communityId: string): Promise<ReminderSettings>;
  setReminderSettings(tenantId: string, communityId: string, settings: ReminderSettings): Promise<void>;
  /**
   * Sessions of every tenant that are not cancelled and have an occurrence ending after `now`
   * (the reminder poller's work list).
   */
  listActiveSessions(now: Date): Promise<Session[]>;
  /**
   * Claims a reminder for one occurrence and kind, insert-if-absent: exactly one caller gets
   * "claimed". A claim older than `staleAfterMs` that was never marked sent (its instance died
   * mid-send) may be taken over, guarded by its ETag.
   */
  claimReminder(
    key: ReminderKey,
    instanceId: string,
    now: Date,
    staleAfterMs: number,
  ): Promise<ReminderClaimResult>;
  /** Marks a claimed reminder as sent (or given up: `outcome` says why). */
  completeReminder(key: ReminderKey, outcome: "sent" | "no-channel"): Promise<void>;
  /** Gives a claim back after a failed send, so a later pass retries it. */
  releaseReminder(key: ReminderKey): Promise<void>;
}

export interface ReminderKey {
  tenantId: string;
  communityId: string;
  sessionId: string;
  occurrenceId: string;
  kind: ReminderKind;
}

/** A member of a community as rotation and invitations need them. */
export interface CommunityMember {
  id: string;
  displayName: string;
  joinedAt: string;
}

/** The members of a community (the community repository, through a narrow port). */
export interface CommunityMembers {
  list(tenantId: string, communityId: string): Promise<CommunityMember[]>;
}
