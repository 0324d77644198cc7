import type { TenantRecordRepository } from "../communities/communityRecords.js";
import type { PersonRef } from "../identity.js";

/** How a community routes the questions its library could not answer. */
export interface RoutingSettings {
  /** People asked at the same time (each with their own clock). */
  askAtOnce: number;
  /** Working hours a person has to answer before the question goes to the next one. */
  responseHours: number;
}

export const DEFAULT_ROUTING_SETTINGS: RoutingSettings = { askAtOnce: 2, responseHours: 4 };

/** Someone a question was sent to, and when their time is up. */
export interface AskedPerson {
  person: PersonRef;
  askedAt: string;
  /** `askedAt` plus the community's target in working hours on the person's own clock. */
  dueAt: string;
  timeZone: string;
  /** When the card reached them; absent while it is being sent (or the sender died mid-send). */
  notifiedAt?: string;
  /** `missed`: the target passed without an answer; `unreachable`: the bot cannot reach them. */
  outcome?: "missed" | "unreachable";
}

export type RouteState = "waiting" | "answered" | "exhausted";

/**
 * Where an open question stands on its way to people: who was asked and when, who is next.
 * `nextCheckAt` is when the escalation job looks at it again (the earliest deadline, a snooze's
 * end, or a claimed pass's expiry).
 */
export interface QuestionRoute {
  tenantId: string;
  communityId: string;
  communityName: string;
  questionId: string;
  title: string;
  asker: PersonRef;
  createdAt: string;
  state: RouteState;
  /** The people still to ask, in order (the on-call expert first, then who knows the topic). */
  queue: PersonRef[];
  asked: AskedPerson[];
  nextCheckAt?: string;
  /** The instance working on it and until when nobody else may (a claim, ETag-guarded). */
  claim?: { instanceId: string; until: string };
  etag: string;
}

/** Storage port of routes (one per question, by its id) and routing settings; every key carries the tenant. */
export interface QuestionRouteRepository extends TenantRecordRepository<QuestionRoute> {
  /** The routes of a community that are not answered, oldest first. */
  listOpen(tenantId: string, communityId: string): Promise<QuestionRoute[]>;
  /** Waiting routes of every tenant whose `nextCheckAt` has come (the escalation job's work). */
  listDue(now: Date): Promise<QuestionRoute[]>;
  getSettings(tenantId: string, communityId: string): Promise<RoutingSettings>;
  setSettings(tenantId: string, communityId: string, settings: RoutingSettings): Promise<void>;
}

/** Sends the question to one person (their personal chat): false when they cannot be reached. */
export interface QuestionNotifier {
  ask(route: QuestionRoute, person: PersonRef): Promise<boolean>;
}

/** What routing needs to know of people: who is snoozed, and the time zone of each. */
export interface RoutingPeople {
  /** Member id → until when they asked not to be disturbed (the rota's role snooze). */
  snoozedUntil(tenantId: string, communityId: string): Promise<Map<string, string>>;
  /** Person id → IANA zone; a person missing is counted in the community's zone or UTC. */
  timeZones(tenantId: string, communityId: string, ids: string[]): Promise<Map<string, string>>;
}
