import { type FormatDefinition, phase } from "./formatDefinition.js";

/**
 * Think-pair-share (SPEC §2): think alone and write a private reflection, talk it over in pairs,
 * share each pair's key insight with everyone, close with one commitment each. The bot runs it in
 * meetings: defaults 2/5/5 minutes (the spec's), and 3 for the close.
 */
export const thinkPairShare = {
  id: "think-pair-share",
  name: "Think-pair-share",
  calendar: {
    durationMinutes: 30,
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
    id: "think-pair-share",
    name: "Think-pair-share",
    roles: ["facilitator", "participant"],
    phases: [
      {
        id: "think",
        title: "Think",
        instruction:
          "Think about the prompt on your own and write a private reflection. Nobody else sees it.",
        defaultMinutes: 2,
        minMinutes: 1,
        maxMinutes: 30,
        accepts: ["reflection"],
      },
      {
        id: "pair",
        title: "Pair",
        instruction:
          "Talk it over with your partner. When you have your key insight, one of you writes it down.",
        defaultMinutes: 5,
        minMinutes: 1,
        maxMinutes: 60,
        accepts: ["reflection", "share"],
        grouping: { kind: "pairs" },
      },
      {
        id: "share",
        title: "Share",
        instruction: "Each pair shares its key insight. Either partner can write it; the other can edit.",
        defaultMinutes: 5,
        minMinutes: 1,
        maxMinutes: 60,
        accepts: ["reflection", "share", "highlight"],
      },
      {
        id: "close",
        title: "Close",
        instruction: "Write one commitment: what will you try before next time?",
        defaultMinutes: 3,
        minMinutes: 1,
        maxMinutes: 30,
        accepts: ["reflection", "share", "highlight", "commitment"],
      },
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
      commitment: {
        scope: "person",
        // The next session's check-in lists them, with names, to the community.
        visibility: "everyone",
        noun: "commitment",
        maxLength: 1000,
        myLearning: true,
        commitment: true,
      },
    },
    acceptsAfterEnd: ["commitment"],
    confidential: false,
  },
} satisfies FormatDefinition;
