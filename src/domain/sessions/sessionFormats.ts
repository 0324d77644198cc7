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

/** One step of a format's plan, with its default minutes. */
export interface FormatPhase {
  id: string;
  /** English title; the tab translates `phases.{id}`. */
  title: string;
  minutes: number;
}

/** What a format brings by default: how long it takes, which roles it needs, how it runs. */
export interface FormatDefaults {
  durationMinutes: number;
  roles: SessionRole[];
  /** The plan of the session; the minutes add up to the duration. */
  phases: FormatPhase[];
  /** People per group where the format splits the room (pairs, tables, circles). */
  groupSize?: { min: number; max: number };
  /** The bot's activity engine runs the phases in the meeting (src/domain/activities). */
  runsInMeeting: boolean;
}

const phase = (id: string, title: string, minutes: number): FormatPhase => ({ id, title, minutes });

/**
 * The formats a community runs, as data. Durations and phases follow the formats' usual shape:
 * a think-pair-share workshop (the bot runs it), a Knowledge Café (café rounds at small tables and
 * a harvest), a mastermind circle with one person in the hot seat, a micro-teach of a single
 * skill, a case round walking through a decision, an incident retrospective, an AMA with the
 * on-call expert, a CoachingOurselves-style module (groups of 4–6 discuss a module, 90 minutes),
 * and a peer review.
 */
export const FORMAT_DEFAULTS: Record<SessionFormat, FormatDefaults> = {
  "think-pair-share": {
    durationMinutes: 30,
    roles: ["facilitator", "note-taker"],
    phases: [
      phase("intro", "Introduce the prompt", 5),
      phase("think", "Think", 2),
      phase("pair", "Pair", 5),
      phase("share", "Share", 10),
      phase("close", "Close with a commitment", 8),
    ],
    groupSize: { min: 2, max: 3 },
    runsInMeeting: true,
  },
  "knowledge-cafe": {
    durationMinutes: 60,
    roles: ["facilitator", "note-taker"],
    phases: [
      phase("intro", "Introduce the question", 10),
      phase("round-1", "Café round 1", 15),
      phase("round-2", "Café round 2 (new tables)", 15),
      phase("harvest", "Harvest together", 20),
    ],
    groupSize: { min: 3, max: 5 },
    runsInMeeting: false,
  },
  mastermind: {
    durationMinutes: 60,
    roles: ["facilitator", "hot-seat", "note-taker"],
    phases: [
      phase("check-in", "Check-in", 10),
      phase("hot-seat", "Hot seat: the challenge", 10),
      phase("questions", "Clarifying questions", 10),
      phase("advice", "Ideas and advice", 20),
      phase("commitments", "Commitments", 10),
    ],
    groupSize: { min: 4, max: 8 },
    runsInMeeting: false,
  },
  "micro-teach": {
    durationMinutes: 30,
    roles: ["micro-teacher", "facilitator", "observer"],
    phases: [
      phase("teach", "Teach one skill", 10),
      phase("practice", "Try it", 10),
      phase("feedback", "Feedback from the observer", 10),
    ],
    runsInMeeting: false,
  },
  "case-round": {
    durationMinutes: 45,
    roles: ["facilitator", "hot-seat", "note-taker"],
    phases: [
      phase("case", "The case, as it was decided", 10),
      phase("walkthrough", "Decision walkthrough: options and reasons", 20),
      phase("lessons", "What we would do again", 15),
    ],
    runsInMeeting: false,
  },
  "incident-retro": {
    durationMinutes: 60,
    roles: ["facilitator", "note-taker"],
    phases: [
      phase("timeline", "Timeline", 15),
      phase("contributing", "Contributing factors (blameless)", 20),
      phase("learnings", "What we learned", 15),
      phase("actions", "Actions and owners", 10),
    ],
    runsInMeeting: false,
  },
  ama: {
    durationMinutes: 45,
    roles: ["on-call-expert", "facilitator"],
    phases: [phase("questions", "Questions to the on-call expert", 40), phase("wrap-up", "Wrap-up", 5)],
    runsInMeeting: false,
  },
  "coaching-ourselves": {
    durationMinutes: 90,
    roles: ["facilitator", "note-taker"],
    phases: [
      phase("module", "Read the module together", 20),
      phase("groups", "Discuss in groups of 4–6", 45),
      phase("plenary", "Bring it back to the whole group", 15),
      phase("apply", "How we apply it at work", 10),
    ],
    groupSize: { min: 4, max: 6 },
    runsInMeeting: false,
  },
  "peer-review": {
    durationMinutes: 45,
    roles: ["facilitator", "observer"],
    phases: [
      phase("present", "Present the work", 10),
      phase("review", "Review in turns", 25),
      phase("next-steps", "Next steps", 10),
    ],
    groupSize: { min: 2, max: 4 },
    runsInMeeting: false,
  },
  open: {
    durationMinutes: 30,
    roles: ["facilitator"],
    phases: [phase("open", "Open conversation", 30)],
    runsInMeeting: false,
  },
};
