import type { TFunction } from "i18next";
import type { PairingRule } from "../../api/activities.js";
import type { PersonRef } from "../../api/library.js";

/**
 * How a format's ids name their strings: camel case (`round-1` → `round1`, `table-notes` →
 * `tableNotes`, `knowledge-cafe` → `knowledgeCafe`), for phases, submission kinds and formats.
 */
export function stringKeyOf(id: string): string {
  return id.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase());
}
const keyOf = (id: string | undefined) => stringKeyOf(id ?? "");

/** A phase's title in the Teams language (the server's English title for a phase the tab does not know). */
export function phaseTitle(t: TFunction, phase: { id: string; title: string } | undefined): string {
  if (!phase) return "";
  return t(`activity.phase_${keyOf(phase.id)}` as "activity.phase_think", { defaultValue: phase.title });
}

/**
 * What people do in a phase, in the Teams language. `partners` is how many partners the reader
 * has (two in a trio: "your partners"); the stage speaks to everyone and leaves it out.
 */
export function phaseInstruction(
  t: TFunction,
  phase: { id: string; instruction: string; rule?: string } | undefined,
  partners?: number,
): string {
  if (!phase) return "";
  if (phase.id === "pair" && partners !== undefined && partners > 1)
    return t("activity.instruction_pair_group", { count: partners });
  // A module's section is told what to do by the rule it follows (its title is the module's own).
  return t(`activity.instruction_${keyOf(phase.rule ?? phase.id)}` as "activity.instruction_think", {
    defaultValue: phase.instruction,
  });
}

/** A format's name in the Teams language (the server's name for a format the tab has no words for). */
export function formatTitle(t: TFunction, view: { format: string; formatName: string }): string {
  return t(`activity.format_${stringKeyOf(view.format)}` as "activity.format_thinkPairShare", {
    defaultValue: view.formatName,
  });
}

/** How several of a format's own kind are named (a list heading: "Themes", "Table notes"). */
export function kindTitle(t: TFunction, kind: { kind: string; plural: string }): string {
  return t(`submissions.${stringKeyOf(kind.kind)}.plural` as "submissions.theme.plural", {
    defaultValue: `${kind.plural.charAt(0).toUpperCase()}${kind.plural.slice(1)}`,
  });
}

/**
 * A format's own kind's words for its form: its heading (the kind's noun when the tab has no words
 * for it), the box's label and hint, the add button; `defaultValue` for a kind the tab does not know.
 */
export function submissionText(
  t: TFunction,
  kind: { kind: string; noun: string },
  part: "heading" | "label" | "hint" | "add",
  defaultValue = part === "heading" ? kind.noun : "",
): string {
  return t(`submissions.${stringKeyOf(kind.kind)}.${part}` as "submissions.theme.heading", { defaultValue });
}

/** The words of a form a person writes one text in: its heading, and its box's label and hint. */
export interface FormWords {
  heading: string;
  label: string;
  hint: string;
}

/** A format's own kind's words for a form of one text (a table's notes, a lesson learned). */
export function kindWords(t: TFunction, kind: { kind: string; noun: string }): FormWords {
  return {
    heading: submissionText(t, kind, "heading"),
    label: submissionText(t, kind, "label"),
    hint: submissionText(t, kind, "hint"),
  };
}

export function pairingRuleLabel(t: TFunction, rule: PairingRule): string {
  return t(`activity.pairing_${rule}`);
}

/** "Ana, Ben and Cleo" in the Teams language. */
export function namesOf(people: readonly PersonRef[], locale: string): string {
  const names = people.map((p) => p.displayName);
  try {
    return new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(names);
  } catch {
    return names.join(", ");
  }
}

/** A fresh idempotency key for one click. */
export function newRequestId(): string {
  return crypto.randomUUID();
}
