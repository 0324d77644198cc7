import { createHash } from "node:crypto";
import { z } from "zod";
import { setNewest } from "../boundedMap.js";
import { stewardsOnly } from "../communities/community.js";
import type { CommunityService } from "../communities/communityService.js";
import { ConcurrencyError, ConflictError, ValidationError } from "../errors.js";
import { topExperts } from "../home/whoToAsk.js";
import type { Caller, PersonRef } from "../identity.js";
import { personRef } from "../identity.js";
import type { EntryView } from "../library/entryView.js";
import type { LibraryService } from "../library/libraryService.js";
import { MAX_QUERY_TEXT } from "../library/search/searchLimits.js";
import { shorten } from "../textNormalisation.js";
import { parseInput } from "../validation.js";
import type { AnswerRepository } from "./answer.js";
import { MAX_QUESTION_CHARS } from "./askService.js";
import { contentTerms } from "./askTerms.js";
import type {
  AskedPerson,
  QuestionNotifier,
  QuestionRoute,
  QuestionRouteRepository,
  RoutingPeople,
  RoutingSettings,
} from "./questionRoute.js";
import { isOverdue, nextCheckOf, planStep, type RoutingContext } from "./routingPlan.js";

export const routingSettingsSchema = z.object({
  askAtOnce: z
    .number()
    .int()
    .min(1, "Ask at least one person at a time.")
    .max(5, "Ask at most 5 people at a time."),
  responseHours: z
    .number()
    .min(1, "Give people at least one working hour.")
    .max(40, "Keep the target within a working week (40 hours)."),
});
const askPeopleSchema = z.object({
  question: z
    .string({ required_error: "Ask a question of a few words." })
    .transform((q) => q.replace(/\s+/g, " ").trim())
    .pipe(
      z
        .string()
        .min(3, "Ask a question of a few words.")
        .max(MAX_QUESTION_CHARS, `Keep the question under ${MAX_QUESTION_CHARS} characters.`),
    ),
});

export type RoutingSettingsInput = z.input<typeof routingSettingsSchema>;

/** How long a community's on-call expert, once read, is asked first without reading it again. */
const ON_CALL_KEPT_MS = 30_000;
/** Communities whose on-call expert is kept. */
const ON_CALL_KEPT = 200;
/** People lined up for one question: the on-call expert, then who the library knows for it. */
const QUEUE_LENGTH = 8;
/** Tags whose experts are asked about a question. */
const TAGS_READ = 3;
/**
 * A pass that has claimed a route holds it this long: another instance takes over only once it
 * ran out (the holder died mid-send). Longer than a throttled send with retries takes.
 */
const CLAIM_MS = 2 * 60_000;

/** Who was asked and when, as the asker (and anyone who may read the question) sees it. */
export interface RouteView {
  questionId: string;
  title: string;
  asker: PersonRef;
  createdAt: string;
  state: QuestionRoute["state"];
  asked: Omit<AskedPerson, "notifiedAt" | "timeZone">[];
  /** Past its target without an answer: stewards see it in their unanswered queue. */
  overdue: boolean;
}

export interface QuestionRoutingDependencies {
  routes: QuestionRouteRepository;
  library: Pick<LibraryService, "get" | "searchCommunity" | "openQuestion">;
  communities: Pick<CommunityService, "get">;
  answers: Pick<AnswerRepository, "list">;
  people: RoutingPeople;
  notifier: QuestionNotifier;
  /** The community's on-call expert from the rota (the home's), asked first. */
  onCallExpert(caller: Caller, communityId: string): Promise<PersonRef | undefined>;
  instanceId: string;
  now?: () => Date;
}

/**
 * Routing a question the library could not answer to people, with a clock: the on-call expert
 * first, then the people the library knows for its topics, at most `askAtOnce` at a time, each
 * with the community's response-time target in working hours on their own clock. Past it, the
 * question goes to the next person ({@link escalateDue}, run by one instance per route: the
 * route row's ETag-guarded claim) and stewards see it in the unanswered queue.
 */
export class QuestionRoutingService {
  private readonly now: () => Date;
  /** Each community's on-call expert as read lately: an AMA's close routes its questions one by one. */
  private readonly onCall = new Map<string, { at: number; expert: Promise<PersonRef | undefined> }>();

  constructor(private readonly deps: QuestionRoutingDependencies) {
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * Routes an open question (a Q&A entry without an accepted answer) once: a second call, from
   * anywhere, finds the route the first made and sends nothing. The entry point other features
   * use (an AMA's unanswered questions).
   */
  async routeQuestion(caller: Caller, communityId: string, entryId: string): Promise<RouteView> {
    const { routes } = this.deps;
    const existing = await routes.get(caller.tenantId, communityId, entryId);
    const question = await this.question(caller, communityId, entryId);
    if (existing) return viewOf(existing, this.now());
    if (question.answered) throw new ValidationError("This question has an accepted answer already.");
    const community = await this.deps.communities.get(caller, communityId);
    const now = this.now();
    const asker = personRef(question.savedBy ?? question.author);
    const queue = (await this.candidates(caller, communityId, question)).filter(
      (p) => p.id !== asker.id && p.id !== caller.userId,
    );
    let route: QuestionRoute;
    try {
      route = await routes.create({
        tenantId: caller.tenantId,
        communityId,
        communityName: community.name,
        questionId: entryId,
        title: question.title,
        asker,
        createdAt: now.toISOString(),
        state: "waiting",
        queue,
        asked: [],
        ...this.claimAt(now),
      });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const found = await routes.get(caller.tenantId, communityId, entryId);
      if (!found) throw error;
      return viewOf(found, now);
    }
    return viewOf(await this.work(route, now), now);
  }

  /**
   * "Ask the community" from the tab: the question becomes an open Q&A entry of the community
   * (one per person and wording, so pressing twice finds the same one) and is routed to people.
   */
  async askPeople(
    caller: Caller,
    communityId: string,
    input: { question?: unknown },
  ): Promise<{ entryId: string; created: boolean; route: RouteView }> {
    const { question } = parseInput(askPeopleSchema, input);
    const id = `ask-${createHash("sha256").update(`${caller.userId}\u0000${question.toLowerCase()}`).digest("hex").slice(0, 40)}`;
    const { entry, created } = await this.deps.library.openQuestion(
      caller,
      communityId,
      { title: shorten(question, 200), body: question },
      id,
    );
    return { entryId: entry.id, created, route: await this.routeQuestion(caller, communityId, entry.id) };
  }

  /** Who the question went to and when; undefined when it was never routed. */
  async routeOf(caller: Caller, communityId: string, entryId: string): Promise<RouteView | undefined> {
    await this.question(caller, communityId, entryId);
    const route = await this.deps.routes.get(caller.tenantId, communityId, entryId);
    return route ? viewOf(route, this.now()) : undefined;
  }

  /** Stewards' queue: routed questions past their target without an answer, oldest first. */
  async unanswered(caller: Caller, communityId: string): Promise<RouteView[]> {
    await this.requireSteward(caller, communityId, "see the unanswered questions");
    const now = this.now();
    const open = await this.deps.routes.listOpen(caller.tenantId, communityId);
    return open.filter((r) => isOverdue(r, now)).map((r) => viewOf(r, now));
  }

  async settings(caller: Caller, communityId: string): Promise<RoutingSettings> {
    await this.deps.communities.get(caller, communityId);
    return this.deps.routes.getSettings(caller.tenantId, communityId);
  }

  async setSettings(
    caller: Caller,
    communityId: string,
    input: RoutingSettingsInput,
  ): Promise<RoutingSettings> {
    const settings = parseInput(routingSettingsSchema, input);
    await this.requireSteward(caller, communityId, "change how questions are routed");
    await this.deps.routes.setSettings(caller.tenantId, communityId, settings);
    return settings;
  }

  /** An answer arrived: the question stops going to further people. */
  async answered(tenantId: string, communityId: string, questionId: string): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const route = await this.deps.routes.get(tenantId, communityId, questionId);
      if (!route || route.state === "answered") return;
      const { nextCheckAt: _n, claim: _c, ...rest } = route;
      try {
        await this.deps.routes.update({ ...rest, state: "answered", etag: route.etag });
        return;
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
      }
    }
  }

  /**
   * One pass of the escalation job: every waiting route whose check time has come and that this
   * instance can claim is moved on. Returns how many people were sent the question.
   */
  async escalateDue(now = this.now()): Promise<number> {
    let sent = 0;
    for (const due of await this.deps.routes.listDue(now)) {
      if (due.claim && Date.parse(due.claim.until) > now.getTime()) continue;
      let claimed: QuestionRoute;
      try {
        claimed = await this.deps.routes.update({ ...due, ...this.claimAt(now) });
      } catch (error) {
        if (error instanceof ConcurrencyError) continue; // another instance has it
        throw error;
      }
      const answers = await this.deps.answers.list(due.tenantId, due.communityId, due.questionId);
      if (answers.length > 0) {
        await this.answered(due.tenantId, due.communityId, due.questionId);
        continue;
      }
      const before = notifiedCount(claimed);
      const after = await this.work(claimed, now);
      sent += notifiedCount(after) - before;
    }
    return sent;
  }

  /**
   * Moves a claimed route on: plans the step and stores it before anyone is told (so a crash
   * mid-send is retried by the next claim, never lost), sends, records, and repeats while people
   * turn out unreachable; then gives the claim back with the next check time.
   */
  private async work(claimed: QuestionRoute, now: Date): Promise<QuestionRoute> {
    const { routes, people, notifier } = this.deps;
    const { tenantId, communityId } = claimed;
    const [settings, snoozed] = await Promise.all([
      routes.getSettings(tenantId, communityId),
      people.snoozedUntil(tenantId, communityId),
    ]);
    const zones = await people.timeZones(
      tenantId,
      communityId,
      claimed.queue.map((p) => p.id),
    );
    const ctx: RoutingContext = { now, settings, snoozed, zones };
    let route: QuestionRoute | undefined = claimed;
    let failed = false;
    for (let round = 0; round < QUEUE_LENGTH && route; round++) {
      route = await this.save(planStep(route, ctx), route.claim);
      if (!route) return claimed;
      const pending = route.asked.filter((a) => !a.outcome && !a.notifiedAt);
      if (pending.length === 0) break;
      const current: QuestionRoute = route;
      const results = await Promise.all(
        pending.map((a) => notifier.ask(current, a.person).catch(() => undefined)),
      );
      const outcome = new Map(pending.map((a, i) => [a.person.id, results[i]]));
      const at = now.toISOString();
      route = await this.save(
        {
          ...current,
          asked: current.asked.map((a) => {
            if (!outcome.has(a.person.id) || a.outcome || a.notifiedAt) return a;
            const result = outcome.get(a.person.id);
            if (result === true) return { ...a, notifiedAt: at };
            if (result === false) return { ...a, outcome: "unreachable" as const };
            return a;
          }),
        },
        current.claim,
      );
      if (results.some((r) => r === undefined)) failed = true;
      if (!results.some((r) => r === false)) break;
    }
    if (!route) return claimed;
    // Given back: the next check is the earliest deadline; a failed send is retried after the claim.
    const { claim: _c, nextCheckAt: _n, ...rest } = route;
    const check = failed ? new Date(now.getTime() + CLAIM_MS).toISOString() : nextCheckOf(route, ctx);
    return (
      (await this.save({
        ...rest,
        ...(route.state === "waiting" && check ? { nextCheckAt: check } : {}),
        etag: route.etag,
      })) ?? route
    );
  }

  /**
   * Stores the route; if something else wrote it meanwhile (an answer closed it), the stored
   * one wins when it is no longer waiting, else ours is written over it.
   */
  private async save(
    route: QuestionRoute,
    claim?: QuestionRoute["claim"],
  ): Promise<QuestionRoute | undefined> {
    let next = { ...route, ...(claim ? { claim } : {}) };
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        return await this.deps.routes.update(next);
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        const fresh = await this.deps.routes.get(route.tenantId, route.communityId, route.questionId);
        if (fresh?.state !== "waiting") return undefined;
        next = { ...next, etag: fresh.etag };
      }
    }
    throw new ConcurrencyError("The question's routing kept changing; it is tried again later.");
  }

  private claimAt(now: Date) {
    const until = new Date(now.getTime() + CLAIM_MS).toISOString();
    return { claim: { instanceId: this.deps.instanceId, until }, nextCheckAt: until };
  }

  /** The community's on-call expert, read once for the questions routed within {@link ON_CALL_KEPT_MS}. */
  private onCallExpert(caller: Caller, communityId: string): Promise<PersonRef | undefined> {
    const key = `${caller.tenantId}|${communityId}`;
    const at = this.now().getTime();
    const kept = this.onCall.get(key);
    if (kept && at - kept.at < ON_CALL_KEPT_MS) return kept.expert;
    const expert = this.deps.onCallExpert(caller, communityId);
    // A failed read is not kept: the next question reads again.
    expert.catch(() => {
      if (this.onCall.get(key)?.expert === expert) this.onCall.delete(key);
    });
    setNewest(this.onCall, key, { at, expert }, ON_CALL_KEPT);
    return expert;
  }

  /** The on-call expert, then the people whose entries on the question's topics helped most. */
  private async candidates(caller: Caller, communityId: string, question: EntryView): Promise<PersonRef[]> {
    const search = (q: Parameters<LibraryService["searchCommunity"]>[2]) =>
      this.deps.library.searchCommunity(caller, communityId, q);
    const text = contentTerms(`${question.title} ${question.body}`).join(" ").slice(0, MAX_QUERY_TEXT);
    const related = text
      ? (await search({ text, anyWord: true, limit: 10 })).items.filter(
          // A question's author asked it: they are not who knows the answer.
          (hit) => hit.id !== question.id && hit.type !== "qa",
        )
      : [];
    const tags = [...new Set([...question.tags, ...related.flatMap((hit) => hit.tags)])].slice(0, TAGS_READ);
    const byTag = await Promise.all(
      tags.map(async (tag) =>
        topExperts((await search({ tags: [tag], sort: "helpful", limit: 100 })).items, 3),
      ),
    );
    const onCall = await this.onCallExpert(caller, communityId);
    const people = [
      ...(onCall ? [onCall] : []),
      ...byTag
        .flat()
        .sort((a, b) => b.helpful + b.entries - (a.helpful + a.entries))
        .map((e) => e.person),
      ...related.map((hit) => hit.author),
    ];
    const seen = new Set<string>();
    return people
      .filter((p) => !seen.has(p.id) && seen.add(p.id))
      .map(personRef)
      .slice(0, QUEUE_LENGTH);
  }

  private async question(caller: Caller, communityId: string, entryId: string): Promise<EntryView> {
    const entry = await this.deps.library.get(caller, communityId, entryId);
    if (entry.type !== "qa")
      throw new ValidationError("Only a question & answer entry can be routed to people.");
    return entry;
  }

  private async requireSteward(caller: Caller, communityId: string, action: string) {
    const community = await this.deps.communities.get(caller, communityId);
    return stewardsOnly(community, `Only a steward of ${community.name} can ${action}.`);
  }
}

function notifiedCount(route: QuestionRoute): number {
  return route.asked.filter((a) => a.notifiedAt).length;
}

function viewOf(route: QuestionRoute, now: Date): RouteView {
  return {
    questionId: route.questionId,
    title: route.title,
    asker: route.asker,
    createdAt: route.createdAt,
    state: route.state,
    asked: route.asked.map(({ notifiedAt: _n, timeZone: _t, ...a }) => a),
    overdue: isOverdue(route, now),
  };
}
