import { type FormatDefinition, phase } from "./formatDefinition.js";

/**
 * AMA with the on-call expert: the community's on-call expert (from the rota, or chosen at set-up)
 * answers questions collected before the session (a card to the channel a day ahead) and during
 * it, upvoted so the most wanted come first. Answered questions become answered Q&A entries
 * crediting the expert; unanswered ones go to the community as open questions and on to the
 * ask-the-community routing.
 */
export const ama = {
  id: "ama",
  name: "AMA with the on-call expert",
  calendar: {
    durationMinutes: 45,
    roles: ["on-call-expert", "facilitator"],
    phases: [phase("questions", "Questions to the on-call expert", 40), phase("wrap-up", "Wrap-up", 5)],
  },
  activity: {
    id: "ama",
    name: "AMA with the on-call expert",
    roles: ["facilitator", "participant", "expert"],
    phases: [
      {
        id: "ama-ask",
        title: "Ask the expert",
        instruction:
          "Ask the expert and vote for the questions you want answered first. The expert answers live, most voted first.",
        defaultMinutes: 40,
        minMinutes: 10,
        maxMinutes: 60,
        accepts: ["ama-question"],
      },
      {
        id: "ama-wrap-up",
        title: "Wrap-up",
        instruction:
          "The expert answers the last questions. Those left open go to the community's open questions.",
        defaultMinutes: 5,
        minMinutes: 2,
        maxMinutes: 15,
        accepts: [],
      },
    ],
    submissions: {
      "ama-question": {
        scope: "item",
        visibility: "everyone",
        noun: "question",
        maxLength: 500,
        votable: true,
        answeredBy: "expert",
        routeUnanswered: true,
        askedAhead: true,
      },
    },
    acceptsAfterEnd: [],
    confidential: false,
  },
} satisfies FormatDefinition;
