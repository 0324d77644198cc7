import type { GroupingStrategy } from "../activities/activityFormat.js";
import { activityPhase, defineFormat, phase } from "./formatDefinition.js";
import { commitmentKind, groupNotesKind } from "./submissionKinds.js";

/**
 * Tables of at most 4 (3–5 where the count forces it), new tables each round, with as few people
 * meeting twice as the numbers allow (none at 12 people over 3 rounds).
 */
const tables: GroupingStrategy = { kind: "rounds", size: 4, rounds: 3, min: 3, max: 5 };

const round = (n: number, optional = false) =>
  activityPhase(`round-${n}`, `Café round ${n}`, {
    instruction:
      n === 1
        ? "Talk the question over at your table. Anyone at the table can note its ideas."
        : "New table, new people: talk the question over again, building on what you heard before.",
    minutes: { min: 5, default: 12, max: 20 },
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
export const knowledgeCafe = defineFormat("knowledge-cafe", "Knowledge Café", {
  calendar: {
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
    roles: ["facilitator", "participant", "note-taker"],
    phases: [
      activityPhase("intro", "The question", {
        instruction: "The facilitator introduces the question. Take a moment with it on your own.",
        minutes: { min: 1, default: 3, max: 15 },
      }),
      round(1),
      round(2),
      round(3, true),
      activityPhase("harvest", "Harvest", {
        instruction:
          "Everyone together: which themes came up at the tables? The note-taker, or anyone, records them.",
        minutes: { min: 5, default: 15, max: 30 },
        accepts: ["theme", "pledge"],
        grouping: { kind: "none" },
      }),
    ],
    submissions: {
      "table-notes": { ...groupNotesKind("table notes", "everyone"), library: "harvest" },
      theme: {
        scope: "item",
        visibility: "everyone",
        noun: "theme",
        maxLength: 500,
        library: "harvest",
        votable: true,
      },
      pledge: commitmentKind("pledge", "everyone"),
    },
    acceptsAfterEnd: ["pledge"],
  },
});
