import { type FormatDefinition, phase } from "./formatDefinition.js";

/**
 * CoachingOurselves-style module: groups of 4–6 follow, for about 90 minutes, a module a steward
 * wrote or imported (markdown sections with timings: read → reflect → exchange → actions). Each
 * section is a phase (`phasesFrom: "module"`): the groups form at the first section and stay; the
 * sections between are for the group's notes; the last section's actions become commitments with
 * check-ins. After the session each participant rates how useful it was (1–5), reported to the
 * stewards per module.
 */
export const coachingOurselves = {
  id: "coaching-ourselves",
  name: "CoachingOurselves module",
  calendar: {
    durationMinutes: 90,
    roles: ["facilitator", "note-taker"],
    phases: [
      phase("module", "Read the module together", 20),
      phase("groups", "Discuss in groups of 4–6", 45),
      phase("plenary", "Bring it back to the whole group", 15),
      phase("apply", "How we apply it at work", 10),
    ],
    groupSize: { min: 4, max: 6 },
  },
  activity: {
    id: "coaching-ourselves",
    name: "CoachingOurselves module",
    roles: ["facilitator", "participant"],
    phasesFrom: "module",
    phases: [
      {
        id: "module-opening",
        title: "Opening section",
        instruction: "Your group of 4–6 is formed. Follow the module's section together.",
        defaultMinutes: 15,
        minMinutes: 2,
        maxMinutes: 45,
        accepts: [],
        grouping: { kind: "groups", size: 5, min: 4, max: 6 },
      },
      {
        id: "module-section",
        title: "Module section",
        instruction: "Follow the module's section with your group; anyone can keep the group's notes.",
        defaultMinutes: 15,
        minMinutes: 2,
        maxMinutes: 60,
        accepts: ["module-notes"],
      },
      {
        id: "module-actions",
        title: "Actions",
        instruction: "Each of you writes one action to try at work: it is followed up with a check-in.",
        defaultMinutes: 15,
        minMinutes: 2,
        maxMinutes: 30,
        accepts: ["module-notes", "action"],
      },
    ],
    submissions: {
      "module-notes": {
        scope: "group",
        visibility: "group",
        noun: "group notes",
        plural: "group notes",
        maxLength: 4000,
      },
      action: {
        scope: "person",
        visibility: "group",
        noun: "action",
        maxLength: 500,
        myLearning: true,
        commitment: true,
      },
      usefulness: {
        scope: "person",
        visibility: "writer",
        noun: "usefulness rating",
        maxLength: 1,
        rating: { min: 1, max: 5 },
      },
    },
    acceptsAfterEnd: ["action", "usefulness"],
    confidential: false,
  },
} satisfies FormatDefinition;
