import { type FormatDefinition, phase } from "./formatDefinition.js";

/** Mastermind circle: check-in on goals, one person in the hot seat (challenge, clarifying questions, advice), commitments. */
export const mastermind = {
  id: "mastermind",
  name: "Mastermind circle",
  calendar: {
    durationMinutes: 60,
    roles: ["facilitator", "hot-seat", "note-taker"],
    phases: [
      phase("check-in", "Check-in", 10),
      phase("hot-seat", "Hot seat: the challenge", 10),
      phase("questions", "Clarifying questions", 10),
      phase("advice", "Ideas and advice", 20),
      phase("commitments", "Commitments", 10),
    ],
    groupSize: { min: 4, max: 8 },
  },
} satisfies FormatDefinition;
