import type { PersonRef } from "../identity.js";
import type { RoleAssignment } from "./session.js";
import type { SessionRole } from "./sessionFormats.js";

/**
 * Roles a newcomer is offered first: legitimate peripheral participation (Lave & Wenger) — take
 * part at the edge, by watching and writing down, before facilitating or sitting in the hot seat.
 */
export const NEWCOMER_ROLES: ReadonlySet<SessionRole> = new Set(["observer", "note-taker"]);
/** Roles held before someone counts as settled in (and is offered every role they opted into). */
export const NEWCOMER_ROLE_COUNT = 2;

/** A member as rotation sees them. */
export interface RotationMember extends PersonRef {
  /** The roles they opted into. Nobody is given a role they did not choose. */
  willing: readonly SessionRole[];
  /** Not given roles in occurrences that start before this instant (ISO), when set. */
  snoozedUntil?: string;
  /** Joined recently; stays a newcomer until they have held {@link NEWCOMER_ROLE_COUNT} roles. */
  newcomer: boolean;
}

/** One occurrence to fill. */
export interface RotationSlot {
  occurrenceId: string;
  startsAt: string;
  roles: readonly SessionRole[];
  /** People who said they will not come (RSVP no): never given a role in it. */
  absent: ReadonlySet<string>;
  /** Holders a steward fixed: kept as they are. */
  fixed: readonly RoleAssignment[];
}

/** Roles people held before (by person id, then role): rotation continues from there. */
export type RotationHistory = ReadonlyMap<string, Partial<Record<SessionRole, number>>>;

/** A filled occurrence. Roles nobody can take stay open (no `person`). */
export interface RotationResult {
  occurrenceId: string;
  assignments: RoleAssignment[];
}

/**
 * Rotates roles fairly over a run of occurrences, in order. Each role goes to the willing member
 * who has held that role least (then fewest roles in all, then longest ago, then a stable id
 * order), never to someone absent, snoozed or already holding a role in the same occurrence.
 * Newcomers are offered observer and note-taker before anyone else, and no other role until they
 * have held {@link NEWCOMER_ROLE_COUNT}. Among equally willing members the counts of each role
 * differ by at most one. Pure: same input, same rota.
 */
export function rotateRoles(
  slots: readonly RotationSlot[],
  members: readonly RotationMember[],
  history: RotationHistory = new Map(),
): RotationResult[] {
  const counts = new Map<string, Map<SessionRole, number>>();
  const totals = new Map<string, number>();
  const lastServed = new Map<string, number>();
  for (const member of members) {
    const byRole = new Map<SessionRole, number>();
    let total = 0;
    for (const [role, n] of Object.entries(history.get(member.id) ?? {}) as [SessionRole, number][]) {
      byRole.set(role, n);
      total += n;
    }
    counts.set(member.id, byRole);
    totals.set(member.id, total);
  }
  const record = (id: string, role: SessionRole, index: number) => {
    const byRole = counts.get(id);
    if (!byRole) return;
    byRole.set(role, (byRole.get(role) ?? 0) + 1);
    totals.set(id, (totals.get(id) ?? 0) + 1);
    lastServed.set(id, index);
  };
  const isNewcomer = (m: RotationMember) => m.newcomer && (totals.get(m.id) ?? 0) < NEWCOMER_ROLE_COUNT;

  return slots.map((slot, index) => {
    const taken = new Set<string>();
    const assignments: (RoleAssignment | undefined)[] = slot.roles.map(() => undefined);
    // A steward's choices stay; each fixed holder fills the first matching role.
    for (const fixed of slot.fixed) {
      if (!fixed.person) continue;
      const at = slot.roles.findIndex((role, i) => role === fixed.role && !assignments[i]);
      if (at < 0) continue;
      assignments[at] = { role: fixed.role, person: fixed.person };
      taken.add(fixed.person.id);
      record(fixed.person.id, fixed.role, index);
    }
    const eligible = (role: SessionRole) =>
      members.filter(
        (m) =>
          m.willing.includes(role) &&
          !slot.absent.has(m.id) &&
          !taken.has(m.id) &&
          !(m.snoozedUntil && Date.parse(m.snoozedUntil) > Date.parse(slot.startsAt)) &&
          (!isNewcomer(m) || NEWCOMER_ROLES.has(role)),
      );
    // Fill the scarcest roles first, so a role few people take is not left open.
    const open = slot.roles
      .map((role, i) => ({ role, i }))
      .filter(({ i }) => !assignments[i])
      .sort((a, b) => eligible(a.role).length - eligible(b.role).length || a.i - b.i);
    for (const { role, i } of open) {
      const candidates = eligible(role);
      candidates.sort((a, b) => {
        if (NEWCOMER_ROLES.has(role)) {
          const newcomerFirst = Number(isNewcomer(b)) - Number(isNewcomer(a));
          if (newcomerFirst !== 0) return newcomerFirst;
        }
        return (
          (counts.get(a.id)?.get(role) ?? 0) - (counts.get(b.id)?.get(role) ?? 0) ||
          (totals.get(a.id) ?? 0) - (totals.get(b.id) ?? 0) ||
          (lastServed.get(a.id) ?? -1) - (lastServed.get(b.id) ?? -1) ||
          a.id.localeCompare(b.id)
        );
      });
      const chosen = candidates[0];
      if (!chosen) {
        assignments[i] = { role };
        continue;
      }
      assignments[i] = { role, person: { id: chosen.id, displayName: chosen.displayName } };
      taken.add(chosen.id);
      record(chosen.id, role, index);
    }
    return {
      occurrenceId: slot.occurrenceId,
      assignments: assignments.map((a, i) => a ?? { role: slot.roles[i] as SessionRole }),
    };
  });
}

/** Counts of the roles people held in past assignments, for {@link rotateRoles}' history. */
export function historyOf(
  past: readonly (readonly RoleAssignment[])[],
): Map<string, Partial<Record<SessionRole, number>>> {
  const history = new Map<string, Partial<Record<SessionRole, number>>>();
  for (const assignments of past)
    for (const { role, person } of assignments) {
      if (!person) continue;
      const byRole = history.get(person.id) ?? {};
      byRole[role] = (byRole[role] ?? 0) + 1;
      history.set(person.id, byRole);
    }
  return history;
}
