import { describe, expect, it } from "vitest";
import type { RetrievedEntry } from "../../../src/domain/ask/answerer.js";
import {
  ExtractiveAnswerer,
  plainSentencesOf,
  sentencesOf,
} from "../../../src/domain/ask/extractiveAnswerer.js";
import { toPlainText } from "../../../src/domain/library/messageContent/index.js";

function entry(overrides: Partial<RetrievedEntry>): RetrievedEntry {
  return {
    communityId: "c1",
    communityName: "Data",
    id: "e1",
    type: "howto",
    title: "Untitled",
    summary: "",
    body: "",
    tags: [],
    verified: false,
    stale: false,
    score: 1,
    ...overrides,
  };
}

const answerer = new ExtractiveAnswerer();

const rotation = entry({
  id: "rotate",
  title: "Rotating the storage account keys",
  tags: ["security"],
  body: "Plan a quiet hour first.\n\nRotate the secondary key, switch the apps to it, then rotate the primary key. The apps never see a failed request.\n\nTell the on-call engineer before you start.",
});

describe("the extractive answer composer", () => {
  it("quotes the sentences that answer, verbatim, and cites the entry", () => {
    const answer = answerer.answer("How do I rotate storage account keys?", [rotation]);
    expect(answer.kind).toBe("answered");
    if (answer.kind === "unknown") return;
    expect(answer.sources.map((s) => s.entryId)).toEqual(["rotate"]);
    expect(answer.passages[0]?.text).toBe(
      "Rotate the secondary key, switch the apps to it, then rotate the primary key.",
    );
    for (const p of answer.passages) expect(sentencesOf(rotation.body)).toContain(p.text);
    expect(answer.passages.every((p) => p.citation === 1)).toBe(true);
    expect(answer.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it("says it does not know when the best entry covers too little of the question", () => {
    const answer = answerer.answer("How do I rotate the coffee machine's descaling filter?", [rotation]);
    expect(answer).toMatchObject({ kind: "unknown", sources: [] });
    expect(answerer.answer("the of and", [rotation]).kind).toBe("unknown");
    expect(answerer.answer("How do I rotate keys?", []).kind).toBe("unknown");
  });

  it("puts a verified entry before an unverified one that covers the question as well, and flags a stale one", () => {
    const unverified = entry({ ...rotation, id: "plain", score: 5 });
    const verified = entry({ ...rotation, id: "checked", verified: true, score: 1 });
    const first = answerer.answer("How do I rotate storage account keys?", [unverified, verified]);
    expect(first.kind !== "unknown" && first.sources[0]?.entryId).toBe("checked");
    const stale = entry({ ...rotation, id: "old", verified: true, stale: true, score: 1 });
    const second = answerer.answer("How do I rotate storage account keys?", [unverified, stale]);
    expect(second.kind !== "unknown" && second.sources.map((s) => [s.entryId, s.stale])).toEqual([
      ["plain", false],
      ["old", true],
    ]);
  });

  it("offers a question that already has an accepted answer first, quoting the answer, not the question", () => {
    const qa = entry({
      id: "qa",
      type: "qa",
      answered: true,
      title: "How do we rotate storage account keys without downtime?",
      body: "We rotate keys yearly and the apps fail for a minute. How do others rotate storage account keys?\n\n**Answer** (accepted)\n\nUse the two keys in turn: rotate the secondary key, move the apps to it, then rotate the primary key.",
    });
    const answer = answerer.answer("How can we rotate storage account keys?", [rotation, qa]);
    expect(answer.kind).toBe("alreadyAnswered");
    if (answer.kind === "unknown") return;
    expect(answer.sources.map((s) => s.entryId)).toEqual(["qa"]);
    expect(answer.passages.map((p) => p.text)).toEqual([
      "Use the two keys in turn: rotate the secondary key, move the apps to it, then rotate the primary key.",
    ]);
  });

  it("quotes the same answer from the plain text the search index keeps of that entry", () => {
    const qa = entry({
      id: "qa",
      type: "qa",
      answered: true,
      version: "2026-12-01T09:00:00.000Z",
      title: "How do we rotate storage account keys without downtime?",
      body: toPlainText(
        "We rotate keys yearly and the apps fail for a minute. How do others rotate storage account keys?\n\n**Answer** (accepted)\n\nUse the two keys in turn: rotate the secondary key, move the apps to it, then rotate the primary key.",
      ),
      bodyIsPlain: true,
    });
    const answer = answerer.answer("How can we rotate storage account keys?", [rotation, qa]);
    expect(answer.kind).toBe("alreadyAnswered");
    if (answer.kind === "unknown") return;
    expect(answer.passages.map((p) => p.text)).toEqual([
      "Use the two keys in turn: rotate the secondary key, move the apps to it, then rotate the primary key.",
    ]);
  });

  it("never answers from a question nobody has answered yet", () => {
    const open = entry({
      id: "open",
      type: "qa",
      answered: false,
      title: "How do we rotate storage account keys?",
      body: "How do we rotate storage account keys without the apps failing?",
    });
    expect(answerer.answer("How do we rotate storage account keys?", [open]).kind).toBe("unknown");
  });
});

describe("sentences of an entry", () => {
  it("splits lines, list items and sentences and drops markdown and code blocks", () => {
    expect(
      sentencesOf("1. **Create** `t` first. Then load.\n- item *two*\n```sql\nselect 1;\n```\nDone!"),
    ).toEqual(["Create t first.", "Then load.", "item two", "Done!"]);
  });

  it("splits the search index's plain text by its lines and sentences, taking its characters as they are", () => {
    const markdown = "1. **Create** `t_1` first. Then load.\n- item *two*\n\nA snake_case name stays. Done!";
    expect(plainSentencesOf(toPlainText(markdown))).toEqual([
      "Create t_1 first.",
      "Then load.",
      "item two",
      "A snake_case name stays.",
      "Done!",
    ]);
  });
});
