import { describe, expect, it } from "vitest";
import {
  definitionProblems,
  type SubmissionDefinition,
} from "../../../src/domain/activities/activityFormat.js";
import { formatOf } from "../../../src/domain/activities/activityFormats.js";
import { textsOf } from "../../../src/domain/activities/activityViews.js";
import {
  criteriaOf,
  criteriaTextsOf,
  perCriterionSchema,
  readableCriteria,
  rubricSchema,
  serialiseCriteria,
} from "../../../src/domain/activities/rubric.js";
import { parseInput } from "../../../src/domain/validation.js";

const rubric = ["Is the argument clear?", "Are the numbers sourced?", "What is missing?"];
const feedback: SubmissionDefinition = {
  scope: "item",
  visibility: "everyone",
  noun: "feedback",
  maxLength: 50,
  perCriterion: true,
};

describe("a rubric and kinds written per criterion", () => {
  it("takes 1–8 distinct short criteria and says kindly what is wrong", () => {
    expect(parseInput(rubricSchema, ["  Clear? ", "Sourced?"])).toEqual(["Clear?", "Sourced?"]);
    expect(() => parseInput(rubricSchema, [])).toThrow("Give the rubric at least one criterion.");
    expect(() => parseInput(rubricSchema, ["Clear?", "clear?"])).toThrow("Name each criterion once.");
    expect(() =>
      parseInput(
        rubricSchema,
        Array.from({ length: 9 }, (_, i) => `C${i}`),
      ),
    ).toThrow("Keep the rubric to at most 8 criteria.");
    expect(() => parseInput(rubricSchema, "Clear?")).toThrow("not in the right form");
  });

  it("takes one text per criterion, within the kind's limit, not all empty", () => {
    const schema = perCriterionSchema(feedback, rubric);
    expect(parseInput(schema, { criteria: [" Yes ", "", "A summary"] })).toEqual({
      criteria: ["Yes", "", "A summary"],
    });
    expect(() => parseInput(schema, { criteria: ["Yes"] })).toThrow(
      "Write one text for each of the rubric's 3 criteria.",
    );
    expect(() => parseInput(schema, { criteria: ["", " ", ""] })).toThrow(
      "Write your feedback on at least one criterion.",
    );
    expect(() => parseInput(schema, { criteria: ["x".repeat(51), "", ""] })).toThrow(
      "Keep each part of your feedback under 50 characters.",
    );
    expect(() => parseInput(schema, { text: "all in one" })).toThrow("The criteria is missing.");
  });

  it("stores the texts as one text and reads them back per criterion and as readable lines", () => {
    const stored = serialiseCriteria(["Yes", "", "A summary"]);
    expect(criteriaTextsOf(stored, rubric)).toEqual(["Yes", "", "A summary"]);
    expect(criteriaOf(stored, rubric)[2]).toEqual({ criterion: "What is missing?", text: "A summary" });
    expect(readableCriteria(stored, rubric)).toBe("Is the argument clear?: Yes\nWhat is missing?: A summary");
    // A text written before its kind was per criterion is the first criterion's.
    expect(criteriaTextsOf("plain words", rubric)).toEqual(["plain words", "", ""]);
    expect(textsOf(stored, feedback, rubric)).toEqual({
      text: "Is the argument clear?: Yes\nWhat is missing?: A summary",
      criteria: criteriaOf(stored, rubric),
    });
    expect(textsOf("as written", { ...feedback, perCriterion: false }, rubric)).toEqual({
      text: "as written",
    });
  });

  it("refuses a kind per criterion that a group writes together, or that is kept, published, answered or asked ahead", () => {
    const format = formatOf("case-round");
    const withKind = (definition: Partial<SubmissionDefinition>) => ({
      ...format,
      submissions: { ...format.submissions, feedback: { ...feedback, ...definition } },
    });
    expect(definitionProblems(withKind({}))).toEqual([]);
    expect(definitionProblems(withKind({ scope: "group" }))).toEqual([
      '"feedback" is written per criterion, so one person writes it (scope "person" or "item")',
    ]);
    expect(definitionProblems(withKind({ scope: "person", register: true }))).toEqual([
      '"feedback" is written per criterion, so it is not kept, published, answered or asked ahead',
    ]);
    // A kind built from another's criteria: both per criterion, the other declared.
    expect(definitionProblems(withKind({ scope: "person", adopts: "heuristic" }))).toEqual([
      '"feedback" adopts "heuristic": both must be declared and written per criterion',
    ]);
    expect(definitionProblems(withKind({ scope: "person", adopts: "feedback" }))).toEqual([]);
  });
});
