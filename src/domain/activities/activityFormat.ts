import { ValidationError } from "../errors.js";
import { type GroupingStrategy, parseGroupingStrategy, rolesKeptOut } from "./grouping/groupingStrategy.js";
import { HELD_ROLES, type HeldRole } from "./heldRoles.js";

export type { GroupingStrategy } from "./grouping/groupingStrategy.js";

/**
 * What a structured activity format is, as data: its phases (with default durations and what
 * people may submit in each), its roles, how people are grouped, and what they submit (who sees
 * it, how it is stored, whether it reaches the library). A new format (Knowledge Café, mastermind,
 * micro-teach, case round) is a new definition of this shape in src/domain/formats plus, where it
 * needs one, a small rule of its own; the phase engine (phaseClock.ts) and the storage stay as
 * they are.
 */

/**
 * Something people hand in during an activity, named by its format (`reflection`, `share`,
 * `harvest`, `goal`, …) and declared in its `submissions`. `highlight` is the engine's own: the
 * facilitator marks a group's shared text.
 */
export type SubmissionKind = string;

/** The facilitator's mark on a group's shared text (the wall shows highlighted ones first). */
export const HIGHLIGHT = "highlight";

/** Roles people hold in an activity. */
export const ACTIVITY_ROLES = [
  "facilitator",
  "participant",
  "hot-seat",
  "note-taker",
  "teacher",
  "expert",
  "observer",
  "author",
  "narrator",
] as const;
export type ActivityRole = (typeof ACTIVITY_ROLES)[number];

export { HELD_ROLES, type HeldRole } from "./heldRoles.js";

/** Who may be named in `writers`: the hot seat of one's circle, or a role held for the activity. */
export type WriterRole = "hot-seat" | HeldRole;

/**
 * How a submission is stored: `person` — one per person, a new one replaces theirs; `group` — one
 * per group, written by any member and edited under an ETag (never silently overwritten); `item` —
 * many per person, each kept as it was sent (questions, advice, themes).
 */
export type SubmissionScope = "person" | "group" | "item";

/**
 * Who reads a submission: its `writer` only, the writer's `group`, `everyone` in the activity, or
 * the `facilitator` (and the writer).
 */
export type SubmissionVisibility = "writer" | "group" | "everyone" | "facilitator";

/** One kind of submission a format takes. */
export interface SubmissionDefinition {
  scope: SubmissionScope;
  visibility: SubmissionVisibility;
  /** How people and messages name it ("reflection", "key insight"). */
  noun: string;
  /** Its plural, when adding an "s" is wrong ("table notes"). */
  plural?: string;
  maxLength: number;
  /**
   * When the activity closes it is saved to the community's library: `each` as an entry of its
   * own (one per group or item), `harvest` together with the other harvested kinds as one entry
   * of the whole activity. Never in a confidential format, unless its author publishes it.
   */
  library?: "each" | "harvest";
  /** A copy goes to the writer's My learning (reflections, commitments). */
  myLearning?: boolean;
  /** It is a commitment: followed up at the next session and on its due date. */
  commitment?: boolean;
  /**
   * Kept across the community's sessions (a mastermind member's goals): each person's latest is
   * shown to them and to whom the kind's visibility allows at the next session, until they write
   * a new one. A person's own kind.
   */
  register?: boolean;
  /**
   * People taking part vote for others' items of it, once each (themes that matter most, the
   * questions to answer first); the lists show the most voted first. An item kind.
   */
  votable?: boolean;
  /**
   * Those who steer promote the best items of it into a proposed playbook (a case round's
   * heuristics): at the close each promoted item becomes a library entry and the playbook lists
   * them, for a steward to review and publish. An item kind.
   */
  promote?: "playbook";
  /**
   * Who may write it: anyone taking part by default; `["hot-seat"]`, only the person on their
   * circle's hot seat (their challenge, their lesson); `["teacher"]` or `["expert"]`, only the
   * person holding that role in the activity (a micro-teach's notes).
   */
  writers?: readonly WriterRole[];
  /** The holder of this role does not write it (a peer review's author reviews not their own draft). */
  notBy?: HeldRole;
  /**
   * The holder of this role answers its items (a micro-teach's teacher, an AMA's expert): each
   * answer is kept with its item and shown under it, and at the close each answered item becomes
   * an answered Q&A entry in the library crediting the answerer. An item kind.
   */
  answeredBy?: HeldRole;
  /**
   * At the close, its items nobody answered go to the community as open questions and on to the
   * ask-the-community routing (an AMA's questions the expert had no time for). With `answeredBy`.
   */
  routeUnanswered?: boolean;
  /**
   * People may ask it ahead of a scheduled session (an AMA's card to the channel a day before):
   * an activity set up for that session starts with those as its first items. An item kind.
   */
  askedAhead?: boolean;
  /**
   * In a confidential format, its author may publish it to the library without their name (a
   * hot-seat person's de-identified lesson). A person's own kind.
   */
  publishable?: boolean;
  /**
   * The text is a whole number from `min` to `max` (a one-question usefulness rating, 1–5): a
   * person's own kind, reported only together (count, average, distribution), never one by one.
   */
  rating?: { min: number; max: number };
  /**
   * Written criterion by criterion against the activity's rubric (given at set-up, else the
   * community's; see rubric.ts): one text per criterion, kept as one submission, shown per
   * criterion (a peer review's feedback, the author's changes). Promoted into a playbook, its
   * items make the rubric with examples, without names. A person's own or an item kind.
   */
  perCriterion?: boolean;
  /**
   * Its writer builds it from the items of another kind written per criterion (a peer review's
   * author, their changes from the reviewers' feedback): on each criterion of such an item the
   * side panel and the chat's dialog offer "I will change this", which takes those words into this
   * kind's text for that criterion. Both kinds are written per criterion.
   */
  adopts?: SubmissionKind;
}

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
  /** What may be submitted while this phase runs (kinds of the format's `submissions`, or `highlight`). */
  accepts: readonly SubmissionKind[];
  /**
   * New groups are formed when this phase begins (once per activity and phase, stored; see
   * grouping/ and docs/grouping.md); a phase without keeps the groups it finds, and `none` ends them.
   */
  grouping?: GroupingStrategy;
  /** The facilitator may leave the phase out at set-up (0 minutes): a third café round. */
  optional?: boolean;
}

/** Whether a format takes a kind written per criterion (its activities need a rubric). */
export function takesRubric(format: Pick<ActivityFormatDefinition, "submissions">): boolean {
  return Object.values(format.submissions).some((d) => d.perCriterion);
}

/** The roles of a format held by one person for the whole activity (see {@link HELD_ROLES}). */
export function heldRolesOf(format: Pick<ActivityFormatDefinition, "roles">): HeldRole[] {
  return HELD_ROLES.filter((role) => format.roles.includes(role));
}

/** A format: its phases in order, its roles, its grouping and its submissions. */
export interface ActivityFormatDefinition {
  id: string;
  name: string;
  phases: readonly PhaseDefinition[];
  roles: readonly ActivityRole[];
  /** Every kind of submission the format takes, by kind. */
  submissions: Readonly<Record<SubmissionKind, SubmissionDefinition>>;
  /** What may still be submitted after the activity ended (a commitment written later). */
  acceptsAfterEnd: readonly SubmissionKind[];
  /**
   * Nothing leaves the activity — library, search, insights, anyone else's cards or API answers —
   * unless its author chooses to publish it (mastermind).
   */
  confidential: boolean;
  /**
   * Where the phases come from: absent, the format's own `phases`; `"module"`, the timed sections
   * of a module picked at set-up (a CoachingOurselves-style module), each section one phase. The
   * format's `phases` are then the rules the sections follow (see {@link SECTION_RULES}): what they
   * take, how they group, their minutes' bounds; the title and text come from the section.
   */
  phasesFrom?: "module";
}

/**
 * With `phasesFrom`, the format declares three phases as rules, in this order: the first section
 * follows the first (it forms the groups), the last section the third (the actions), every section
 * between the second.
 */
export const SECTION_RULES = ["first", "between", "last"] as const;

/** How messages name several of a kind. */
export function pluralOf(definition: SubmissionDefinition): string {
  return definition.plural ?? `${definition.noun}s`;
}

/** The definition of one kind in a format; undefined when the format takes no such submission. */
export function submissionOf(
  format: ActivityFormatDefinition,
  kind: SubmissionKind,
): SubmissionDefinition | undefined {
  return Object.hasOwn(format.submissions, kind) ? format.submissions[kind] : undefined;
}

/**
 * Why a definition cannot run, or an empty list: unique phase ids, minutes inside their bounds,
 * and every kind a phase accepts declared. Checked by the registry's tests for every format.
 */
export function definitionProblems(format: ActivityFormatDefinition): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const phase of format.phases) {
    if (ids.has(phase.id)) problems.push(`phase "${phase.id}" appears twice`);
    ids.add(phase.id);
    if (!(phase.minMinutes <= phase.defaultMinutes && phase.defaultMinutes <= phase.maxMinutes))
      problems.push(`phase "${phase.id}": default minutes outside their bounds`);
    if (phase.grouping)
      try {
        parseGroupingStrategy(phase.grouping);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        problems.push(`phase "${phase.id}": ${error.message}`);
      }
    for (const role of rolesKeptOut(phase.grouping))
      if (!(HELD_ROLES as readonly string[]).includes(role) || !format.roles.includes(role as HeldRole))
        problems.push(
          `phase "${phase.id}" keeps the ${role} out of its groups, not a held role of the format`,
        );
    for (const kind of phase.accepts)
      if (kind !== HIGHLIGHT && !submissionOf(format, kind))
        problems.push(`phase "${phase.id}" accepts "${kind}", which the format does not declare`);
  }
  if (format.phasesFrom && format.phases.length !== SECTION_RULES.length)
    problems.push(
      `phases come from a ${format.phasesFrom}: declare ${SECTION_RULES.length} as the rules of its first, middle and last sections`,
    );
  for (const kind of format.acceptsAfterEnd)
    if (!submissionOf(format, kind)) problems.push(`"${kind}" after the end is not declared`);
  for (const [kind, definition] of Object.entries(format.submissions)) {
    if (!/^[a-z][a-z-]{0,30}$/.test(kind)) problems.push(`submission kind "${kind}" is not a plain word`);
    if (format.confidential && definition.library)
      problems.push(`"${kind}" goes to the library, but the format is confidential`);
    for (const role of definition.writers ?? [])
      if (!format.roles.includes(role))
        problems.push(`"${kind}" is written by the ${role}, a role the format does not declare`);
    if (definition.notBy && !format.roles.includes(definition.notBy))
      problems.push(
        `"${kind}" is not written by the ${definition.notBy}, a role the format does not declare`,
      );
    if (definition.answeredBy && definition.scope !== "item")
      problems.push(`"${kind}" is answered item by item, so its scope is "item"`);
    if (definition.answeredBy && !format.roles.includes(definition.answeredBy))
      problems.push(
        `"${kind}" is answered by the ${definition.answeredBy}, a role the format does not declare`,
      );
    if (definition.answeredBy && format.confidential)
      problems.push(`"${kind}" becomes Q&A entries, but the format is confidential`);
    if (definition.askedAhead && definition.scope !== "item")
      problems.push(`"${kind}" is asked ahead item by item, so its scope is "item"`);
    if (definition.routeUnanswered && !definition.answeredBy)
      problems.push(`"${kind}" routes unanswered items, so someone answers it ("answeredBy")`);
    if (definition.promote && definition.scope !== "item")
      problems.push(`"${kind}" is promoted item by item, so its scope is "item"`);
    if (definition.promote && format.confidential)
      problems.push(`"${kind}" is promoted into a playbook, but the format is confidential`);
    if (definition.votable && definition.scope !== "item")
      problems.push(`"${kind}" is voted for item by item, so its scope is "item"`);
    if (definition.rating && definition.scope !== "person")
      problems.push(`"${kind}" is a rating, one per person, so its scope is "person"`);
    if (
      definition.rating &&
      !(Number.isInteger(definition.rating.min) && definition.rating.min < definition.rating.max)
    )
      problems.push(`"${kind}" rates from a whole number up to a larger one`);
    if (definition.perCriterion && definition.scope === "group")
      problems.push(`"${kind}" is written per criterion, so one person writes it (scope "person" or "item")`);
    if (
      definition.perCriterion &&
      (definition.register || definition.publishable || definition.answeredBy || definition.askedAhead)
    )
      problems.push(
        `"${kind}" is written per criterion, so it is not kept, published, answered or asked ahead`,
      );
    if (definition.adopts) {
      const adopted = submissionOf(format, definition.adopts);
      if (!definition.perCriterion || !adopted?.perCriterion)
        problems.push(
          `"${kind}" adopts "${definition.adopts}": both must be declared and written per criterion`,
        );
    }
    if ((definition.register || definition.publishable) && definition.scope !== "person")
      problems.push(`"${kind}" is kept or published per person, so its scope is "person"`);
  }
  return problems;
}
