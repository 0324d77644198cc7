import type { GroupingStrategy } from "../activities/activityFormat.js";
import { type FormatDefinition, phase } from "./formatDefinition.js";

/**
 * Tables of at most 4 (3–5 where the count forces it), new tables each round, with as few people
 * meeting twice as the numbers allow (none at 12 people over 3 rounds).
 */
const tables: GroupingStrategy = { kind: "rounds", size: 4, rounds: 3, min: 3, max: 5 };

const round = (n: number, optional = false) => ({
  id: `round-${n}`,
  title: `Café round ${n}`,
  instruction:
    n === 1
      ? "Talk the question over at your table. Anyone at the table can note its ideas."
      : "New table, new people: talk the question over again, building on what you heard before.",
  defaultMinutes: 12,
  minMinutes: 5,
  maxMinutes: 20,
  accepts: ["table-notes"],
  grouping: tables,
  ...(optional ? { optional: true } : {}),
});

/**
 * Knowledge Café (David Gurteen): one question, two or three café rounds at small tables with new
 * tables each round, then a harvest together where a note-taker (or anyone) records the themes,
 * and one-minute pledges that become commitments. The harvest goes to the library as one entry.
 * Teams has no API for breakout rooms: each table gets a one-click group chat instead.
 */
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
  activity: {
    id: "knowledge-cafe",
    name: "Knowledge Café",
    roles: ["facilitator", "participant", "note-taker"],
    phases: [
      {
        id: "intro",
        title: "The question",
        instruction: "The facilitator introduces the question. Take a moment with it on your own.",
        defaultMinutes: 3,
        minMinutes: 1,
        maxMinutes: 15,
        accepts: [],
      },
      round(1),
      round(2),
      round(3, true),
      {
        id: "harvest",
        title: "Harvest",
        instruction:
          "Everyone together: which themes came up at the tables? The note-taker, or anyone, records them.",
        defaultMinutes: 15,
        minMinutes: 5,
        maxMinutes: 30,
        accepts: ["theme", "pledge"],
        grouping: { kind: "none" },
      },
    ],
    submissions: {
      "table-notes": {
        scope: "group",
        visibility: "everyone",
        noun: "table notes",
        plural: "table notes",
        maxLength: 4000,
        library: "harvest",
      },
      theme: {
        scope: "item",
        visibility: "everyone",
        noun: "theme",
        maxLength: 500,
        library: "harvest",
        votable: true,
      },
      pledge: {
        scope: "person",
        visibility: "everyone",
        noun: "pledge",
        maxLength: 500,
        myLearning: true,
        commitment: true,
      },
    },
    acceptsAfterEnd: ["pledge"],
    confidential: false,
  },
} satisfies FormatDefinition;
