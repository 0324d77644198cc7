import { type FormatDefinition, phase } from "./formatDefinition.js";

/** AMA with the on-call expert: questions collected and answered live. */
export const ama = {
  id: "ama",
  name: "AMA with the on-call expert",
  calendar: {
    durationMinutes: 45,
    roles: ["on-call-expert", "facilitator"],
    phases: [phase("questions", "Questions to the on-call expert", 40), phase("wrap-up", "Wrap-up", 5)],
  },
} satisfies FormatDefinition;
