import type { TFunction } from "i18next";
import type { PairingRule } from "../../api/activities.js";
import type { PersonRef } from "../../api/library.js";

const PHASE_IDS = ["think", "pair", "share", "close"] as const;
type PhaseId = (typeof PHASE_IDS)[number];
const isKnownPhase = (id: string | undefined): id is PhaseId =>
  (PHASE_IDS as readonly string[]).includes(id ?? "");

/** A phase's title in the Teams language (the server's English title for a phase the tab does not know). */
export function phaseTitle(t: TFunction, phase: { id: string; title: string } | undefined): string {
  if (!phase) return "";
  return isKnownPhase(phase.id) ? t(`activity.phase_${phase.id}`) : phase.title;
}

/** What people do in a phase, in the Teams language. */
export function phaseInstruction(
  t: TFunction,
  phase: { id: string; instruction: string } | undefined,
): string {
  if (!phase) return "";
  return isKnownPhase(phase.id) ? t(`activity.instruction_${phase.id}`) : phase.instruction;
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
