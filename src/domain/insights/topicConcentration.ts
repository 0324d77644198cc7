import type { EntryFact } from "./insightsFacts.js";

/** A share at or above this makes one person a topic's single point of failure (issue 17). */
export const CONCENTRATION_FLAG = 0.5;
/**
 * Below this much knowledge, or with a single entry, a topic is too young to call anyone its
 * single point of failure (one entry is always all its author's).
 */
export const MIN_TOPIC_WEIGHT = 3;
export const MIN_TOPIC_ENTRIES = 2;

export interface TopicConcentration {
  tag: string;
  /** The topic's saved and endorsed knowledge: entries, plus saves by others and helpful votes. */
  weight: number;
  entries: number;
  /** The person who holds the largest share, and that share (0..1). */
  holderId: string;
  share: number;
  flagged: boolean;
}

/**
 * Per tag, how much of the topic's knowledge one person holds. An entry weighs 1 for being written,
 * plus 1 when someone else saved it and 1 per helpful vote, and counts for its author: knowledge
 * nobody else saved or endorsed weighs least. Sorted by share, highest first.
 */
export function topicConcentration(entries: readonly EntryFact[]): TopicConcentration[] {
  const byTag = new Map<string, { weight: number; entries: number; holders: Map<string, number> }>();
  for (const entry of entries) {
    const weight = 1 + (entry.savedById !== entry.authorId ? 1 : 0) + entry.helpfulCount;
    for (const tag of new Set(entry.tags)) {
      let topic = byTag.get(tag);
      if (!topic) {
        topic = { weight: 0, entries: 0, holders: new Map() };
        byTag.set(tag, topic);
      }
      topic.weight += weight;
      topic.entries++;
      topic.holders.set(entry.authorId, (topic.holders.get(entry.authorId) ?? 0) + weight);
    }
  }
  const topics: TopicConcentration[] = [];
  for (const [tag, topic] of byTag) {
    let holderId = "";
    let held = 0;
    for (const [id, w] of topic.holders)
      if (w > held || (w === held && id < holderId)) {
        holderId = id;
        held = w;
      }
    const share = held / topic.weight;
    topics.push({
      tag,
      weight: topic.weight,
      entries: topic.entries,
      holderId,
      share,
      flagged:
        share >= CONCENTRATION_FLAG && topic.weight >= MIN_TOPIC_WEIGHT && topic.entries >= MIN_TOPIC_ENTRIES,
    });
  }
  return topics.sort((a, b) => b.share - a.share || b.weight - a.weight || a.tag.localeCompare(b.tag));
}
