import { type FormatDefinition, phase } from "./formatDefinition.js";

/** Micro-teach: one person teaches one skill in a few minutes, peers try it and give feedback. */
export const microTeach = {
  id: "micro-teach",
  name: "Micro-teach",
  calendar: {
    durationMinutes: 30,
    roles: ["micro-teacher", "facilitator", "observer"],
    phases: [
      phase("teach", "Teach one skill", 10),
      phase("practice", "Try it", 10),
      phase("feedback", "Feedback from the observer", 10),
    ],
  },
} satisfies FormatDefinition;
