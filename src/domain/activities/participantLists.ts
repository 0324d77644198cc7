import { memo } from "../memo.js";
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

const participantsByList = new WeakMap<readonly Participant[], Map<string, Participant>>();

/**
 * A record's participants by id, made once per record read (a record is never changed once read):
 * every poll of a phase looks its people up in the same index.
 */
export function participantsById(participants: readonly Participant[]): ReadonlyMap<string, Participant> {
  return memo(participantsByList, participants, () => {
    // A list read with a few joined here added (RecentJoins.into): the read's index, copied, and those few.
    const extension = extensionOf(participants);
    const byId = extension ? new Map(participantsById(extension.base)) : new Map<string, Participant>();
    for (const p of extension?.added ?? participants) byId.set(p.userId, p);
    return byId;
  });
}
