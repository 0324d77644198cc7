import { type FormatDefinition, phase } from "./formatDefinition.js";

/** CoachingOurselves-style module: groups of 4–6 discuss a module, 90 minutes. */
export const coachingOurselves = {
  id: "coaching-ourselves",
  name: "CoachingOurselves module",
  calendar: {
    durationMinutes: 90,
    roles: ["facilitator", "note-taker"],
    phases: [
      phase("module", "Read the module together", 20),
      phase("groups", "Discuss in groups of 4–6", 45),
      phase("plenary", "Bring it back to the whole group", 15),
      phase("apply", "How we apply it at work", 10),
    ],
    groupSize: { min: 4, max: 6 },
  },
} satisfies FormatDefinition;
