import { type FormatDefinition, phase } from "./formatDefinition.js";

/**
 * Mastermind circle: 4–8 members who meet again and again. Check-in on goals (kept from one
 * session to the next) and last commitments; one member on the hot seat presents a challenge, the
 * circle asks clarifying questions only, then gives advice; everyone commits to a next step.
 * The hot seat rotates fairly across sessions (the community's queue, visible and swappable);
 * more than 8 people make several circles, each with its own hot seat. Confidential: nothing
 * leaves the circle — library, search, insights, anyone else's cards or API — unless the hot-seat
 * person publishes a de-identified lesson.
 */
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
  activity: {
    id: "mastermind",
    name: "Mastermind circle",
    roles: ["facilitator", "participant", "hot-seat"],
    phases: [
      {
        id: "welcome",
        title: "Welcome",
        instruction: "Join the circle. Circles and hot seats are set when the check-in begins.",
        defaultMinutes: 2,
        minMinutes: 1,
        maxMinutes: 10,
        accepts: [],
      },
      {
        id: "check-in",
        title: "Check-in",
        instruction:
          "Each member in turn: where are you with your goal, and with what you committed to last time?",
        defaultMinutes: 10,
        minMinutes: 5,
        maxMinutes: 20,
        accepts: ["goal"],
        grouping: { kind: "hotSeat", min: 4, max: 8 },
      },
      {
        id: "hot-seat",
        title: "Hot seat: the challenge",
        instruction: "The person on the hot seat presents their challenge. Everyone else listens.",
        defaultMinutes: 10,
        minMinutes: 5,
        maxMinutes: 15,
        accepts: ["challenge"],
      },
      {
        id: "questions",
        title: "Clarifying questions",
        instruction: "Questions only, no advice yet: help the hot seat see the challenge more clearly.",
        defaultMinutes: 10,
        minMinutes: 5,
        maxMinutes: 15,
        accepts: ["question"],
      },
      {
        id: "advice",
        title: "Ideas and advice",
        instruction: "Each member offers ideas and experience. The hot seat listens and takes notes.",
        defaultMinutes: 20,
        minMinutes: 5,
        maxMinutes: 30,
        accepts: ["advice"],
      },
      {
        id: "commitments",
        title: "Commitments",
        instruction: "Everyone commits to one next step before the next session.",
        defaultMinutes: 10,
        minMinutes: 5,
        maxMinutes: 15,
        accepts: ["commitment", "lesson"],
      },
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
      commitment: {
        scope: "person",
        visibility: "group",
        noun: "commitment",
        maxLength: 500,
        myLearning: true,
        commitment: true,
      },
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
} satisfies FormatDefinition;
