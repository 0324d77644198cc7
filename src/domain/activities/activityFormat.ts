/**
 * What a structured activity format is, as data: its phases (with default durations and what
 * people may submit in each), its roles, and how people are grouped. A new format (Knowledge Café,
 * mastermind, micro-teach, case round) is a new definition of this shape plus, where it needs one,
 * a small rule of its own; the phase engine (phaseClock.ts) and the storage stay as they are.
 */

/** Things people hand in during an activity; each is stored as its own row. */
export const SUBMISSION_KINDS = ["reflection", "share", "highlight", "commitment"] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

/** Roles people hold in an activity. */
export type ActivityRole = "facilitator" | "participant";

/** One phase of a format. */
export interface PhaseDefinition {
  /** Stable id, stored in activities (`think`, `pair`, …). */
  id: string;
  /** Shown to people. */
  title: string;
  /** What people do in this phase, in one sentence (cards and the side panel show it). */
  instruction: string;
  /** Minutes the phase lasts unless the facilitator set it up otherwise. */
  defaultMinutes: number;
  /** Bounds a facilitator may choose from when setting the activity up. */
  minMinutes: number;
  maxMinutes: number;
  /** What may be submitted while this phase runs. */
  accepts: readonly SubmissionKind[];
  /** People are put into groups when this phase begins (once, stored). */
  formsGroups?: boolean;
}

/** A format: its phases in order, its roles and its grouping. */
export interface ActivityFormatDefinition {
  id: string;
  name: string;
  phases: readonly PhaseDefinition[];
  roles: readonly ActivityRole[];
  /** Group size when a phase forms groups (odd counts make one group one larger). */
  groupSize?: number;
  /** What may still be submitted after the activity ended (a commitment written later). */
  acceptsAfterEnd: readonly SubmissionKind[];
}
