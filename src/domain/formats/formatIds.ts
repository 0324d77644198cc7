/** The roles people take in a session (the calendar's rota and sign-ups). */
export const SESSION_ROLES = [
  "facilitator",
  "note-taker",
  "hot-seat",
  "micro-teacher",
  "observer",
  "on-call-expert",
] as const;
export type SessionRole = (typeof SESSION_ROLES)[number];

/** The formats a community runs; each is one definition file in definitions/, named after its id. */
export const SESSION_FORMATS = [
  "think-pair-share",
  "knowledge-cafe",
  "mastermind",
  "micro-teach",
  "case-round",
  "incident-retro",
  "ama",
  "coaching-ourselves",
  "peer-review",
  "open",
] as const;
export type SessionFormat = (typeof SESSION_FORMATS)[number];
