import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/domain/errors.js";
import { newSessionSchema } from "../../src/domain/sessions/sessionSchemas.js";
import { parseInput } from "../../src/domain/validation.js";

function messagesOf(input: unknown): string[] {
  try {
    parseInput(newSessionSchema, input);
  } catch (error) {
    if (error instanceof ValidationError) return (error.issues ?? []).map((i) => i.message);
    throw error;
  }
  return [];
}

const valid = { title: "Think-pair-share", format: "think-pair-share", startsAt: "2026-12-10T10:00:00.000Z" };

describe("validation messages people read", () => {
  it("says what is too long in words, never zod's developer text", () => {
    const messages = messagesOf({ ...valid, description: "x".repeat(4001), agenda: ["ok", "y".repeat(301)] });
    expect(messages).toEqual([
      "The description is too long: keep it under 4,000 characters.",
      "Agenda line 2 is too long: keep it under 300 characters.",
    ]);
    for (const message of messages) expect(message).not.toMatch(/String must contain|character\(s\)/);
  });

  it("keeps a schema's own message", () => {
    expect(messagesOf({ ...valid, durationMinutes: 500 })).toEqual(["A session lasts at most 8 hours."]);
  });
});
