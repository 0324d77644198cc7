import { activityPhase, defineFormat, phase } from "./formatDefinition.js";
import { answeredQuestionKind } from "./submissionKinds.js";

/**
 * AMA with the on-call expert: the community's on-call expert (from the rota, or chosen at set-up)
 * answers questions collected before the session (a card to the channel a day ahead) and during
 * it, upvoted so the most wanted come first. Answered questions become answered Q&A entries
 * crediting the expert; unanswered ones go to the community as open questions and on to the
 * ask-the-community routing.
 */
export const ama = defineFormat("ama", "AMA with the on-call expert", {
  calendar: {
    roles: ["on-call-expert", "facilitator"],
    phases: [phase("questions", "Questions to the on-call expert", 40), phase("wrap-up", "Wrap-up", 5)],
  },
  activity: {
    roles: ["facilitator", "participant", "expert"],
    phases: [
      activityPhase("ama-ask", "Ask the expert", {
        instruction:
          "Ask the expert and vote for the questions you want answered first. The expert answers live, most voted first.",
        minutes: { min: 10, default: 40, max: 60 },
        accepts: ["ama-question"],
      }),
      activityPhase("ama-wrap-up", "Wrap-up", {
        instruction:
          "The expert answers the last questions. Those left open go to the community's open questions.",
        minutes: { min: 2, default: 5, max: 15 },
      }),
    ],
    submissions: {
      "ama-question": { ...answeredQuestionKind("expert"), routeUnanswered: true, askedAhead: true },
    },
  },
});
