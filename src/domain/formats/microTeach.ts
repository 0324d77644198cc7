import { activityPhase, defineFormat, phase } from "./formatDefinition.js";
import { answeredQuestionKind } from "./submissionKinds.js";

/**
 * Micro-teach (reciprocal teaching): a 5–10 minute slot in any Teams meeting. One person teaches
 * one skill — the topic picked from the community's queue, the teacher its proposer or the rota's
 * micro-teacher — peers ask questions and vote for the ones to answer first, the teacher answers
 * them, and everyone writes one thing they learned. The close records that the attendees learned
 * from the teacher and saves each answered question as an answered Q&A entry crediting them.
 */
export const microTeach = defineFormat("micro-teach", "Micro-teach", {
  calendar: {
    roles: ["micro-teacher", "facilitator", "observer"],
    phases: [
      phase("teach", "Teach one skill", 4),
      phase("questions", "Questions", 2),
      phase("answers", "The teacher answers", 3),
      phase("learned", "What I learned", 1),
    ],
  },
  activity: {
    roles: ["facilitator", "participant", "teacher"],
    phases: [
      activityPhase("teach", "Teach", {
        instruction:
          "The teacher teaches one skill in a few minutes. Their topic and notes are on the panel.",
        minutes: { min: 2, default: 4, max: 10 },
        accepts: ["teaching-notes"],
      }),
      activityPhase("teach-ask", "Questions", {
        instruction: "Ask the teacher what you want to know, and vote for the questions to answer first.",
        minutes: { min: 1, default: 2, max: 5 },
        accepts: ["teach-question"],
      }),
      activityPhase("teach-answer", "Answers", {
        instruction:
          "The teacher answers the questions, most voted first. The answers stay under each question.",
        minutes: { min: 1, default: 3, max: 10 },
        accepts: ["teach-question"],
      }),
      activityPhase("learned", "What I learned", {
        instruction: "Everyone writes one thing they learned. It goes to your My learning.",
        minutes: { min: 1, default: 1, max: 5 },
        accepts: ["learned"],
      }),
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
      "teach-question": answeredQuestionKind("teacher"),
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
  },
});
