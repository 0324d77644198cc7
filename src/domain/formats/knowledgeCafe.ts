import { type FormatDefinition, phase } from "./formatDefinition.js";

/** Knowledge Café (Gurteen): one question, café rounds at small tables with new tables each round, then a harvest together. */
export const knowledgeCafe = {
  id: "knowledge-cafe",
  name: "Knowledge Café",
  calendar: {
    durationMinutes: 60,
    roles: ["facilitator", "note-taker"],
    phases: [
      phase("intro", "Introduce the question", 10),
      phase("round-1", "Café round 1", 15),
      phase("round-2", "Café round 2 (new tables)", 15),
      phase("harvest", "Harvest together", 20),
    ],
    groupSize: { min: 3, max: 5 },
  },
} satisfies FormatDefinition;
