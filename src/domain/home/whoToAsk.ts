import type { EntrySearchHit } from "../library/search/searchTypes.js";
import type { Expert } from "./communityHome.js";

/**
 * People whose entries on a topic others found most helpful: the home's "who to ask" and the
 * people an unanswered question is routed to after the on-call expert.
 */
export function topExperts(hits: EntrySearchHit[], limit: number): Expert[] {
  const byPerson = new Map<string, Expert>();
  for (const hit of hits) {
    const expert = byPerson.get(hit.author.id) ?? { person: hit.author, entries: 0, helpful: 0 };
    expert.entries++;
    expert.helpful += hit.helpfulCount;
    byPerson.set(hit.author.id, expert);
  }
  return [...byPerson.values()]
    .sort((a, b) => b.helpful + b.entries - (a.helpful + a.entries))
    .slice(0, limit);
}
