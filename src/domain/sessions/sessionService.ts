import { randomUUID } from "node:crypto";
import type { CommunityView } from "../communities/community.js";
import type { CommunityService } from "../communities/communityService.js";
import { retryOnConflict } from "../concurrency.js";
import { ConcurrencyError, ForbiddenError, NotFoundError, ValidationError } from "../errors.js";
import type { Caller } from "../identity.js";
import { parseInput } from "../validation.js";
import type { RoleAssignment, RsvpResponse, Session, SessionView } from "./session.js";
import { FORMAT_DEFAULTS, SESSION_ROLES, type SessionRole } from "./sessionFormats.js";
import type { Rsvp, SessionRepository } from "./sessionRepository.js";
import {
  type NewSessionInput,
  newSessionSchema,
  rsvpSchema,
  type SessionChangesInput,
  sessionChangesSchema,
} from "./sessionSchemas.js";

/** The sessions (sorted by start) that have not ended and are not cancelled, the soonest first. */
export function upcomingOf(sessions: SessionView[], now: Date, limit: number): SessionView[] {
  const at = now.getTime();
  return sessions
    .filter((s) => !s.cancelled && Date.parse(s.startsAt) + s.durationMinutes * 60_000 > at)
    .slice(0, limit);
}

function viewOf(caller: Caller, community: CommunityView, session: Session, rsvps: Rsvp[]): SessionView {
  const rsvpCounts: Record<RsvpResponse, number> = { going: 0, maybe: 0, no: 0 };
  for (const r of rsvps) rsvpCounts[r.response]++;
  const mine = rsvps.find((r) => r.userId === caller.userId)?.response;
  return { ...session, rsvpCounts, ...(mine ? { myRsvp: mine } : {}), canEdit: community.isSteward };
}

/** Roles a member may take for themselves; the others a steward assigns. */
const SELF_SERVICE_ROLES: ReadonlySet<SessionRole> = new Set(["note-taker", "observer"]);

/**
 * The rules of a community's session calendar: stewards plan and change sessions, members answer
 * invitations and may take the newcomer-friendly roles (note-taker, observer) themselves.
 * Scheduling a Teams meeting, recurrence and reminders plug in here later (org-context issue).
 */
export class SessionService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly communities: CommunityService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(caller: Caller, communityId: string, input: NewSessionInput): Promise<SessionView> {
    const data = parseInput(newSessionSchema, input);
    const community = await this.requireSteward(caller, communityId);
    const defaults = FORMAT_DEFAULTS[data.format];
    const at = this.now().toISOString();
    const session = await this.sessions.create({
      tenantId: caller.tenantId,
      communityId,
      id: randomUUID(),
      title: data.title,
      format: data.format,
      startsAt: new Date(data.startsAt).toISOString(),
      durationMinutes: data.durationMinutes ?? defaults.durationMinutes,
      timeZone: data.timeZone,
      description: data.description,
      agenda: data.agenda,
      roles: data.roles ?? defaults.roles.map((role) => ({ role })),
      ...(data.joinUrl ? { joinUrl: data.joinUrl } : {}),
      cancelled: false,
      createdBy: { id: caller.userId, displayName: caller.displayName },
      createdAt: at,
      updatedAt: at,
    });
    return this.view(caller, community, session);
  }

  /** Sessions of a community, soonest first; `from`/`to` bound the start (ISO). */
  async list(
    caller: Caller,
    communityId: string,
    range: { from?: string; to?: string } = {},
  ): Promise<SessionView[]> {
    const [community, all, rsvps] = await Promise.all([
      this.communities.get(caller, communityId),
      this.sessions.listForCommunity(caller.tenantId, communityId),
      this.sessions.listRsvpsOfCommunity(caller.tenantId, communityId),
    ]);
    return all
      .filter((s) => (!range.from || s.startsAt >= range.from) && (!range.to || s.startsAt < range.to))
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
      .map((s) => viewOf(caller, community, s, rsvps.get(s.id) ?? []));
  }

  /** The next sessions that have not ended and are not cancelled. */
  async upcoming(caller: Caller, communityId: string, limit = 3): Promise<SessionView[]> {
    return upcomingOf(await this.list(caller, communityId), this.now(), limit);
  }

  async get(caller: Caller, communityId: string, sessionId: string): Promise<SessionView> {
    const community = await this.communities.get(caller, communityId);
    return this.view(caller, community, await this.require(caller.tenantId, communityId, sessionId));
  }

  async update(
    caller: Caller,
    communityId: string,
    sessionId: string,
    changes: SessionChangesInput,
    etag: string,
  ): Promise<SessionView> {
    const data = parseInput(sessionChangesSchema, changes);
    const community = await this.requireSteward(caller, communityId);
    const current = await this.require(caller.tenantId, communityId, sessionId);
    if (current.etag !== etag) {
      throw new ConcurrencyError("Someone else changed this session meanwhile. Reload it and try again.");
    }
    const { startsAt, joinUrl, ...rest } = data;
    const updated = await this.sessions.update({
      ...current,
      ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
      ...(startsAt ? { startsAt: new Date(startsAt).toISOString() } : {}),
      ...(joinUrl ? { joinUrl } : {}),
      updatedAt: this.now().toISOString(),
    } as Session);
    return this.view(caller, community, updated);
  }

  /** Answers an invitation; answering again replaces the answer. */
  async rsvp(
    caller: Caller,
    communityId: string,
    sessionId: string,
    input: { response: RsvpResponse },
  ): Promise<SessionView> {
    const { response } = parseInput(rsvpSchema, input);
    const community = await this.communities.get(caller, communityId);
    const session = await this.require(caller.tenantId, communityId, sessionId);
    if (session.cancelled) throw new ValidationError("This session was cancelled.");
    await this.sessions.setRsvp(caller.tenantId, communityId, sessionId, {
      userId: caller.userId,
      displayName: caller.displayName,
      response,
      at: this.now().toISOString(),
    });
    return this.view(caller, community, session);
  }

  /**
   * Gives a role to someone (stewards), or to oneself for note-taker and observer (any member: the
   * newcomer's way in). `personId` undefined frees the role.
   */
  async assignRole(
    caller: Caller,
    communityId: string,
    sessionId: string,
    role: string,
    person: { id: string; displayName: string } | undefined,
  ): Promise<SessionView> {
    if (!(SESSION_ROLES as readonly string[]).includes(role))
      throw new ValidationError("That role does not exist.");
    const community = await this.communities.get(caller, communityId);
    const self = person === undefined || person.id === caller.userId;
    const allowed =
      community.isSteward || (community.isMember && self && SELF_SERVICE_ROLES.has(role as SessionRole));
    if (!allowed)
      throw new ForbiddenError("Only stewards assign this role; members can take note-taker or observer.");
    const updated = await retryOnConflict(async () => {
      const current = await this.require(caller.tenantId, communityId, sessionId);
      const roles: RoleAssignment[] = [...current.roles];
      const index = roles.findIndex(
        (r) => r.role === role && (!r.person || r.person.id === caller.userId || community.isSteward),
      );
      const holder = person ? { id: person.id, displayName: person.displayName } : undefined;
      const assignment: RoleAssignment = holder
        ? { role: role as SessionRole, person: holder }
        : { role: role as SessionRole };
      if (index >= 0) {
        const existing = roles[index];
        if (!community.isSteward && existing?.person && existing.person.id !== caller.userId) {
          throw new ValidationError("Someone already has this role.");
        }
        roles[index] = assignment;
      } else {
        roles.push(assignment);
      }
      return this.sessions.update({ ...current, roles, updatedAt: this.now().toISOString() });
    });
    return this.view(caller, community, updated);
  }

  private async view(caller: Caller, community: CommunityView, session: Session): Promise<SessionView> {
    const rsvps = await this.sessions.listRsvps(caller.tenantId, session.communityId, session.id);
    return viewOf(caller, community, session, rsvps);
  }

  private async requireSteward(caller: Caller, communityId: string): Promise<CommunityView> {
    const community = await this.communities.get(caller, communityId);
    if (!community.isSteward) throw new ForbiddenError("Only the community's stewards plan sessions.");
    return community;
  }

  private async require(tenantId: string, communityId: string, sessionId: string): Promise<Session> {
    const session = await this.sessions.get(tenantId, communityId, sessionId);
    if (!session) throw new NotFoundError("This session does not exist any more.");
    return session;
  }
}
