/** The roles people take in a session. */
export const SESSION_ROLES = [
  "facilitator",
  "note-taker",
  "hot-seat",
  "micro-teacher",
  "observer",
  "on-call-expert",
] as const;
export type SessionRole = (typeof SESSION_ROLES)[number];

/** The formats a community runs; each is data with sensible defaults. */
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

/** What a format brings by default: how long it takes and which roles it needs. */
export interface FormatDefaults {
  durationMinutes: number;
  roles: SessionRole[];
}

export const FORMAT_DEFAULTS: Record<SessionFormat, FormatDefaults> = {
  "think-pair-share": { durationMinutes: 30, roles: ["facilitator", "note-taker"] },
  "knowledge-cafe": { durationMinutes: 60, roles: ["facilitator", "note-taker"] },
  mastermind: { durationMinutes: 60, roles: ["facilitator", "hot-seat", "note-taker"] },
  "micro-teach": { durationMinutes: 30, roles: ["micro-teacher", "facilitator", "observer"] },
  "case-round": { durationMinutes: 45, roles: ["facilitator", "hot-seat", "note-taker"] },
  "incident-retro": { durationMinutes: 60, roles: ["facilitator", "note-taker"] },
  ama: { durationMinutes: 45, roles: ["on-call-expert", "facilitator"] },
  "coaching-ourselves": { durationMinutes: 90, roles: ["facilitator", "note-taker"] },
  "peer-review": { durationMinutes: 45, roles: ["facilitator", "observer"] },
  open: { durationMinutes: 30, roles: ["facilitator"] },
};
