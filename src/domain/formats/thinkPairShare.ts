import { activityPhase, defineFormat, phase } from "./formatDefinition.js";
import { commitmentKind } from "./submissionKinds.js";

/**
 * Think-pair-share (SPEC §2): think alone and write a private reflection, talk it over in pairs,
 * share each pair's key insight with everyone, close with one commitment each. The bot runs it in
 * meetings: defaults 2/5/5 minutes (the spec's), and 3 for the close.
 */
export const thinkPairShare = defineFormat("think-pair-share", "Think-pair-share", {
  calendar: {
    roles: ["facilitator", "note-taker"],
    phases: [
      phase("intro", "Introduce the prompt", 5),
      phase("think", "Think", 2),
      phase("pair", "Pair", 5),
      phase("share", "Share", 10),
      phase("close", "Close with a commitment", 8),
    ],
    groupSize: { min: 2, max: 3 },
  },
  activity: {
    roles: ["facilitator", "participant"],
    phases: [
      activityPhase("think", "Think", {
        instruction:
          "Think about the prompt on your own and write a private reflection. Nobody else sees it.",
        minutes: { min: 1, default: 2, max: 30 },
        accepts: ["reflection"],
      }),
      activityPhase("pair", "Pair", {
        instruction:
          "Talk it over with your partner. When you have your key insight, one of you writes it down.",
        minutes: { min: 1, default: 5, max: 60 },
        accepts: ["reflection", "share"],
        grouping: { kind: "pairs" },
      }),
      activityPhase("share", "Share", {
        instruction: "Each pair shares its key insight. Either partner can write it; the other can edit.",
        minutes: { min: 1, default: 5, max: 60 },
        accepts: ["reflection", "share", "highlight"],
      }),
      activityPhase("close", "Close", {
        instruction: "Write one commitment: what will you try before next time?",
        minutes: { min: 1, default: 3, max: 30 },
        accepts: ["reflection", "share", "highlight", "commitment"],
      }),
    ],
    submissions: {
      reflection: {
        scope: "person",
        visibility: "writer",
        noun: "reflection",
        maxLength: 4000,
        myLearning: true,
      },
      share: {
        scope: "group",
        visibility: "everyone",
        noun: "key insight",
        maxLength: 4000,
        library: "each",
      },
      // The next session's check-in lists them, with names, to the community.
      commitment: commitmentKind("commitment", "everyone", 1000),
    },
    acceptsAfterEnd: ["commitment"],
  },
});
