/**
 * What network insights are computed from: the community's stored facts, read once by the job
 * (src/storage/tablesInsightsSource.ts) and handed to the pure metrics here.
 */

/** The kinds of learning fact (SPEC §1 "Network insights"; issue 17 "Facts first"). */
export const LEARNING_FACT_KINDS = [
  "saved",
  "helpful",
  "paired",
  "taught",
  "answered",
  "attended",
  "followed-through",
] as const;
export type LearningFactKind = (typeof LEARNING_FACT_KINDS)[number];

/**
 * Kinds that say one person learned from another (a tie of the network); the others (attended a
 * session, followed a commitment through) are about one person and count as participation.
 */
export const TIE_KINDS: ReadonlySet<LearningFactKind> = new Set([
  "saved",
  "helpful",
  "paired",
  "taught",
  "answered",
]);

/** One fact: `from` learned from `to` (for a fact about one person, both are that person). */
export interface LearningFact {
  kind: LearningFactKind;
  from: string;
  to: string;
  at: string;
  entryId?: string;
}

export interface MemberFact {
  id: string;
  displayName: string;
  joinedAt: string;
  /** From the org context (Graph), when known. */
  department?: string;
}

/** What of an entry the metrics read: who holds the knowledge, on which topics, how endorsed. */
export interface EntryFact {
  id: string;
  authorId: string;
  savedById: string;
  tags: string[];
  /** Title and summary: the words rising themes are counted from. */
  text: string;
  createdAt: string;
  helpfulCount: number;
}

export interface CommitmentFact {
  ownerId: string;
  status: "open" | "done" | "partly" | "dropped";
  createdAt: string;
}

export interface InsightsFacts {
  members: MemberFact[];
  facts: LearningFact[];
  entries: EntryFact[];
  commitments: CommitmentFact[];
}

export const DAY_MS = 86_400_000;

/** A half-open time range [from, to) in epoch ms. */
export interface Range {
  from: number;
  to: number;
}

export function within(at: string | number, range: Range): boolean {
  const t = typeof at === "number" ? at : Date.parse(at);
  return t >= range.from && t < range.to;
}
