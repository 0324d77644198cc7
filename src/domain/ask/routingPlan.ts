import type { PersonRef } from "../identity.js";
import type { AskedPerson, QuestionRoute, RoutingSettings } from "./questionRoute.js";
import { addWorkingHours } from "./workingHours.js";

/** What the next step of a route is decided from. */
export interface RoutingContext {
  now: Date;
  settings: RoutingSettings;
  /** Person id → until when they are snoozed (ISO). */
  snoozed: ReadonlyMap<string, string>;
  /** Person id → IANA zone; missing: UTC. */
  zones: ReadonlyMap<string, string>;
}

/**
 * One step of a route: whoever's time ran out without an answer has missed it, and the next
 * people in the queue who are not snoozed are asked until `askAtOnce` are waiting. Snoozed people
 * keep their place for later. Pure: the service stores the result before anyone is notified.
 */
export function planStep(route: QuestionRoute, ctx: RoutingContext): QuestionRoute {
  const now = ctx.now.getTime();
  const asked: AskedPerson[] = route.asked.map((a) =>
    !a.outcome && a.notifiedAt && Date.parse(a.dueAt) <= now ? { ...a, outcome: "missed" as const } : a,
  );
  let waiting = asked.filter((a) => !a.outcome).length;
  const skipped: PersonRef[] = [];
  const queue = [...route.queue];
  while (waiting < ctx.settings.askAtOnce && queue.length > 0) {
    const person = queue.shift() as PersonRef;
    const until = ctx.snoozed.get(person.id);
    if (until && Date.parse(until) > now) {
      skipped.push(person);
      continue;
    }
    const timeZone = ctx.zones.get(person.id) ?? "UTC";
    asked.push({
      person,
      askedAt: ctx.now.toISOString(),
      dueAt: addWorkingHours(ctx.now, ctx.settings.responseHours, timeZone).toISOString(),
      timeZone,
    });
    waiting++;
  }
  const next: QuestionRoute = { ...route, asked, queue: [...skipped, ...queue] };
  const check = nextCheckOf(next, ctx);
  const { nextCheckAt: _n, ...rest } = next;
  if (waiting === 0 && next.queue.length === 0) return { ...rest, state: "exhausted" };
  return { ...rest, state: "waiting", ...(check ? { nextCheckAt: check } : {}) };
}

/** When the route needs looking at again: the earliest deadline, or a snooze's end when a place is free. */
export function nextCheckOf(route: QuestionRoute, ctx: RoutingContext): string | undefined {
  const times = route.asked.filter((a) => !a.outcome).map((a) => a.dueAt);
  const free = route.asked.filter((a) => !a.outcome).length < ctx.settings.askAtOnce;
  if (free)
    for (const p of route.queue) {
      const until = ctx.snoozed.get(p.id);
      if (until) times.push(new Date(until).toISOString());
    }
  return times.sort()[0];
}

/**
 * Whether stewards should see the question in the unanswered queue: somebody's target passed
 * without an answer, nobody could be asked, or nobody is left to ask.
 */
export function isOverdue(route: QuestionRoute, now: Date): boolean {
  if (route.state === "answered") return false;
  if (route.state === "exhausted" || route.asked.length === 0) return true;
  return route.asked.some((a) => a.outcome === "missed" || Date.parse(a.dueAt) <= now.getTime());
}
