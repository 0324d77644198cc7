import { type FormatDefinition, phase } from "./formatDefinition.js";

/** Case round: a real decision narrated and walked through; the group extracts what it would do again. */
export const caseRound = {
  id: "case-round",
  name: "Case round",
  calendar: {
    durationMinutes: 45,
    roles: ["facilitator", "hot-seat", "note-taker"],
    phases: [
      phase("case", "The case, as it was decided", 10),
      phase("walkthrough", "Decision walkthrough: options and reasons", 20),
      phase("lessons", "What we would do again", 15),
    ],
  },
} satisfies FormatDefinition;
