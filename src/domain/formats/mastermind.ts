import { activityPhase, defineFormat, phase } from "./formatDefinition.js";
import { commitmentKind } from "./submissionKinds.js";

/**
 * Mastermind circle: 4–8 members who meet again and again. Check-in on goals (kept from one
 * session to the next) and last commitments; one member on the hot seat presents a challenge, the
 * circle asks clarifying questions only, then gives advice; everyone commits to a next step.
 * The hot seat rotates fairly across sessions (the community's queue, visible and swappable);
 * more than 8 people make several circles, each with its own hot seat. Confidential: nothing
 * leaves the circle — library, search, insights, anyone else's cards or API — unless the hot-seat
 * person publishes a de-identified lesson.
 */
export const mastermind = defineFormat("mastermind", "Mastermind circle", {
  calendar: {
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
  activity: {
    roles: ["facilitator", "participant", "hot-seat"],
    phases: [
      activityPhase("welcome", "Welcome", {
        instruction: "Join the circle. Circles and hot seats are set when the check-in begins.",
        minutes: { min: 1, default: 2, max: 10 },
      }),
      activityPhase("check-in", "Check-in", {
        instruction:
          "Each member in turn: where are you with your goal, and with what you committed to last time?",
        minutes: { min: 5, default: 10, max: 20 },
        accepts: ["goal"],
        grouping: { kind: "hotSeat", min: 4, max: 8 },
      }),
      activityPhase("hot-seat", "Hot seat: the challenge", {
        instruction: "The person on the hot seat presents their challenge. Everyone else listens.",
        minutes: { min: 5, default: 10, max: 15 },
        accepts: ["challenge"],
      }),
      activityPhase("questions", "Clarifying questions", {
        instruction: "Questions only, no advice yet: help the hot seat see the challenge more clearly.",
        minutes: { min: 5, default: 10, max: 15 },
        accepts: ["question"],
      }),
      activityPhase("advice", "Ideas and advice", {
        instruction: "Each member offers ideas and experience. The hot seat listens and takes notes.",
        minutes: { min: 5, default: 20, max: 30 },
        accepts: ["advice"],
      }),
      activityPhase("commitments", "Commitments", {
        instruction: "Everyone commits to one next step before the next session.",
        minutes: { min: 5, default: 10, max: 15 },
        accepts: ["commitment", "lesson"],
      }),
    ],
    submissions: {
      goal: { scope: "person", visibility: "group", noun: "goal", maxLength: 500, register: true },
      challenge: {
        scope: "person",
        visibility: "group",
        noun: "challenge",
        maxLength: 2000,
        writers: ["hot-seat"],
      },
      question: { scope: "item", visibility: "group", noun: "question", maxLength: 500 },
      advice: {
        scope: "item",
        visibility: "group",
        noun: "piece of advice",
        plural: "pieces of advice",
        maxLength: 1000,
      },
      commitment: commitmentKind("commitment", "group"),
      lesson: {
        scope: "person",
        visibility: "writer",
        noun: "lesson",
        maxLength: 2000,
        writers: ["hot-seat"],
        publishable: true,
      },
    },
    acceptsAfterEnd: ["commitment", "lesson"],
    confidential: true,
  },
});
