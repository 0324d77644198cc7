import type { PersonRef } from "../domain/identity.js";
import type { Entry } from "../domain/library/entry.js";
import type { LearningInteraction } from "../domain/library/entryRepository.js";

const DAY_MS = 86_400_000;
const WEEKS = 26;

/**
 * When each demo person joined, in days before now (by their place in the demo's people): most
 * long ago, a newcomer who has learned with nobody yet (10), one who joined five weeks ago and
 * found a partner after a week (9), and one of the first members who has drifted away (11).
 */
export function demoJoinedDaysAgo(index: number): number {
  if (index === 10) return 10;
  if (index === 9) return 35;
  return 200 - index;
}

/**
 * Six months of learning in the demo community, so its insights page has something to say: two
 * groups that learn among themselves (people 1–5 and 6–9), the steward (0) and person 5 as the
 * brokers between them, person 11 who learned with the first group until three months ago and not
 * since, person 10 (new) with no tie yet, a session most weeks, and commitments followed through.
 * Deterministic, keyed, so seeding again adds nothing.
 */
export function demoInteractionHistory(
  tenantId: string,
  communityId: string,
  people: readonly PersonRef[],
  now: Date,
): LearningInteraction[] {
  const facts: LearningInteraction[] = [];
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS).toISOString();
  const add = (kind: LearningInteraction["kind"], from: number, to: number, daysAgo: number) => {
    const a = people[from];
    const b = people[to];
    if (!a || !b || daysAgo > demoJoinedDaysAgo(from) || daysAgo > demoJoinedDaysAgo(to)) return;
    facts.push({
      tenantId,
      communityId,
      kind,
      from: a,
      to: b,
      at: at(daysAgo),
      key: `demo-${kind}-${from}-${to}-${daysAgo}`,
    });
  };
  const groupA = [1, 2, 3, 4, 5];
  const groupB = [6, 7, 8, 9];
  for (let week = 0; week < WEEKS; week++) {
    const day = week * 7 + 2;
    // A session most weeks: who attended, and who paired up (both ways) inside each group.
    if (week % 4 !== 3) {
      for (const p of [0, ...groupA.slice(week % 2), ...groupB.slice(week % 3)]) add("attended", p, p, day);
      const a = groupA[week % groupA.length] as number;
      const a2 = groupA[(week + 2) % groupA.length] as number;
      const b = groupB[week % groupB.length] as number;
      const b2 = groupB[(week + 1) % groupB.length] as number;
      for (const [x, y] of [
        [a, a2],
        [b, b2],
      ] as const) {
        add("paired", x, y, day);
        add("paired", y, x, day);
      }
    }
    // The brokers: the steward and person 5 learn with both groups.
    if (week % 2 === 0) {
      add("paired", 5, groupB[week % groupB.length] as number, day + 1);
      add("paired", groupB[week % groupB.length] as number, 5, day + 1);
      add("answered", groupA[(week + 1) % groupA.length] as number, 0, day + 2);
      add("saved", groupB[(week + 3) % groupB.length] as number, 0, day + 3);
    }
    // Person 3 answers the data-contract questions of both groups.
    if (week % 3 === 0) {
      add("answered", groupB[week % groupB.length] as number, 3, day + 4);
      add("taught", groupA[(week + 1) % groupA.length] as number, 3, day + 4);
    }
    // Person 11 learned with the first group until three months ago.
    if (day > 95) add("paired", 11, groupA[week % groupA.length] as number, day);
    // Commitments followed through now and then.
    if (week % 5 === 1)
      add(
        "followed-through",
        groupA[week % groupA.length] as number,
        groupA[week % groupA.length] as number,
        day,
      );
  }
  return facts;
}

/** Entries on data contracts, nearly all by person 3: a topic that rests on one person. */
export function demoConcentratedTopic(
  tenantId: string,
  communityId: string,
  people: readonly PersonRef[],
  now: Date,
): Omit<Entry, "etag">[] {
  const holder = people[3];
  const other = people[6];
  if (!holder || !other) return [];
  const titles: [string, PersonRef, number, number][] = [
    ["Data contracts: start from the consumer's query", holder, 150, 4],
    ["Versioning a data contract without breaking readers", holder, 110, 6],
    ["Who signs a data contract, and when", holder, 60, 3],
    ["Testing data contracts in the pipeline", holder, 20, 5],
    ["A data contract for the orders feed", other, 30, 0],
  ];
  return titles.map(([title, author, daysAgo, helpful], i) => {
    const when = new Date(now.getTime() - daysAgo * DAY_MS).toISOString();
    return {
      tenantId,
      communityId,
      id: `demo-contracts-${i + 1}`,
      type: "howto",
      title,
      body: `${title}. What we learned, step by step.`,
      summary: title,
      tags: ["data-contracts"],
      author,
      savedBy: author,
      source: { kind: "direct" },
      createdAt: when,
      updatedAt: when,
      helpfulCount: helpful,
    };
  });
}
