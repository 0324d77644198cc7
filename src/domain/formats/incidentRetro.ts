import { defineFormat, phase } from "./formatDefinition.js";

/** Incident retrospective: timeline, contributing factors (blameless), learnings, actions. */
export const incidentRetro = defineFormat("incident-retro", "Incident retrospective", {
  calendar: {
    roles: ["facilitator", "note-taker"],
    phases: [
      phase("timeline", "Timeline", 15),
      phase("contributing", "Contributing factors (blameless)", 20),
      phase("learnings", "What we learned", 15),
      phase("actions", "Actions and owners", 10),
    ],
  },
});
