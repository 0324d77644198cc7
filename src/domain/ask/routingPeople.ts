import type { SessionPlanRepository } from "../sessions/sessionPlan.js";
import type { SessionRepository } from "../sessions/sessionRepository.js";
import type { RoutingPeople } from "./questionRoute.js";

/**
 * Who may be asked, from what PeerCircle knows: a member's snooze is the one they set for the
 * rota (not now, until…), and a person's time zone is the one their directory entry carries
 * (`zoneOf`, when the directory knows it) or else the zone the community's sessions are held in
 * (its newest session's), UTC when it has none.
 */
export function routingPeopleOf(deps: {
  plan: Pick<SessionPlanRepository, "listRolePreferences">;
  sessions: Pick<SessionRepository, "listForCommunity">;
  zoneOf?: (tenantId: string, ids: string[]) => Promise<Map<string, string>>;
}): RoutingPeople {
  return {
    async snoozedUntil(tenantId, communityId) {
      const preferences = await deps.plan.listRolePreferences(tenantId, communityId);
      return new Map(
        preferences.flatMap((p) => (p.snoozedUntil ? [[p.userId, p.snoozedUntil] as const] : [])),
      );
    },
    async timeZones(tenantId, communityId, ids) {
      const [known, sessions] = await Promise.all([
        deps.zoneOf?.(tenantId, ids) ?? new Map<string, string>(),
        deps.sessions.listForCommunity(tenantId, communityId),
      ]);
      const newest = [...sessions].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
      const fallback = newest?.timeZone ?? "UTC";
      return new Map(ids.map((id) => [id, known.get(id) ?? fallback]));
    },
  };
}
