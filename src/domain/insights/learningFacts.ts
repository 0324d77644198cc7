import type { LearningInteraction } from "../library/entryRepository.js";

/**
 * Where services write learning facts (the library's partition of the community, beside the
 * entries: the EntryRepository implements it). Idempotent per `key`.
 */
export interface LearningFactRecorder {
  recordInteraction(interaction: LearningInteraction): Promise<void>;
}
