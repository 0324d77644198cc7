import type { Participant } from "./activity.js";

/** A record's participants made of a list read and a few added to it here (see RecentJoins.into). */
export interface ExtendedList {
  base: readonly Participant[];
  added: readonly Participant[];
}

const extended = new WeakMap<readonly Participant[], ExtendedList>();

/**
 * `base` with `added` after it (people it does not hold yet), remembered as made so: what is
 * worked out per list (names by id) is then worked out for `base` once and for `added` alone,
 * where each late joiner's answer would otherwise index the whole activity again.
 */
export function extendParticipants(
  base: readonly Participant[],
  added: readonly Participant[],
): Participant[] {
  const list = [...base, ...added];
  extended.set(list, { base, added });
  return list;
}

/** How the list was made by {@link extendParticipants}, if it was. */
export function extensionOf(list: readonly Participant[]): ExtendedList | undefined {
  return extended.get(list);
}
