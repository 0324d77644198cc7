import { type FormatDefinition, phase } from "./formatDefinition.js";

/**
 * Micro-teach (reciprocal teaching): a 5–10 minute slot in any Teams meeting. One person teaches
 * one skill — the topic picked from the community's queue, the teacher its proposer or the rota's
 * micro-teacher — peers ask questions and vote for the ones to answer first, the teacher answers
 * them, and everyone writes one thing they learned. The close records that the attendees learned
 * from the teacher and saves each answered question as an answered Q&A entry crediting them.
 */
export const microTeach = {
  id: "micro-teach",
  name: "Micro-teach",
  calendar: {
    durationMinutes: 10,
    roles: ["micro-teacher", "facilitator", "observer"],
    phases: [
      phase("teach", "Teach one skill", 4),
      phase("questions", "Questions", 2),
      phase("answers", "The teacher answers", 3),
      phase("learned", "What I learned", 1),
    ],
  },
  activity: {
    id: "micro-teach",
    name: "Micro-teach",
    roles: ["facilitator", "participant", "teacher"],
    phases: [
      {
        id: "teach",
        title: "Teach",
        instruction:
          "The teacher teaches one skill in a few minutes. Their topic and notes are on the panel.",
        defaultMinutes: 4,
        minMinutes: 2,
        maxMinutes: 10,
        accepts: ["teaching-notes"],
      },
      {
        id: "teach-ask",
        title: "Questions",
        instruction: "Ask the teacher what you want to know, and vote for the questions to answer first.",
        defaultMinutes: 2,
        minMinutes: 1,
        maxMinutes: 5,
        accepts: ["teach-question"],
      },
      {
        id: "teach-answer",
        title: "Answers",
        instruction:
          "The teacher answers the questions, most voted first. The answers stay under each question.",
        defaultMinutes: 3,
        minMinutes: 1,
        maxMinutes: 10,
        accepts: ["teach-question"],
      },
      {
        id: "learned",
        title: "What I learned",
        instruction: "Everyone writes one thing they learned. It goes to your My learning.",
        defaultMinutes: 1,
        minMinutes: 1,
        maxMinutes: 5,
        accepts: ["learned"],
      },
    ],
    submissions: {
      "teaching-notes": {
        scope: "person",
        visibility: "everyone",
        noun: "teaching notes",
        plural: "teaching notes",
        maxLength: 4000,
        writers: ["teacher"],
      },
      "teach-question": {
        scope: "item",
        visibility: "everyone",
        noun: "question",
        maxLength: 500,
        votable: true,
        answeredBy: "teacher",
      },
      learned: {
        scope: "person",
        visibility: "everyone",
        noun: "thing I learned",
        plural: "things we learned",
        maxLength: 500,
        myLearning: true,
      },
    },
    acceptsAfterEnd: ["learned"],
    confidential: false,
  },
} satisfies FormatDefinition;
