import { describe, expect, it } from "vitest";
import { AskService } from "../../../src/domain/ask/askService.js";
import type { Caller } from "../../../src/domain/identity.js";
import { demoLibrary } from "../../../src/local/demoLibrary.js";
import { indexedAskLibrary } from "../../support/indexedAskLibrary.js";
import { ANSWERABLE, UNANSWERABLE } from "./askEvaluationSet.js";

/**
 * The quality bar of asking: over the demo library, with the real search (BM25F index) and the
 * extractive answer composer, the right entry is among the first three for at least 90 % of
 * the answerable questions, and the questions the library cannot answer come back "don't know".
 */
const NOW = new Date("2026-12-01T09:00:00Z");
const caller: Caller = { tenantId: "t-eval", userId: "u-asker", displayName: "Asker" };
const people = Array.from({ length: 10 }, (_, i) => ({ id: `u-${i}`, displayName: `Person ${i}` }));
const entries = demoLibrary("t-eval", "c-demo", people, NOW).map((e) => ({ ...e, etag: "1" }));
const { library } = indexedAskLibrary(entries, NOW);
const asking = new AskService(library);

describe("asking over the demo library: the evaluation set", () => {
  it("finds the answering entry in the top 3 for ≥ 90 % and routes what it cannot answer", async () => {
    let hit1 = 0;
    let hit3 = 0;
    let answeredRight = 0;
    const misses: string[] = [];
    for (const { question, entry } of ANSWERABLE) {
      const retrieved = (await asking.retrieve(caller, question)).map((r) => r.id);
      const { answer } = await asking.ask(caller, question);
      const rank = retrieved.indexOf(entry);
      if (rank === 0) hit1 += 1;
      if (rank >= 0 && rank < 3) hit3 += 1;
      const first = answer.kind === "unknown" ? undefined : answer.sources[0]?.entryId;
      if (first === entry) answeredRight += 1;
      else
        misses.push(
          `${question} → ${first ?? answer.kind} (${answer.confidence}), wanted ${entry} at ${rank}`,
        );
    }
    let falseAnswers = 0;
    for (const question of UNANSWERABLE) {
      const { answer } = await asking.ask(caller, question);
      if (answer.kind !== "unknown") {
        falseAnswers += 1;
        misses.push(`UNANSWERABLE ${question} → ${answer.sources[0]?.entryId} (${answer.confidence})`);
      }
    }
    const n = ANSWERABLE.length;
    const pct = (x: number, of: number) => `${((100 * x) / of).toFixed(1)} %`;
    console.log(
      [
        `ask evaluation over ${n} answerable and ${UNANSWERABLE.length} unanswerable questions:`,
        `  retrieval hit@1 ${pct(hit1, n)}, hit@3 ${pct(hit3, n)}`,
        `  answer cites the right entry first ${pct(answeredRight, n)}`,
        `  false-answer rate (unanswerable answered) ${pct(falseAnswers, UNANSWERABLE.length)}`,
        ...misses.map((m) => `  miss: ${m}`),
      ].join("\n"),
    );
    expect(n).toBeGreaterThanOrEqual(40);
    expect(hit3 / n).toBeGreaterThanOrEqual(0.9);
    expect(falseAnswers).toBe(0);
    expect(answeredRight / n).toBeGreaterThanOrEqual(0.85);
  });
});
