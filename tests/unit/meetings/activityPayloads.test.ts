import { describe, expect, it } from "vitest";
import { parsePayload } from "../../../src/bot/invokes.js";
import { activityCommandOf } from "../../../src/bot/meetings/activityCommands.js";
import {
  activityRefSchema,
  controlPayloadSchema,
  criteriaPayloadOf,
  formatNamed,
  phaseMinutes,
  setupPayloadSchema,
  writingPayloadSchema,
} from "../../../src/bot/meetings/activityPayloads.js";
import { formatOf, planPhases } from "../../../src/domain/activities/activityFormats.js";
import { ValidationError } from "../../../src/domain/errors.js";

/** What cards send back is parsed at the edge: typed input for the domain, a sentence for the person. */
describe("activity card payloads", () => {
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      return (error as Error).message;
    }
    throw new Error("not refused");
  };

  it("asks for the latest card when a card lacks its activity (or sends something odd)", () => {
    for (const raw of [undefined, {}, { activityId: "" }, { activityId: 42 }])
      expect(refusal(() => parsePayload(activityRefSchema, raw))).toBe(
        "This card is missing its activity. Use the latest card in the chat.",
      );
    expect(parsePayload(activityRefSchema, { activityId: "a1", verb: "tps.join" })).toEqual({
      activityId: "a1",
    });
  });

  it("reads a facilitator's control with numbers as cards send them, and refuses an unknown one", () => {
    expect(parsePayload(controlPayloadSchema, { activityId: "a1", kind: "next", phaseIndex: "2" })).toEqual({
      activityId: "a1",
      control: { kind: "next", phaseIndex: 2 },
    });
    expect(
      parsePayload(controlPayloadSchema, { activityId: "a1", kind: "extend", phaseIndex: 1 }).control,
    ).toEqual({
      kind: "extend",
      phaseIndex: 1,
      minutes: 2,
    });
    expect(refusal(() => parsePayload(controlPayloadSchema, { activityId: "a1", kind: "jump" }))).toBe(
      "Use start, next, extend, pause, resume or end.",
    );
  });

  it("names the kind a dialog writes, as a plain word", () => {
    expect(
      parsePayload(writingPayloadSchema, { activityId: "a1", kind: "table-notes", text: "x" }),
    ).toMatchObject({
      kind: "table-notes",
      text: "x",
    });
    expect(refusal(() => parsePayload(writingPayloadSchema, { activityId: "a1", kind: "<b>" }))).toContain(
      "missing what it is for",
    );
  });

  it("takes each phase's minutes from the set-up form; one that is no number is refused in the phase's words", () => {
    const tps = formatOf("think-pair-share");
    const data = parsePayload(setupPayloadSchema, {
      think: "3",
      pair: 5,
      share: "",
      close: "abc",
      pairingRule: "odd",
    });
    expect(data.pairingRule).toBe("cross-department");
    const minutes = phaseMinutes(tps, data);
    expect(minutes.think).toBe(3);
    expect(minutes.pair).toBe(5);
    expect("share" in minutes).toBe(false);
    expect(Number.isNaN(minutes.close)).toBe(true);
    expect(refusal(() => planPhases(tps, minutes))).toBe("Close lasts between 1 and 30 whole minutes.");
  });

  it("knows the formats the engine runs, think-pair-share for the oldest cards", () => {
    expect(formatNamed(undefined).id).toBe("think-pair-share");
    expect(formatNamed("knowledge-cafe").format.name).toBe("Knowledge Café");
    expect(refusal(() => formatNamed("open-conversation"))).toMatch(
      /^Pick a format PeerCircle runs in meetings/,
    );
  });

  it("recognises each format's command by its id or name, accents or not, and keeps the prompt as typed", () => {
    expect(activityCommandOf("tps What slows us down?")).toMatchObject({ prompt: "What slows us down?" });
    expect(activityCommandOf("knowledge café Was hält Neue länger?")).toMatchObject({
      format: { id: "knowledge-cafe" },
      prompt: "Was hält Neue länger?",
    });
    expect(activityCommandOf("Knowledge-Cafe  Onboarding")?.format.id).toBe("knowledge-cafe");
    expect(activityCommandOf("activity Onboarding")).toMatchObject({
      format: { id: "think-pair-share" },
      prompt: "Onboarding",
    });
    expect(activityCommandOf("decision We ship on Fridays")).toBeUndefined();
    expect(activityCommandOf("cafeteria menu")).toBeUndefined();
  });

  it("reads a dialog written per criterion: the boxes by position and the marked items, nothing else", () => {
    expect(
      criteriaPayloadOf(
        {
          "criterion-0": "Lead with the ask",
          "criterion-1": 42,
          "adopt-0": "u-ana|i1,u-ben|i2,not an item",
          "adopt-1": "",
          "criterion-9": "beyond the rubric",
        },
        3,
      ),
    ).toEqual({
      typed: ["Lead with the ask", "", ""],
      marked: [["u-ana|i1", "u-ben|i2"], [], []],
    });
    expect(criteriaPayloadOf("odd", 2)).toEqual({ typed: ["", ""], marked: [[], []] });
  });
});
