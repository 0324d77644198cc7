import { type FormatDefinition, phase } from "./formatDefinition.js";

/** Peer review: present the work, review in turns, next steps. */
export const peerReview = {
  id: "peer-review",
  name: "Peer review",
  calendar: {
    durationMinutes: 45,
    roles: ["facilitator", "observer"],
    phases: [
      phase("present", "Present the work", 10),
      phase("review", "Review in turns", 25),
      phase("next-steps", "Next steps", 10),
    ],
    groupSize: { min: 2, max: 4 },
  },
} satisfies FormatDefinition;
