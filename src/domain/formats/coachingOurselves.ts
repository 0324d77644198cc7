import { activityPhase, defineFormat, phase } from "./formatDefinition.js";
import { commitmentKind, groupNotesKind } from "./submissionKinds.js";

/**
 * CoachingOurselves-style module: groups of 4–6 follow, for about 90 minutes, a module a steward
 * wrote or imported (markdown sections with timings: read → reflect → exchange → actions). Each
 * section is a phase (`phasesFrom: "module"`): the groups form at the first section and stay; the
 * sections between are for the group's notes; the last section's actions become commitments with
 * check-ins. After the session each participant rates how useful it was (1–5), reported to the
 * stewards per module.
 */
export const coachingOurselves = defineFormat("coaching-ourselves", "CoachingOurselves module", {
  calendar: {
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
    roles: ["facilitator", "participant"],
    phasesFrom: "module",
    phases: [
      activityPhase("module-opening", "Opening section", {
        instruction: "Your group of 4–6 is formed. Follow the module's section together.",
        minutes: { min: 2, default: 15, max: 45 },
        grouping: { kind: "groups", size: 5, min: 4, max: 6 },
      }),
      activityPhase("module-section", "Module section", {
        instruction: "Follow the module's section with your group; anyone can keep the group's notes.",
        minutes: { min: 2, default: 15, max: 60 },
        accepts: ["module-notes"],
      }),
      activityPhase("module-actions", "Actions", {
        instruction: "Each of you writes one action to try at work: it is followed up with a check-in.",
        minutes: { min: 2, default: 15, max: 30 },
        accepts: ["module-notes", "action"],
      }),
    ],
    submissions: {
      "module-notes": groupNotesKind("group notes", "group"),
      action: commitmentKind("action", "group"),
      usefulness: {
        scope: "person",
        visibility: "writer",
        noun: "usefulness rating",
        maxLength: 1,
        rating: { min: 1, max: 5 },
      },
    },
    acceptsAfterEnd: ["action", "usefulness"],
  },
});
