import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../../src/domain/errors.js";
import { SESSION_FORMATS } from "../../../src/domain/formats/formatIds.js";
import { FORMATS } from "../../../src/domain/formats/formatRegistry.js";
import { parseFormatFile } from "../../../src/domain/formats/formatSchema.js";

const definitions = new URL("../../../src/domain/formats/definitions/", import.meta.url);
const fileNames = readdirSync(definitions).filter((name) => name.endsWith(".json"));
const fileOf = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(name, definitions), "utf8"));

/** Think-pair-share's file, changed by `change` (a deep copy, so each test breaks its own). */
// biome-ignore lint/suspicious/noExplicitAny: each test breaks the file's JSON where it likes
function brokenTps(change: (file: any) => void): unknown {
  const file = structuredClone(fileOf("think-pair-share.json"));
  change(file);
  return file;
}

/** The message a broken file is refused with. */
function refusal(file: unknown): string {
  try {
    parseFormatFile(file);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as Error).message;
  }
  throw new Error("The file was accepted.");
}

describe("the format definition files", () => {
  it("are one per session format, each named after its id and registered", () => {
    expect(fileNames.sort()).toEqual(SESSION_FORMATS.map((id) => `${id}.json`).sort());
  });

  for (const name of fileNames)
    it(`parse, and give the format the registry serves: ${name}`, () => {
      const format = parseFormatFile(fileOf(name));
      expect(format).toEqual(FORMATS[format.id]);
      expect(`${format.id}.json`).toBe(name);
    });
});

describe("the format schema refuses a broken definition, naming the format and the field", () => {
  it("a phase accepting a kind the format does not declare", () => {
    const message = refusal(brokenTps((f) => f.activity.phases[1].accepts.push("advice")));
    expect(message).toBe(
      'The definition of the format "think-pair-share" is wrong. activity: phase "pair" accepts "advice", which the format does not declare',
    );
  });

  it("a kind taken after the end that the format does not declare", () => {
    expect(refusal(brokenTps((f) => f.activity.acceptsAfterEnd.push("pledge")))).toContain(
      'activity: "pledge" after the end is not declared',
    );
  });

  it("minutes whose min is above their max, told once", () => {
    const message = refusal(
      brokenTps((f) => {
        f.activity.phases[0].minutes = { min: 10, default: 5, max: 3 };
      }),
    );
    expect(message).toBe(
      'The definition of the format "think-pair-share" is wrong. activity.phases.0.minutes: The minutes go from min to max, with the default between them.',
    );
  });

  it("a writer role the format does not declare, or that is no role at all", () => {
    expect(refusal(brokenTps((f) => (f.activity.submissions.reflection.writers = ["teacher"])))).toContain(
      'activity: "reflection" is written by the teacher, a role the format does not declare',
    );
    expect(refusal(brokenTps((f) => (f.activity.submissions.reflection.writers = ["boss"])))).toMatch(
      /^The definition of the format "think-pair-share" is wrong\. activity\.submissions\.reflection\.writers\.0: Invalid enum value\. Expected 'hot-seat' \| 'teacher'/,
    );
  });

  it("a phase id twice, in the activity or in the calendar's plan", () => {
    expect(
      refusal(brokenTps((f) => f.activity.phases.push({ ...f.activity.phases[0], title: "Again" }))),
    ).toContain('activity: phase "think" appears twice');
    expect(refusal(brokenTps((f) => f.calendar.phases.push(f.calendar.phases[0])))).toContain(
      'calendar: phase "intro" appears twice',
    );
  });

  it("a field the schema does not know, such as a misspelt one", () => {
    expect(
      refusal(
        brokenTps((f) => {
          f.activity.phases[0].acepts = f.activity.phases[0].accepts;
        }),
      ),
    ).toContain("activity.phases.0: Unrecognized key(s) in object: 'acepts'");
  });

  it("an id that is not a session format", () => {
    expect(refusal(brokenTps((f) => (f.id = "fishbowl")))).toBe(
      'The definition of the format "fishbowl" is wrong. id: A format\'s id is one of the session formats in formatIds.ts: think-pair-share, knowledge-cafe, mastermind, micro-teach, case-round, incident-retro, ama, coaching-ourselves, peer-review, open.',
    );
  });

  it("a file with no id and nothing in it", () => {
    expect(refusal({})).toMatch(/^The definition of the format without an id is wrong\. id: /);
  });
});

describe("the format schema completes a file with the defaults", () => {
  it("the session's length, the phases' accepts, the activity's end and confidentiality", () => {
    const format = parseFormatFile({
      id: "ama",
      name: "Ask",
      description: "Ask anything.",
      calendar: {
        roles: ["facilitator"],
        phases: [
          { id: "ask", title: "Ask", minutes: 25 },
          { id: "end", title: "End", minutes: 5 },
        ],
      },
      activity: {
        roles: ["facilitator", "participant"],
        phases: [
          { id: "welcome", title: "Welcome", instruction: "Join.", minutes: { min: 1, default: 2, max: 5 } },
        ],
        submissions: {},
      },
    });
    expect(format.calendar.durationMinutes).toBe(30);
    expect(format.activity).toMatchObject({
      id: "ama",
      name: "Ask",
      acceptsAfterEnd: [],
      confidential: false,
    });
    expect(format.activity?.phases[0]?.accepts).toEqual([]);
  });
});
