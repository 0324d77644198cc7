/**
 * Roles one person holds for the whole activity, set at set-up (a micro-teach's teacher, an AMA's
 * on-call expert, a peer review's author, a case round's narrator): they may write the kinds kept
 * to them (`writers`) and answer the items of kinds answered by them (`answeredBy`). The hot seat
 * is not one of them: circles seat it per round. A module of its own, with no import, so the tab
 * takes the list without the engine's schemas.
 */
export const HELD_ROLES = ["teacher", "expert", "author", "narrator"] as const;
export type HeldRole = (typeof HELD_ROLES)[number];
