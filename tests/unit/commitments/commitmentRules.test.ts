import { describe, expect, it } from "vitest";
import type { CommitmentStatus } from "../../../src/domain/commitments/commitment.js";
import {
  commitmentUpdateSchema,
  MAX_NOTE_LENGTH,
} from "../../../src/domain/commitments/commitmentSchemas.js";
import { commitmentIdOf, sessionCheckInKey } from "../../../src/domain/commitments/commitmentService.js";
import { byFollowUpOrder, followThroughOf } from "../../../src/domain/commitments/followThrough.js";
import { ValidationError } from "../../../src/domain/errors.js";
import { parseInput } from "../../../src/domain/validation.js";

describe("follow-through rate", () => {
  it("counts by status and rates done fully, partly half, open not at all", () => {
    const statuses: CommitmentStatus[] = ["done", "done", "partly", "dropped", "open", "open"];
    expect(followThroughOf(statuses)).toEqual({
      total: 6,
      done: 2,
      partly: 1,
      dropped: 1,
      open: 2,
      rate: 2.5 / 4,
    });
  });

  it("has no rate while nothing has an outcome yet", () => {
    expect(followThroughOf(["open", "open"]).rate).toBeNull();
    expect(followThroughOf([])).toEqual({ total: 0, done: 0, partly: 0, dropped: 0, open: 0, rate: null });
  });
});

describe("a person's list order", () => {
  it("puts open first, then the soonest due, undated after, then the newest", () => {
    const items = [
      { id: "done-early", status: "done" as const, due: "2025-01-01", createdAt: "2025-01-01T00:00:00Z" },
      { id: "open-undated-old", status: "open" as const, createdAt: "2025-01-01T00:00:00Z" },
      { id: "open-late", status: "open" as const, due: "2025-03-01", createdAt: "2025-01-01T00:00:00Z" },
      { id: "open-undated-new", status: "open" as const, createdAt: "2025-02-01T00:00:00Z" },
      { id: "open-soon", status: "open" as const, due: "2025-02-01", createdAt: "2025-01-01T00:00:00Z" },
    ];
    expect([...items].sort(byFollowUpOrder).map((i) => i.id)).toEqual([
      "open-soon",
      "open-late",
      "open-undated-new",
      "open-undated-old",
      "done-early",
    ]);
  });
});

describe("an owner's update", () => {
  const parse = (input: unknown) => parseInput(commitmentUpdateSchema, input);

  it("takes a status, a note as plain text, and a real due day (or a clear)", () => {
    expect(parse({ status: "partly", note: "  half of it\u202E  ", due: "2025-02-28" })).toEqual({
      status: "partly",
      note: "half of it",
      due: "2025-02-28",
    });
    expect(parse({ status: "open", due: "" })).toEqual({ status: "open", due: null });
    expect(parse({ status: "open", due: null })).toEqual({ status: "open", due: null });
  });

  it("refuses an unknown status with a clear message", () => {
    expect(() => parse({ status: "finished" })).toThrowError(ValidationError);
    expect(() => parse({ status: "finished" })).toThrowError("Pick open, done, partly or dropped.");
  });

  it("refuses a due day that does not exist or is not YYYY-MM-DD", () => {
    for (const due of ["2025-02-30", "2025-13-01", "28.02.2025", "2025-02-28T10:00"])
      expect(() => parse({ status: "open", due }), due).toThrowError(
        "Give the due date as YYYY-MM-DD (a day that exists).",
      );
  });

  it("refuses a note over the limit", () => {
    expect(() => parse({ status: "done", note: "x".repeat(MAX_NOTE_LENGTH + 1) })).toThrowError(
      `Keep the note under ${MAX_NOTE_LENGTH} characters.`,
    );
  });
});

describe("ids and claim keys", () => {
  it("derives one commitment id per tenant, activity and person", async () => {
    const a = await commitmentIdOf("t", "activity-1", "user-1");
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(await commitmentIdOf("t", "activity-1", "user-1")).toBe(a);
    expect(await commitmentIdOf("t", "activity-1", "user-2")).not.toBe(a);
    expect(await commitmentIdOf("u", "activity-1", "user-1")).not.toBe(a);
  });

  it("keys a session's check-in by community and occurrence", () => {
    expect(sessionCheckInKey("c1", "m|2025")).toBe("session.c1.m|2025");
  });
});
