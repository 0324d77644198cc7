import { describe, expect, it } from "vitest";
import type { SubmissionDefinition } from "../../../src/domain/activities/activityFormat.js";
import { formatOf, planPhases } from "../../../src/domain/activities/activityFormats.js";
import {
  controlSchema,
  newActivitySchema,
  submissionSchema,
} from "../../../src/domain/activities/activitySchemas.js";
import { ValidationError } from "../../../src/domain/errors.js";
import { parseInput } from "../../../src/domain/validation.js";

const thinkPairShare = formatOf("think-pair-share");

describe("setting up an activity", () => {
  it("uses the spec's defaults: think 2, pair 5, share 5 minutes, cross-department pairing", () => {
    const input = parseInput(newActivitySchema, {
      communityId: "c1",
      conversationId: "19:meeting_x@thread.v2",
      prompt: "What would you try?",
    });
    expect(input).toMatchObject({ format: "think-pair-share", pairingRule: "cross-department" });
    expect(planPhases(thinkPairShare, input.minutes)).toEqual([
      { id: "think", minutes: 2 },
      { id: "pair", minutes: 5 },
      { id: "share", minutes: 5 },
      { id: "close", minutes: 3 },
    ]);
  });

  it("takes the facilitator's minutes and refuses phases the format does not have", () => {
    expect(planPhases(thinkPairShare, { think: 4 })[0]).toEqual({ id: "think", minutes: 4 });
    expect(() => planPhases(thinkPairShare, { harvest: 4 })).toThrow(
      'Think-pair-share has no "harvest" phase.',
    );
    expect(() => planPhases(thinkPairShare, { think: 0 })).toThrow(
      "Think lasts between 1 and 30 whole minutes.",
    );
  });

  it("explains what is missing in friendly words, field by field", () => {
    try {
      parseInput(newActivitySchema, {
        communityId: "",
        conversationId: "x",
        prompt: "",
        pairingRule: "by-height",
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const issues = (error as ValidationError).issues;
      expect(issues).toEqual(
        expect.arrayContaining([
          { field: "communityId", message: "The community to save to is missing." },
          { field: "prompt", message: "Write a prompt of at least 3 characters for people to think about." },
          { field: "pairingRule", message: "Pick cross-department, random or same role for pairing." },
        ]),
      );
    }
  });

  it("checks controls and submissions", () => {
    expect(() => parseInput(controlSchema, { kind: "extend", phaseIndex: 0, minutes: 45 })).toThrow(
      "Add at most 30 minutes at a time.",
    );
    expect(() => parseInput(controlSchema, { kind: "rewind" })).toThrow(ValidationError);
    const share = submissionSchema(thinkPairShare.submissions.share as SubmissionDefinition);
    expect(() => parseInput(share, { text: "  " })).toThrow("Write your key insight first.");
    expect(() => parseInput(share, { text: "x".repeat(4001) })).toThrow(
      "Keep your key insight under 4,000 characters.",
    );
  });

  it("takes a holder for every held role (teacher, expert, author, narrator) and refuses other roles", () => {
    const base = { communityId: "c1", conversationId: "19:meeting_x@thread.v2", prompt: "Our pricing draft" };
    const author = { id: "u-ada", displayName: "Ada" };
    const narrator = { id: "u-bo", displayName: "Bo" };
    expect(parseInput(newActivitySchema, { ...base, roles: { author, narrator } }).roles).toEqual({
      author,
      narrator,
    });
    expect(() => parseInput(newActivitySchema, { ...base, roles: { referee: author } })).toThrow(
      "Only a teacher, an expert, an author or a narrator is chosen at set-up.",
    );
    expect(parseInput(newActivitySchema, { ...base, roles: { teacher: author } }).roles).toEqual({
      teacher: author,
    });
  });
});
