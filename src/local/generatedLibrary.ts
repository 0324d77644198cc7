import { personRef } from "../domain/identity.js";
import type { Entry, EntryType } from "../domain/library/entry.js";
import { ENTRY_TYPES } from "../domain/library/entry.js";
import { mulberry32 } from "../domain/mulberry32.js";

/** A small deterministic PRNG (mulberry32), so every run generates the same library. */
export const random = mulberry32;

const WORDS = (
  "pipeline schema governance data quality incident retrospective rollback deploy release canary latency " +
  "throughput partition tenant storage table query index cache eviction backoff retry throttling quota " +
  "dashboard metric alert on-call runbook escalation postmortem blameless learning onboarding mentor " +
  "pairing review feedback decision tradeoff architecture boundary contract versioning migration " +
  "kubernetes container cluster node scaling autoscaler budget forecast stakeholder roadmap backlog " +
  "estimate sprint kanban limit flow bottleneck handover documentation wiki glossary dictionary lineage " +
  "privacy consent retention encryption secret rotation vault certificate identity access token audit " +
  "compliance policy risk control test fixture mock contract integration regression flaky coverage " +
  "experiment hypothesis analysis cohort churn funnel conversion segment survey interview insight " +
  "customer support ticket triage priority severity outage dependency upstream downstream consumer " +
  "producer event stream queue topic batch window aggregate join duplicate idempotent ordering clock " +
  "team culture trust psychological safety facilitation workshop agenda timebox retro action owner"
).split(" ");

const TAGS = [
  "data-governance",
  "pipelines",
  "analytics",
  "dataops",
  "security",
  "on-call",
  "onboarding",
  "architecture",
  "testing",
  "release",
  "kubernetes",
  "privacy",
  "facilitation",
  "leadership",
  "customer",
  "performance",
];

/** Picks the next word of a generated text. */
export type WordSource = (rand: () => number) => string;

/** The demo's word source: the data-community vocabulary above, every word as likely as another. */
export const demoWords: WordSource = (rand) => WORDS[Math.floor(rand() * WORDS.length)] ?? "data";

/** The data-community vocabulary, for generators that build their own distribution around it. */
export const TOPIC_WORDS: readonly string[] = WORDS;

function words(rand: () => number, count: number, next: WordSource): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(next(rand));
  return out.join(" ");
}

function sentence(rand: () => number, next: WordSource): string {
  const text = words(rand, 8 + Math.floor(rand() * 12), next);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/**
 * A community library of realistic shape: titles of about 60 characters, bodies of 600–2,000
 * characters in paragraphs, 3–5 tags from a shared vocabulary, authors from a pool of people.
 */
export function generateLibrary(
  tenantId: string,
  communityId: string,
  count: number,
  people: { id: string; displayName: string }[],
  seed = 42,
  next: WordSource = demoWords,
): Omit<Entry, "etag">[] {
  const rand = random(seed);
  const start = Date.parse("2024-01-01T00:00:00Z");
  const span = Date.parse("2026-11-01T00:00:00Z") - start;
  return Array.from({ length: count }, (_, i) => {
    const paragraphs: string[] = [];
    const target = 600 + Math.floor(rand() * 1400);
    let length = 0;
    while (length < target) {
      const paragraph = Array.from({ length: 2 + Math.floor(rand() * 3) }, () => sentence(rand, next)).join(
        " ",
      );
      paragraphs.push(paragraph);
      length += paragraph.length + 2;
    }
    const tags = new Set<string>();
    const tagCount = 3 + Math.floor(rand() * 3);
    while (tags.size < tagCount) tags.add(TAGS[Math.floor(rand() * TAGS.length)] ?? "data");
    const author = personRef(
      people[Math.floor(rand() * people.length)] ?? { id: "someone", displayName: "Someone" },
    );
    const at = new Date(start + Math.floor(rand() * span)).toISOString();
    const title = sentence(rand, next)
      .slice(0, 40 + Math.floor(rand() * 40))
      .replace(/\.$/, "");
    return {
      tenantId,
      communityId,
      id: `gen-${String(i).padStart(6, "0")}`,
      type: ENTRY_TYPES[Math.floor(rand() * ENTRY_TYPES.length)] as EntryType,
      title,
      body: paragraphs.join("\n\n"),
      summary: "",
      tags: [...tags],
      author,
      savedBy: author,
      source: { kind: "direct" },
      createdAt: at,
      updatedAt: at,
      helpfulCount: Math.floor(rand() * rand() * 40),
    };
  });
}

/** Queries people type: whole words, prefixes while typing, typos, and tag-like terms. */
export function searchTerms(rand: () => number, count: number): string[] {
  const terms: string[] = [];
  for (let i = 0; i < count; i++) {
    const word = WORDS[Math.floor(rand() * WORDS.length)] ?? "data";
    const kind = i % 4;
    if (kind === 0) terms.push(word);
    else if (kind === 1) terms.push(word.slice(0, Math.max(3, Math.ceil(word.length * 0.6))));
    else if (kind === 2) terms.push(word.length > 5 ? word.slice(0, 2) + word.slice(3) : word);
    else terms.push(`${word} ${WORDS[Math.floor(rand() * WORDS.length)]}`);
  }
  return terms;
}
