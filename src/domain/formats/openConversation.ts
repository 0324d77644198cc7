import { defineFormat, phase } from "./formatDefinition.js";

/** An open conversation with no fixed structure. */
export const openConversation = defineFormat("open", "Open conversation", {
  calendar: {
    roles: ["facilitator"],
    phases: [phase("open", "Open conversation", 30)],
  },
});
