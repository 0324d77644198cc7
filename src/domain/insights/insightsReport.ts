import type { FollowThrough } from "../commitments/commitment.js";
import { followThroughOf } from "../commitments/followThrough.js";
import { articulationPoints } from "./articulationPoints.js";
import { betweennessCentrality } from "./betweenness.js";
import { learningClusters } from "./clusters.js";
import { type CrossDepartmentReach, crossDepartmentReach, MIN_GROUP_SIZE } from "./crossDepartmentReach.js";
import { timeToFirstContribution } from "./firstContribution.js";
import { DAY_MS, type InsightsFacts, type Range, TIE_KINDS, within } from "./insightsFacts.js";
import { buildLearningNetwork, type LearningNetwork, undirectedOf } from "./learningNetwork.js";
import { type EdgeReason, edgeMembers } from "./memberReach.js";
import { pictureLayout } from "./networkPicture.js";
import { participationByWeek, type WeekOfParticipation } from "./participationByWeek.js";
import type { PictureLayout } from "./picturedPeople.js";
import { type RisingTheme, risingThemes } from "./risingThemes.js";
import { topicConcentration } from "./topicConcentration.js";

/** The windows a steward can pick (days), each compared with the window before it. */
export const INSIGHT_WINDOWS = [30, 90, 365] as const;
export type InsightWindow = (typeof INSIGHT_WINDOWS)[number];

/** How many brokers, people on the edge and topics the named lists show at most. */
const LIST_LIMIT = 10;

/** The headline figures of one window. */
export interface InsightsSummary {
  members: number;
  activeMembers: number;
  ties: number;
  contributions: number;
  sessionsAttended: number;
  crossDepartmentShare: number | null;
  followThroughRate: number | null;
  medianDaysToFirstContribution: number | null;
}

export interface PersonInsight {
  id: string;
  displayName: string;
  /** Share of shortest learning paths through them (normalised betweenness, 0..1). */
  betweenness: number;
  /** People who learned from them, and people they learned from (distinct). */
  learnersFrom: number;
  learnedFrom: number;
  cluster: number;
  /** Their absence cuts the network. */
  cutsNetwork: boolean;
  edge?: { position: "isolated" | "peripheral"; reason: EdgeReason };
}

/** What a steward could do, with the figures that give the reason (the tab words it). */
export type Suggestion =
  | { kind: "co-host"; personId: string; tag: string; share: number }
  | { kind: "broker"; personId: string; betweenness: number }
  | { kind: "bridge"; personId: string }
  | { kind: "welcome"; personId: string }
  | { kind: "reconnect"; personId: string; partnersBefore: number }
  | { kind: "invite"; personId: string }
  | { kind: "cross-department"; share: number };

export interface InsightsReport {
  communityId: string;
  computedAt: string;
  windowDays: InsightWindow;
  window: { from: string; to: string };
  /** False when the tenant's admin turned person-level insights off: no names, no network. */
  personLevel: boolean;
  summary: InsightsSummary;
  previous: InsightsSummary;
  weekly: WeekOfParticipation[];
  /** Everyone with a tie or a place on the edge (person-level only). */
  people: PersonInsight[];
  /** Ties of the window, `from` learned from `to`, weighted by how many facts (person-level only). */
  ties: { from: string; to: string; weight: number }[];
  /**
   * Where the picture's people stand, laid out by the job so the page draws at once (person-level
   * only; absent in reports stored before it was, which the page lays out itself).
   */
  picture?: PictureLayout;
  brokers: string[];
  cutPoints: string[];
  edge: string[];
  topics: {
    tag: string;
    weight: number;
    entries: number;
    holderId?: string;
    share: number;
    flagged: boolean;
  }[];
  clusters: { count: number; modularity: number; sizes: number[] };
  crossDepartment: CrossDepartmentReach;
  firstContribution: {
    newcomers: number;
    contributed: number;
    medianDays: number | null;
    distribution: { within7: number; within30: number; within90: number; later: number; notYet: number };
  };
  followThrough: FollowThrough;
  themes: RisingTheme[];
  suggestions: Suggestion[];
}

export interface InsightsOptions {
  windowDays: InsightWindow;
  now: Date;
  personLevel: boolean;
  minGroupSize?: number;
  /**
   * This window's network (`windowNetwork`) with its betweenness computed elsewhere (on worker
   * threads, `src/compute/betweennessThreads.ts`); without it, both are computed here.
   */
  brokers?: { network: LearningNetwork; betweenness: Float64Array };
}

/** The learning network of one window: every member, and the ties of the window's facts. */
export function windowNetwork(
  input: InsightsFacts,
  options: Pick<InsightsOptions, "windowDays" | "now">,
): LearningNetwork {
  const to = options.now.getTime();
  const window: Range = { from: to - options.windowDays * DAY_MS, to };
  return buildLearningNetwork(
    input.members.map((m) => m.id),
    input.facts
      .filter((f) => TIE_KINDS.has(f.kind) && f.from !== f.to && within(f.at, window))
      .map((f) => ({ from: f.from, to: f.to })),
  );
}

/** Computes one window's insights of a community from its facts (pure; the job stores it). */
export function computeInsights(
  communityId: string,
  input: InsightsFacts,
  options: InsightsOptions,
): InsightsReport {
  const to = options.now.getTime();
  const span = options.windowDays * DAY_MS;
  const window: Range = { from: to - span, to };
  const previous: Range = { from: to - 2 * span, to: to - span };
  const minGroupSize = options.minGroupSize ?? MIN_GROUP_SIZE;
  const names = new Map(input.members.map((m) => [m.id, m.displayName]));
  const network = options.brokers?.network ?? windowNetwork(input, options);
  const betweenness = options.brokers?.betweenness ?? betweennessCentrality(network);
  const undirected = undirectedOf(network);
  const cuts = new Set(articulationPoints(undirected));
  const clusters = learningClusters(undirected);
  const edge = edgeMembers(input.members, input.facts, window, previous);
  const edgeById = new Map(edge.map((e) => [e.id, e]));

  const people: PersonInsight[] = [];
  for (let v = 0; v < network.ids.length; v++) {
    const id = network.ids[v] as string;
    const learnedFrom = (network.outStart[v + 1] as number) - (network.outStart[v] as number);
    const learnersFrom = (network.inStart[v + 1] as number) - (network.inStart[v] as number);
    const e = edgeById.get(id);
    if (learnedFrom + learnersFrom === 0 && !e) continue;
    people.push({
      id,
      displayName: names.get(id) ?? "Former member",
      betweenness: betweenness[v] as number,
      learnersFrom,
      learnedFrom,
      cluster: clusters.clusterOf[v] as number,
      cutsNetwork: cuts.has(v),
      ...(e ? { edge: { position: e.position, reason: e.reason } } : {}),
    });
  }
  const ties: InsightsReport["ties"] = [];
  for (let v = 0; v < network.ids.length; v++)
    for (let e = network.outStart[v] as number; e < (network.outStart[v + 1] as number); e++)
      ties.push({
        from: network.ids[v] as string,
        to: network.ids[network.outTarget[e] as number] as string,
        weight: network.outWeight[e] as number,
      });

  const brokers = people
    .filter((p) => p.betweenness > 0)
    .sort((a, b) => b.betweenness - a.betweenness || a.id.localeCompare(b.id))
    .slice(0, LIST_LIMIT);
  const cutPoints = people.filter((p) => p.cutsNetwork).sort((a, b) => b.betweenness - a.betweenness);
  const edgeList = edge
    .sort((a, b) => reasonRank(a.reason) - reasonRank(b.reason) || a.id.localeCompare(b.id))
    .slice(0, LIST_LIMIT);

  const windowEntries = input.entries.filter((e) => Date.parse(e.createdAt) < to);
  const topics = topicConcentration(windowEntries).slice(0, 50);
  const cross = crossDepartmentReach(input.members, input.facts, window, minGroupSize);
  const first = timeToFirstContribution(input.members, input.entries, input.facts, window);
  const followThrough = followThroughOf(
    input.commitments.filter((c) => within(c.createdAt, window)).map((c) => c.status),
  );
  // Themes: the window's entries against the three windows before it.
  const themes = risingThemes(input.entries, window, { from: window.from - 3 * span, to: window.from });
  const memberIds = new Set(input.members.map((m) => m.id));
  const weekly = participationByWeek(input.facts, input.entries, window, (id) => memberIds.has(id));

  const clusterSizes = new Map<number, number>();
  for (const p of people) clusterSizes.set(p.cluster, (clusterSizes.get(p.cluster) ?? 0) + 1);

  const suggestions: Suggestion[] = [];
  for (const t of topics.filter((t) => t.flagged).slice(0, 3))
    suggestions.push({ kind: "co-host", personId: t.holderId, tag: t.tag, share: t.share });
  for (const b of brokers.slice(0, 2))
    suggestions.push({ kind: "broker", personId: b.id, betweenness: b.betweenness });
  for (const c of cutPoints.slice(0, 2)) suggestions.push({ kind: "bridge", personId: c.id });
  for (const e of edgeList.slice(0, 5))
    suggestions.push(
      e.reason === "newcomer"
        ? { kind: "welcome", personId: e.id }
        : e.reason === "drifting"
          ? { kind: "reconnect", personId: e.id, partnersBefore: e.partnersBefore }
          : { kind: "invite", personId: e.id },
    );
  if (cross.share !== null && cross.share < 0.25)
    suggestions.push({ kind: "cross-department", share: cross.share });

  const report: InsightsReport = {
    communityId,
    computedAt: options.now.toISOString(),
    windowDays: options.windowDays,
    window: { from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString() },
    personLevel: true,
    summary: summaryOf(input, window, cross.share, followThrough.rate, first.medianDays),
    previous: summaryOf(
      input,
      previous,
      crossDepartmentReach(input.members, input.facts, previous, minGroupSize).share,
      followThroughOf(input.commitments.filter((c) => within(c.createdAt, previous)).map((c) => c.status))
        .rate,
      timeToFirstContribution(input.members, input.entries, input.facts, previous).medianDays,
    ),
    weekly,
    people,
    ties,
    ...(options.personLevel ? { picture: pictureLayout(people, ties) } : {}),
    brokers: brokers.map((b) => b.id),
    cutPoints: cutPoints.map((c) => c.id),
    edge: edgeList.map((e) => e.id),
    topics: topics.map((t) => ({ ...t })),
    clusters: {
      count: clusterSizes.size,
      modularity: clusters.modularity,
      sizes: [...clusterSizes.values()].sort((a, b) => b - a),
    },
    crossDepartment: cross,
    firstContribution: {
      newcomers: first.newcomers,
      contributed: first.contributed,
      medianDays: first.medianDays,
      distribution: first.distribution,
    },
    followThrough,
    themes,
    suggestions,
  };
  return options.personLevel ? report : withoutPeople(report);
}

/**
 * The report with nothing about a named person: for tenants whose admin turned person-level
 * insights off. Aggregates stay; the network, named lists, topic holders and suggestions about
 * someone go.
 */
export function withoutPeople(report: InsightsReport): InsightsReport {
  const { picture: _picture, ...rest } = report;
  return {
    ...rest,
    personLevel: false,
    people: [],
    ties: [],
    brokers: [],
    cutPoints: [],
    edge: [],
    topics: report.topics.map(({ holderId: _h, ...t }) => t),
    suggestions: report.suggestions.filter((s) => s.kind === "cross-department"),
  };
}

function reasonRank(reason: EdgeReason): number {
  return reason === "newcomer" ? 0 : reason === "drifting" ? 1 : 2;
}

function summaryOf(
  input: InsightsFacts,
  range: Range,
  crossDepartmentShare: number | null,
  followThroughRate: number | null,
  medianDaysToFirstContribution: number | null,
): InsightsSummary {
  const active = new Set<string>();
  let ties = 0;
  let sessionsAttended = 0;
  for (const f of input.facts) {
    if (!within(f.at, range)) continue;
    active.add(f.from).add(f.to);
    if (f.kind === "attended") sessionsAttended++;
    else if (TIE_KINDS.has(f.kind) && f.from !== f.to) ties++;
  }
  let contributions = 0;
  for (const e of input.entries)
    if (within(e.createdAt, range)) {
      contributions++;
      active.add(e.authorId).add(e.savedById);
    }
  const members = new Set(input.members.map((m) => m.id));
  return {
    members: input.members.filter((m) => Date.parse(m.joinedAt) < range.to).length,
    // People outside the community (authors of saved messages) are not its active members.
    activeMembers: [...active].filter((id) => members.has(id)).length,
    ties,
    contributions,
    sessionsAttended,
    crossDepartmentShare,
    followThroughRate,
    medianDaysToFirstContribution,
  };
}
