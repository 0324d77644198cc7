import { activityPhase, defineFormat, phase } from "./formatDefinition.js";

/**
 * Case round (decision walkthrough, incident retrospective): a narrator (chosen at set-up, else
 * the facilitator) tells a real case as it happened; the group asks questions only; then everyone extracts heuristics ("when X, we check
 * Y first") and votes for the ones that hold; the facilitator promotes the best into a proposed
 * playbook that a steward reviews and publishes — tacit knowledge made explicit.
 */
export const caseRound = defineFormat("case-round", "Case round", {
  calendar: {
    roles: ["facilitator", "hot-seat", "note-taker"],
    phases: [
      phase("case", "The case, as it was decided", 10),
      phase("walkthrough", "Decision walkthrough: options and reasons", 20),
      phase("lessons", "What we would do again", 15),
    ],
  },
  activity: {
    roles: ["facilitator", "participant", "narrator"],
    phases: [
      activityPhase("narrate", "The case", {
        instruction:
          "The narrator tells the case as it happened: the situation, the options, what was decided and why.",
        minutes: { min: 5, default: 10, max: 20 },
        accepts: ["case"],
      }),
      activityPhase("ask", "Questions only", {
        instruction: "Ask what you need to understand the case. No advice and no judgement yet.",
        minutes: { min: 5, default: 10, max: 20 },
        accepts: ["case-question"],
      }),
      activityPhase("extract", "Heuristics", {
        instruction:
          "Write the rules of thumb the case teaches (“when X, we check Y first”) and vote for the ones that hold.",
        minutes: { min: 5, default: 15, max: 25 },
        accepts: ["heuristic"],
      }),
      activityPhase("promote", "Into a playbook", {
        instruction:
          "The facilitator promotes the best heuristics: they become a playbook a steward reviews and publishes.",
        minutes: { min: 2, default: 5, max: 15 },
        accepts: ["heuristic"],
      }),
    ],
    submissions: {
      case: { scope: "person", visibility: "everyone", noun: "case", maxLength: 4000, writers: ["narrator"] },
      "case-question": { scope: "item", visibility: "everyone", noun: "question", maxLength: 500 },
      heuristic: {
        scope: "item",
        visibility: "everyone",
        noun: "heuristic",
        maxLength: 500,
        votable: true,
        promote: "playbook",
      },
    },
  },
});
