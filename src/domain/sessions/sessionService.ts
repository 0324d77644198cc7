import { randomUUID } from "node:crypto";
import { type CommunityView, stewardsOnly } from "../communities/community.js";
import type { CommunityService } from "../communities/communityService.js";
import { retryOnConflict, yieldToEventLoop } from "../concurrency.js";
import {
  ForbiddenError,
  NotFoundError,
  orNotFound,
  requireLatest,
  UnavailableError,
  ValidationError,
} from "../errors.js";
import { type Caller, callerAsPerson, type PersonRef } from "../identity.js";
import { parseInput } from "../validation.js";
import type { MeetingAttendee, MeetingRequest, MeetingScheduler } from "./meetingScheduler.js";
import {
  iso,
  isRuleDate,
  MAX_OCCURRENCES_PER_DAY,
  type Occurrence,
  occurrencesBetween,
} from "./recurrence.js";
import { historyOf, type RotationMember, type RotationSlot, rotateRoles } from "./rotation.js";
import type {
  OccurrenceView,
  RoleAssignment,
  RsvpResponse,
  Session,
  SessionView,
  TeamsMeetingState,
} from "./session.js";
import { FORMAT_DEFAULTS, SESSION_ROLES, type SessionRole } from "./sessionFormats.js";
import {
  type CommunityMembers,
  DEFAULT_REMINDER_SETTINGS,
  type ReminderSettings,
  type RolePreference,
  type SessionPlanRepository,
} from "./sessionPlan.js";
import type { Rsvp, SessionRepository } from "./sessionRepository.js";
import {
  type CalendarRangeInput,
  calendarRangeSchema,
  MAX_RANGE_DAYS,
  type NewSessionInput,
  newSessionSchema,
  type OccurrenceChangeInput,
  occurrenceChangeSchema,
  type ReminderSettingsInput,
  type RolePreferenceInput,
  reminderSettingsSchema,
  rolePreferenceSchema,
  rsvpSchema,
  type SessionChangesInput,
  sessionChangesSchema,
} from "./sessionSchemas.js";

const DAY_MS = 86_400_000;
/** An activity started this long before its session's start still belongs to it. */
const EARLY_START_MS = 60 * 60_000;
/**
 * Without a range, a series shows its occurrences from a month back to a quarter ahead (the home,
 * My learning): every series is expanded over the range, so it stays short.
 */
const DEFAULT_PAST_MS = 31 * DAY_MS;
const DEFAULT_AHEAD_MS = 92 * DAY_MS;
/** A series' next occurrences on its page: a year ahead, the first dozen. */
const NEXT_AHEAD_MS = 366 * DAY_MS;
const NEXT_SHOWN = 12;
/** One answer lists at most this many sessions and occurrences (the soonest). */
export const MAX_LISTED = 300;
/** About this much JSON at most in one answer (the soonest sessions that fit). */
const MAX_LIST_CHARACTERS = 1_000_000;
/** The first window a list expands series over; each next one is twice as long. */
const FIRST_WINDOW_MS = 2 * DAY_MS;
/** A series with this many occurrences in the range lets other work run before the next is expanded. */
const YIELD_AFTER_OCCURRENCES = 100;
/** How far ahead a rota is generated, and for how many occurrences at most. */
const ROTA_AHEAD_MS = 120 * DAY_MS;
const ROTA_MAX_SLOTS = 20;
/** Members who joined within this time count as newcomers for the rotation. */
const NEWCOMER_MS = 30 * DAY_MS;

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
  const { tenantId: _tenant, ...shown } = session;
  return { ...shown, rsvpCounts, ...(mine ? { myRsvp: mine } : {}), canEdit: community.isSteward };
}

/** The role holders of one occurrence: its rota row, else the session's own (template) roles. */
function rolesOf(session: Session, occurrenceId: string, rota: Map<string, RoleAssignment[]> | undefined) {
  return rota?.get(occurrenceId) ?? session.roles;
}

/** Roles a member may take for themselves; the others a steward assigns. */
const SELF_SERVICE_ROLES: ReadonlySet<SessionRole> = new Set(["note-taker", "observer"]);

/** Optional collaborators: without them the features they carry say they are not set up. */
export interface SessionServiceOptions {
  /** Rota, role preferences, reminder settings. */
  plan?: SessionPlanRepository;
  /** Who belongs to a community (rotation, invitations to the whole community). */
  members?: CommunityMembers;
  /** Schedules Teams meetings; absent, stewards cannot ask for one (the tab says why). */
  scheduler?: MeetingScheduler;
}

/** The rota of upcoming occurrences, as stewards and members see it. */
export interface RotaView {
  occurrences: (OccurrenceView & {
    sessionId: string;
    title: string;
    cancelled: boolean;
    recurring: boolean;
  })[];
  /** Everyone's preferences for stewards; the caller's own for members. */
  preferences: RolePreference[];
  canEdit: boolean;
}

/**
 * The rules of a community's session calendar: stewards plan and change sessions (once or
 * repeating), schedule their Teams meetings and keep them in step, and run the role rotation;
 * members answer invitations, opt into roles and may take the newcomer-friendly roles
 * (note-taker, observer) themselves.
 */
export class SessionService {
  private readonly plan: SessionPlanRepository | undefined;
  private readonly members: CommunityMembers | undefined;
  private readonly scheduler: MeetingScheduler | undefined;

  constructor(
    private readonly sessions: SessionRepository,
    private readonly communities: CommunityService,
    private readonly now: () => Date = () => new Date(),
    options: SessionServiceOptions = {},
  ) {
    this.plan = options.plan;
    this.members = options.members;
    this.scheduler = options.scheduler;
  }

  /** True when Teams meetings can be scheduled (a calendar is connected). */
  get canScheduleMeetings(): boolean {
    return this.scheduler !== undefined;
  }

  async create(caller: Caller, communityId: string, input: NewSessionInput): Promise<SessionView> {
    const data = parseInput(newSessionSchema, input);
    const community = await this.requireSteward(caller, communityId);
    if (data.teamsMeeting && !this.scheduler) throw notConnected();
    const defaults = FORMAT_DEFAULTS[data.format];
    const at = this.now().toISOString();
    const startsAt = new Date(data.startsAt).toISOString();
    const created = await this.sessions.create({
      tenantId: caller.tenantId,
      communityId,
      id: randomUUID(),
      title: data.title,
      format: data.format,
      startsAt,
      durationMinutes: data.durationMinutes ?? defaults.durationMinutes,
      timeZone: data.timeZone,
      description: data.description,
      agenda: data.agenda,
      roles: data.roles ?? defaults.roles.map((role) => ({ role })),
      ...(data.joinUrl ? { joinUrl: data.joinUrl } : {}),
      ...(data.recurrence
        ? {
            recurrence: {
              rule: data.recurrence.rule,
              exceptions: data.recurrence.exceptions.map(iso),
              moved: [],
            },
          }
        : {}),
      ...(data.teamsMeeting
        ? {
            teamsMeeting: {
              attendees: data.teamsMeeting.attendees,
              organizerId: caller.userId,
              status: "pending",
              pendingAction: "schedule",
            } satisfies TeamsMeetingState,
          }
        : {}),
      cancelled: false,
      createdBy: callerAsPerson(caller),
      createdAt: at,
      updatedAt: at,
    });
    // The session is saved first: if the calendar is unavailable it is kept and flagged.
    const session = await this.syncMeeting(created);
    return this.view(caller, community, session);
  }

  /**
   * Sessions of a community, soonest first, one view per occurrence for a series. `from`/`to`
   * bound the start (ISO dates or instants; the tab sends the viewer's week or month as instants).
   * `known` is the community as the caller has just read it (the home reads it once for all parts).
   */
  async list(
    caller: Caller,
    communityId: string,
    rawRange: CalendarRangeInput = {},
    known?: CommunityView,
  ): Promise<SessionView[]> {
    return (await this.listPage(caller, communityId, rawRange, known)).items;
  }

  /**
   * {@link list}, saying whether the answer stopped at its limits before the range's end. `limit`
   * lists fewer (the soonest), for callers that need only the first few.
   */
  async listPage(
    caller: Caller,
    communityId: string,
    rawRange: CalendarRangeInput = {},
    known?: CommunityView,
    limit = MAX_LISTED,
  ): Promise<{ items: SessionView[]; truncated: boolean }> {
    const most = Math.min(MAX_LISTED, Math.max(1, limit));
    const range = parseInput(calendarRangeSchema, rawRange);
    const { community, all, rsvps, rota } = await this.calendarOf(caller, communityId, known);
    const now = this.now().getTime();
    const fromMs = range.from ? Date.parse(range.from) : undefined;
    const toMs = range.to ? Date.parse(range.to) : undefined;
    // Series are expanded over the range asked for, or the default one; neither is wider than the limit.
    const from = new Date(fromMs ?? now - DEFAULT_PAST_MS);
    const to = new Date(toMs ?? now + DEFAULT_AHEAD_MS);
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS)
      throw new ValidationError(`Ask for at most ${MAX_RANGE_DAYS} days of the calendar at a time.`);
    const views: SessionView[] = [];
    const series: { session: Session; base: SessionView }[] = [];
    for (const session of all) {
      const base = viewOf(caller, community, session, rsvps.get(session.id) ?? []);
      if (session.recurrence) {
        series.push({ session, base });
        continue;
      }
      const at = Date.parse(session.startsAt);
      if ((fromMs === undefined || at >= fromMs) && (toMs === undefined || at < toMs)) views.push(base);
    }
    // Series are expanded a window at a time, each twice as long as the one before, until the
    // answer is full: the cost follows what is listed, not the number of series times the range.
    // Every occurrence before the last window's end is then listed, so the soonest are exact.
    let expanded = 0;
    let windowStart = from.getTime();
    for (let span = FIRST_WINDOW_MS; windowStart < to.getTime() && expanded < most; span *= 2) {
      const windowEnd = Math.min(to.getTime(), windowStart + span);
      let sinceYield = 0;
      for (const { session, base } of series) {
        const occurrences = occurrencesBetween(session, new Date(windowStart), new Date(windowEnd), most);
        for (const occurrence of occurrences)
          views.push(
            occurrenceViewOf(
              base,
              occurrence,
              rolesOf(session, occurrence.occurrenceId, rota.get(session.id)),
            ),
          );
        expanded += occurrences.length;
        sinceYield += occurrences.length;
        // Milliseconds of work: other requests go first before the next series.
        if (sinceYield >= YIELD_AFTER_OCCURRENCES) {
          sinceYield = 0;
          await yieldToEventLoop();
        }
      }
      windowStart = windowEnd;
    }
    // ISO instants in one form sort as text; plain comparison, not the locale's collation.
    views.sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0));
    // The answer also stops at about MAX_LIST_CHARACTERS of JSON: a session's description and
    // agenda (up to 13,000 characters) come with each of its occurrences.
    const sizes = new Map<string, number>();
    let characters = 0;
    let count = 0;
    for (const view of views) {
      if (count >= most) break;
      let size = sizes.get(view.id);
      if (size === undefined) {
        size = JSON.stringify(view).length;
        sizes.set(view.id, size);
      }
      if (count > 0 && characters + size > MAX_LIST_CHARACTERS) break;
      characters += size;
      count++;
    }
    return { items: views.slice(0, count), truncated: count < views.length || windowStart < to.getTime() };
  }

  /** A community's sessions, their answers and rota (reading the community checks the caller may). */
  private async calendarOf(caller: Caller, communityId: string, known?: CommunityView) {
    const [community, all, rsvps, rota] = await Promise.all([
      known ?? this.communities.get(caller, communityId),
      this.sessions.listForCommunity(caller.tenantId, communityId),
      this.sessions.listRsvpsOfCommunity(caller.tenantId, communityId),
      this.plan?.listRotaOfCommunity(caller.tenantId, communityId) ??
        new Map<string, Map<string, RoleAssignment[]>>(),
    ]);
    return { community, all, rsvps, rota };
  }

  /**
   * How the caller takes part in the community's sessions that meet from a month back to a quarter
   * ahead (the home's newcomer steps): going to one of them, and the roles held in one. Read from
   * the sessions, the answers and the rota, without listing every occurrence.
   */
  async involvement(
    caller: Caller,
    communityId: string,
    known?: CommunityView,
  ): Promise<{ going: boolean; wentTo: boolean; roles: SessionRole[]; pastRoles: SessionRole[] }> {
    const { all, rsvps, rota } = await this.calendarOf(caller, communityId, known);
    const now = this.now().getTime();
    const from = now - DEFAULT_PAST_MS;
    const to = now + DEFAULT_AHEAD_MS;
    const within = (iso: string) => {
      const at = Date.parse(iso);
      return at >= from && at < to;
    };
    const meetsBetween = (s: Session, start: number, end: number) =>
      s.recurrence
        ? occurrencesBetween(s, new Date(start), new Date(end), 1).length > 0
        : Date.parse(s.startsAt) >= start && Date.parse(s.startsAt) < end;
    let going = false;
    let wentTo = false;
    const roles = new Set<SessionRole>();
    const pastRoles = new Set<SessionRole>();
    const take = (assignments: RoleAssignment[], past: boolean) => {
      for (const r of assignments)
        if (r.person?.id === caller.userId) {
          roles.add(r.role);
          if (past) pastRoles.add(r.role);
        }
    };
    for (const session of all) {
      if (!meetsBetween(session, from, to)) continue;
      const duration = session.durationMinutes * 60_000;
      // Only a session that has taken place counts as attended: "going" to next week's is not.
      const tookPlace = meetsBetween(session, from, now - duration);
      const answeredGoing = (rsvps.get(session.id) ?? []).some(
        (r) => r.userId === caller.userId && r.response === "going",
      );
      going ||= answeredGoing;
      wentTo ||= answeredGoing && tookPlace;
      take(session.roles, tookPlace);
      for (const [occurrenceId, assignments] of rota.get(session.id) ?? [])
        if (within(occurrenceId)) take(assignments, Date.parse(occurrenceId) + duration <= now);
    }
    return { going, wentTo, roles: [...roles], pastRoles: [...pastRoles] };
  }

  /**
   * Who held a role in the occurrence of a session under way at `at` (an activity of it started
   * then; up to an hour early counts): the rota's holder for that occurrence, else the session's
   * own. Undefined when nobody held it or the session is gone. For the facts the app records, so
   * no caller: the activity that asks was already let in.
   */
  async roleHolderAt(
    tenantId: string,
    communityId: string,
    sessionId: string,
    role: SessionRole,
    at: Date,
  ): Promise<PersonRef | undefined> {
    const session = await this.sessions.get(tenantId, communityId, sessionId);
    if (!session) return undefined;
    let assignments = session.roles;
    if (session.recurrence) {
      const occurrence = occurrencesBetween(
        session,
        new Date(at.getTime() - DAY_MS),
        new Date(at.getTime() + EARLY_START_MS),
        2 * MAX_OCCURRENCES_PER_DAY,
      ).at(-1);
      if (!occurrence) return undefined;
      assignments = rolesOf(
        session,
        occurrence.occurrenceId,
        await this.plan?.getRota(tenantId, communityId, sessionId),
      );
    }
    return assignments.find((r) => r.role === role)?.person;
  }

  /** The next sessions (occurrences) that have not ended and are not cancelled. */
  async upcoming(caller: Caller, communityId: string, limit = 3): Promise<SessionView[]> {
    const from = new Date(this.now().getTime() - DAY_MS).toISOString();
    return upcomingOf(await this.list(caller, communityId, { from }), this.now(), limit);
  }

  /** One session; a series with its next occurrences and their role holders. */
  async get(caller: Caller, communityId: string, sessionId: string): Promise<SessionView> {
    const community = await this.communities.get(caller, communityId);
    const session = await this.require(caller.tenantId, communityId, sessionId);
    const view = await this.view(caller, community, session);
    if (!session.recurrence) return view;
    const rota = await this.plan?.getRota(caller.tenantId, communityId, sessionId);
    const now = this.now().getTime();
    // Occurrences of the last day may have ended already: a day's worth more than are shown.
    const next = occurrencesBetween(
      session,
      new Date(now - DAY_MS),
      new Date(now + NEXT_AHEAD_MS),
      NEXT_SHOWN + MAX_OCCURRENCES_PER_DAY,
    )
      .filter((o) => Date.parse(o.startsAt) + o.durationMinutes * 60_000 > now)
      .slice(0, NEXT_SHOWN)
      .map((o) => ({ ...o, roles: rolesOf(session, o.occurrenceId, rota) }));
    return { ...view, nextOccurrences: next };
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
    requireLatest(current, etag, "this session");
    if (data.teamsMeeting && !current.teamsMeeting && !this.scheduler) throw notConnected();
    const { startsAt, joinUrl, recurrence, teamsMeeting, ...rest } = data;
    const next: Session = {
      ...current,
      ...(Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Partial<Session>),
      ...(startsAt ? { startsAt: new Date(startsAt).toISOString() } : {}),
      ...(joinUrl ? { joinUrl } : {}),
      updatedAt: this.now().toISOString(),
    };
    if (recurrence === null) delete next.recurrence;
    else if (recurrence)
      next.recurrence = {
        rule: recurrence.rule,
        exceptions: recurrence.exceptions.map(iso),
        moved: current.recurrence?.moved ?? [],
      };
    next.teamsMeeting = meetingAfterChange(current, next, teamsMeeting?.attendees, caller.userId);
    const updated = await this.sessions.update(next);
    return this.view(caller, community, await this.syncMeeting(updated));
  }

  /** Skips one occurrence of a series (EXDATE) or moves it; the Teams meeting follows. */
  async changeOccurrence(
    caller: Caller,
    communityId: string,
    sessionId: string,
    occurrenceId: string,
    change: OccurrenceChangeInput,
  ): Promise<SessionView> {
    const data = parseInput(occurrenceChangeSchema, change);
    const community = await this.requireSteward(caller, communityId);
    const updated = await retryOnConflict(async () => {
      const current = await this.require(caller.tenantId, communityId, sessionId);
      const recurrence = current.recurrence;
      if (!recurrence) throw new ValidationError("This session does not repeat: change the session itself.");
      if (Number.isNaN(Date.parse(occurrenceId)) || !isRuleDate(current, occurrenceId))
        throw new NotFoundError("The series has no occurrence at that time.");
      const id = iso(occurrenceId);
      const moved = recurrence.moved.filter((m) => iso(m.originalStart) !== id);
      const exceptions = recurrence.exceptions.filter((e) => iso(e) !== id);
      if ("cancelled" in data) exceptions.push(id);
      else
        moved.push({
          originalStart: id,
          startsAt: new Date(data.startsAt).toISOString(),
          ...(data.durationMinutes ? { durationMinutes: data.durationMinutes } : {}),
        });
      const next: Session = {
        ...current,
        recurrence: { ...recurrence, exceptions, moved },
        updatedAt: this.now().toISOString(),
      };
      next.teamsMeeting = meetingAfterChange(current, next, undefined, caller.userId);
      return this.sessions.update(next);
    });
    return this.get(caller, communityId, (await this.syncMeeting(updated)).id).then((v) => ({
      ...v,
      canEdit: community.isSteward,
    }));
  }

  /** Tries again to bring the Teams meeting in step with the session (after the calendar was down). */
  async retryMeeting(caller: Caller, communityId: string, sessionId: string): Promise<SessionView> {
    const community = await this.requireSteward(caller, communityId);
    const session = await this.require(caller.tenantId, communityId, sessionId);
    if (!session.teamsMeeting) throw new ValidationError("This session has no Teams meeting to schedule.");
    if (session.teamsMeeting.status === "pending" && !this.scheduler) throw notConnected();
    return this.view(caller, community, await this.syncMeeting(session));
  }

  /**
   * Answers an invitation; answering again replaces the answer. Answering is taking part: in an
   * open community it joins a non-member (`joinedCommunity`); a private one's non-member is refused.
   */
  async rsvp(
    caller: Caller,
    communityId: string,
    sessionId: string,
    input: { response: RsvpResponse },
  ): Promise<SessionView & { joinedCommunity?: true }> {
    const { response } = parseInput(rsvpSchema, input);
    let community = await this.communities.get(caller, communityId);
    const session = await this.require(caller.tenantId, communityId, sessionId);
    if (session.cancelled) throw new ValidationError("This session was cancelled.");
    const participation = await this.communities.participate(caller, communityId);
    community = participation.community;
    const joined = participation.joinedCommunity ? { joinedCommunity: true as const } : {};
    return { ...(await this.answer(caller, community, session, response)), ...joined };
  }

  private async answer(
    caller: Caller,
    community: CommunityView,
    session: Session,
    response: RsvpResponse,
  ): Promise<SessionView> {
    const { communityId, id: sessionId } = session;
    await this.sessions.setRsvp(caller.tenantId, communityId, sessionId, {
      userId: caller.userId,
      displayName: caller.displayName,
      response,
      at: this.now().toISOString(),
    });
    let latest = session;
    const meeting = session.teamsMeeting;
    if (meeting?.attendees === "rsvps" && meeting.status === "scheduled" && meeting.eventId) {
      // The invitation list is the RSVPs: the calendar learns the new answer (kept and flagged
      // when the calendar is unavailable; the answer itself is saved either way).
      latest = await retryOnConflict(async () => {
        const current = await this.require(caller.tenantId, communityId, sessionId);
        if (current.teamsMeeting?.status !== "scheduled") return current;
        return this.sessions.update({
          ...current,
          teamsMeeting: { ...current.teamsMeeting, status: "pending", pendingAction: "update" },
        });
      });
      latest = await this.syncMeeting(latest);
    }
    return this.view(caller, community, latest);
  }

  /**
   * Gives a role to someone (stewards), or to oneself for note-taker and observer (any member: the
   * newcomer's way in). `person` undefined frees the role. With `occurrenceId`, the role of one
   * occurrence of a series (its rota); without, the session's own.
   */
  async assignRole(
    caller: Caller,
    communityId: string,
    sessionId: string,
    role: string,
    person: { id: string; displayName: string } | undefined,
    occurrenceId?: string,
  ): Promise<SessionView> {
    if (!(SESSION_ROLES as readonly string[]).includes(role))
      throw new ValidationError("That role does not exist.");
    const community = await this.communities.get(caller, communityId);
    const self = person === undefined || person.id === caller.userId;
    const allowed =
      community.isSteward || (community.isMember && self && SELF_SERVICE_ROLES.has(role as SessionRole));
    if (!allowed)
      throw new ForbiddenError("Only stewards assign this role; members can take note-taker or observer.");
    const holder = person ? { id: person.id, displayName: person.displayName } : undefined;
    const change = (current: RoleAssignment[]): RoleAssignment[] => {
      const roles: RoleAssignment[] = [...current];
      const index = roles.findIndex(
        (r) => r.role === role && (!r.person || r.person.id === caller.userId || community.isSteward),
      );
      const assignment: RoleAssignment = holder
        ? { role: role as SessionRole, person: holder }
        : { role: role as SessionRole };
      // One person, one role: who facilitates cannot also take the notes (or sit in the hot seat).
      if (holder && roles.some((r) => r.role !== role && r.person?.id === holder.id)) {
        throw new ValidationError(
          `${holder.displayName} already has another role in this session: give this one to someone else, or free the other first.`,
        );
      }
      if (index >= 0) {
        const existing = roles[index];
        if (!community.isSteward && existing?.person && existing.person.id !== caller.userId) {
          throw new ValidationError("Someone already has this role.");
        }
        roles[index] = assignment;
      } else {
        roles.push(assignment);
      }
      return roles;
    };
    const session = await this.require(caller.tenantId, communityId, sessionId);
    if (occurrenceId && session.recurrence) {
      if (!isRuleDate(session, occurrenceId))
        throw new NotFoundError("The series has no occurrence at that time.");
      const plan = this.requirePlan();
      const rota = await plan.getRota(caller.tenantId, communityId, sessionId);
      const id = iso(occurrenceId);
      await plan.setRota(caller.tenantId, communityId, sessionId, id, change(rolesOf(session, id, rota)));
      return this.get(caller, communityId, sessionId);
    }
    const updated = await retryOnConflict(async () => {
      const current = await this.require(caller.tenantId, communityId, sessionId);
      return this.sessions.update({
        ...current,
        roles: change(current.roles),
        updatedAt: this.now().toISOString(),
      });
    });
    return this.view(caller, community, updated);
  }

  /** The rota of upcoming occurrences (next 120 days) and the role preferences. */
  async rota(caller: Caller, communityId: string): Promise<RotaView> {
    const community = await this.communities.get(caller, communityId);
    const plan = this.requirePlan();
    const [occurrences, preferences] = await Promise.all([
      this.upcomingOccurrences(caller, communityId),
      plan.listRolePreferences(caller.tenantId, communityId),
    ]);
    return {
      occurrences,
      preferences: community.isSteward ? preferences : preferences.filter((p) => p.userId === caller.userId),
      canEdit: community.isSteward,
    };
  }

  /**
   * Fills the open roles of the next occurrences fairly among willing members (stewards), keeping
   * the holders already set. See {@link rotateRoles}.
   */
  async generateRota(caller: Caller, communityId: string): Promise<RotaView> {
    await this.requireSteward(caller, communityId);
    const plan = this.requirePlan();
    if (!this.members)
      throw new UnavailableError("The member list is not available, so no rota can be made.");
    const now = this.now().getTime();
    const [community, sessions, rsvps, rota, preferences, members] = await Promise.all([
      this.communities.get(caller, communityId),
      this.sessions.listForCommunity(caller.tenantId, communityId),
      this.sessions.listRsvpsOfCommunity(caller.tenantId, communityId),
      plan.listRotaOfCommunity(caller.tenantId, communityId),
      plan.listRolePreferences(caller.tenantId, communityId),
      this.members.list(caller.tenantId, communityId),
    ]);
    const live = sessions.filter((s) => !s.cancelled);
    const past: RoleAssignment[][] = [];
    const upcoming: { session: Session; occurrence: Occurrence; roles: RoleAssignment[] }[] = [];
    for (const session of live) {
      for (const occurrence of occurrencesBetween(
        session,
        new Date(now - 366 * DAY_MS),
        new Date(now + ROTA_AHEAD_MS),
      )) {
        const roles = rolesOf(session, occurrence.occurrenceId, rota.get(session.id));
        if (Date.parse(occurrence.startsAt) < now) past.push(roles);
        else upcoming.push({ session, occurrence, roles });
      }
    }
    upcoming.sort((a, b) => a.occurrence.startsAt.localeCompare(b.occurrence.startsAt));
    const slots = upcoming.slice(0, ROTA_MAX_SLOTS);
    // Members and stewards take part (a steward need not hold a membership row).
    const joined = new Map(members.map((m) => [m.id, m.joinedAt]));
    for (const s of community.stewards) if (!joined.has(s.id)) joined.set(s.id, community.createdAt);
    const rotationMembers: RotationMember[] = preferences
      .filter((p) => joined.has(p.userId) && p.willing.length > 0)
      .map((p) => ({
        id: p.userId,
        displayName: p.displayName,
        willing: p.willing,
        ...(p.snoozedUntil ? { snoozedUntil: p.snoozedUntil } : {}),
        newcomer: now - Date.parse(joined.get(p.userId) ?? "1970-01-01") < NEWCOMER_MS,
      }));
    const rotationSlots: RotationSlot[] = slots.map(({ session, occurrence, roles }) => ({
      occurrenceId: `${session.id} ${occurrence.occurrenceId}`,
      startsAt: occurrence.startsAt,
      roles: roles.map((r) => r.role),
      absent: new Set((rsvps.get(session.id) ?? []).filter((r) => r.response === "no").map((r) => r.userId)),
      fixed: roles.filter((r) => r.person),
    }));
    const results = rotateRoles(rotationSlots, rotationMembers, historyOf(past));
    for (const [index, result] of results.entries()) {
      const slot = slots[index];
      if (!slot) continue;
      const { session, occurrence } = slot;
      if (session.recurrence) {
        await plan.setRota(
          caller.tenantId,
          communityId,
          session.id,
          occurrence.occurrenceId,
          result.assignments,
        );
      } else {
        await retryOnConflict(async () => {
          const current = await this.require(caller.tenantId, communityId, session.id);
          return this.sessions.update({
            ...current,
            roles: result.assignments,
            updatedAt: this.now().toISOString(),
          });
        });
      }
    }
    return this.rota(caller, communityId);
  }

  /** The caller's role preference (opt-in and snooze). */
  async setRolePreference(
    caller: Caller,
    communityId: string,
    input: RolePreferenceInput,
  ): Promise<RolePreference> {
    const data = parseInput(rolePreferenceSchema, input);
    await this.communities.requireMember(caller, communityId, "choose roles");
    const preference: RolePreference = {
      userId: caller.userId,
      displayName: caller.displayName,
      willing: [...new Set(data.willing)],
      ...(data.snoozedUntil ? { snoozedUntil: new Date(data.snoozedUntil).toISOString() } : {}),
      updatedAt: this.now().toISOString(),
    };
    await this.requirePlan().setRolePreference(caller.tenantId, communityId, preference);
    return preference;
  }

  async reminderSettings(caller: Caller, communityId: string): Promise<ReminderSettings> {
    await this.communities.get(caller, communityId);
    return this.plan
      ? this.plan.getReminderSettings(caller.tenantId, communityId)
      : DEFAULT_REMINDER_SETTINGS;
  }

  async setReminderSettings(
    caller: Caller,
    communityId: string,
    input: ReminderSettingsInput,
  ): Promise<ReminderSettings> {
    const settings = parseInput(reminderSettingsSchema, input);
    await this.requireSteward(caller, communityId);
    await this.requirePlan().setReminderSettings(caller.tenantId, communityId, settings);
    return settings;
  }

  /** The sessions of a community (or one of them) as stored, for the `.ics` export. */
  async forExport(caller: Caller, communityId: string, sessionId?: string): Promise<Session[]> {
    await this.communities.get(caller, communityId);
    if (sessionId) return [await this.require(caller.tenantId, communityId, sessionId)];
    return this.sessions.listForCommunity(caller.tenantId, communityId);
  }

  private async upcomingOccurrences(caller: Caller, communityId: string): Promise<RotaView["occurrences"]> {
    const now = this.now().getTime();
    const [sessions, rota] = await Promise.all([
      this.sessions.listForCommunity(caller.tenantId, communityId),
      this.requirePlan().listRotaOfCommunity(caller.tenantId, communityId),
    ]);
    return sessions
      .flatMap((session) =>
        occurrencesBetween(
          session,
          new Date(now - DAY_MS),
          new Date(now + ROTA_AHEAD_MS),
          ROTA_MAX_SLOTS * 2 + MAX_OCCURRENCES_PER_DAY,
        )
          .filter((o) => Date.parse(o.startsAt) + o.durationMinutes * 60_000 > now)
          .map((o) => ({
            ...o,
            sessionId: session.id,
            title: session.title,
            cancelled: session.cancelled,
            recurring: !!session.recurrence,
            roles: rolesOf(session, o.occurrenceId, rota.get(session.id)),
          })),
      )
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
      .slice(0, ROTA_MAX_SLOTS * 2);
  }

  /**
   * Brings the Teams meeting in step with the session when a change is pending: creates, updates
   * or cancels the event through the scheduler. When the calendar is unavailable the session keeps
   * its state, flagged with the problem, for a retry; the session itself is never lost.
   */
  private async syncMeeting(session: Session): Promise<Session> {
    const meeting = session.teamsMeeting;
    if (meeting?.status !== "pending" || !meeting.pendingAction) return session;
    const attemptAt = this.now().toISOString();
    let patch: Pick<Session, "teamsMeeting"> & { joinUrl?: string };
    try {
      if (!this.scheduler) throw notConnected();
      if (meeting.pendingAction === "cancel") {
        if (meeting.eventId)
          await this.scheduler.cancel(
            session.tenantId,
            meeting.organizerId,
            meeting.eventId,
            "This session was cancelled.",
          );
        patch = { teamsMeeting: settled(meeting, "cancelled", attemptAt) };
      } else {
        const request = await this.meetingRequest(session, meeting);
        const result = meeting.eventId
          ? await this.scheduler.update(session.tenantId, meeting.organizerId, meeting.eventId, request)
          : await this.scheduler.schedule(session.tenantId, meeting.organizerId, request);
        patch = {
          joinUrl: result.joinUrl,
          teamsMeeting: { ...settled(meeting, "scheduled", attemptAt), eventId: result.eventId },
        };
      }
    } catch (error) {
      const problem =
        error instanceof UnavailableError || error instanceof ValidationError
          ? error.message
          : "The calendar did not take the change.";
      patch = { teamsMeeting: { ...meeting, problem, lastAttemptAt: attemptAt } };
    }
    return retryOnConflict(async () => {
      const current = await this.require(session.tenantId, session.communityId, session.id);
      // A newer change asked for something else meanwhile: leave it pending for that one.
      if (current.teamsMeeting?.pendingAction !== meeting.pendingAction) return current;
      return this.sessions.update({ ...current, ...patch });
    });
  }

  private async meetingRequest(session: Session, meeting: TeamsMeetingState): Promise<MeetingRequest> {
    let attendees: MeetingAttendee[];
    if (meeting.attendees === "community") {
      if (!this.members)
        throw new UnavailableError("The member list is not available to invite the community.");
      attendees = (await this.members.list(session.tenantId, session.communityId)).map((m) => ({
        id: m.id,
        displayName: m.displayName,
      }));
    } else {
      attendees = (await this.sessions.listRsvps(session.tenantId, session.communityId, session.id))
        .filter((r) => r.response !== "no")
        .map((r) => ({ id: r.userId, displayName: r.displayName }));
    }
    const body = [session.description, ...session.agenda.map((item, i) => `${i + 1}. ${item}`)]
      .filter(Boolean)
      .join("\n");
    return {
      subject: session.title,
      startsAt: session.startsAt,
      endsAt: new Date(Date.parse(session.startsAt) + session.durationMinutes * 60_000).toISOString(),
      timeZone: session.timeZone,
      attendees: attendees.filter((a) => a.id !== meeting.organizerId),
      ...(body ? { body } : {}),
      ...(session.recurrence
        ? { recurrence: session.recurrence.rule, exceptions: session.recurrence.exceptions }
        : {}),
    };
  }

  private requirePlan(): SessionPlanRepository {
    if (!this.plan) throw new UnavailableError("Rotas and reminders are not set up on this server.");
    return this.plan;
  }

  private async view(caller: Caller, community: CommunityView, session: Session): Promise<SessionView> {
    const rsvps = await this.sessions.listRsvps(caller.tenantId, session.communityId, session.id);
    return viewOf(caller, community, session, rsvps);
  }

  private async requireSteward(caller: Caller, communityId: string): Promise<CommunityView> {
    return stewardsOnly(
      await this.communities.get(caller, communityId),
      "Only the community's stewards plan sessions.",
    );
  }

  private async require(tenantId: string, communityId: string, sessionId: string): Promise<Session> {
    return orNotFound(
      await this.sessions.get(tenantId, communityId, sessionId),
      "This session does not exist any more.",
    );
  }
}

/**
 * One occurrence of a series as the list shows it. It carries the series' rule but not its
 * exceptions and moves (up to 500 dates, repeated in every occurrence of the answer): the
 * occurrence says whether it moved, and the series' own view (`get`) has them all.
 */
function occurrenceViewOf(base: SessionView, occurrence: Occurrence, roles: RoleAssignment[]): SessionView {
  return {
    ...base,
    ...(base.recurrence ? { recurrence: { rule: base.recurrence.rule, exceptions: [], moved: [] } } : {}),
    startsAt: occurrence.startsAt,
    durationMinutes: occurrence.durationMinutes,
    roles,
    occurrence,
  };
}

function notConnected(): UnavailableError {
  return new UnavailableError(
    "Teams meetings cannot be scheduled from PeerCircle yet: the calendar connection is not set up. Add a join link instead.",
  );
}

function settled(
  meeting: TeamsMeetingState,
  status: "scheduled" | "cancelled",
  at: string,
): TeamsMeetingState {
  const { pendingAction: _action, problem: _problem, ...rest } = meeting;
  return { ...rest, status, lastAttemptAt: at };
}

/** What the Teams meeting has to do after a session changed from `before` to `after`. */
function meetingAfterChange(
  before: Session,
  after: Session,
  attendees: TeamsMeetingState["attendees"] | undefined,
  organizerId: string,
): TeamsMeetingState | undefined {
  const meeting = before.teamsMeeting;
  if (!meeting) {
    return attendees && !after.cancelled
      ? { attendees, organizerId, status: "pending", pendingAction: "schedule" }
      : undefined;
  }
  const next = { ...meeting, ...(attendees ? { attendees } : {}) };
  if (after.cancelled) {
    if (meeting.status === "cancelled") return next;
    // Never created: nothing to cancel in the calendar.
    if (!meeting.eventId) return settled(next, "cancelled", meeting.lastAttemptAt ?? after.updatedAt);
    return { ...next, status: "pending", pendingAction: "cancel" };
  }
  if (meeting.status === "cancelled" || !meeting.eventId)
    return { ...next, status: "pending", pendingAction: "schedule" };
  return { ...next, status: "pending", pendingAction: "update" };
}
