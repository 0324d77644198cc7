import type { PersonRef } from "../identity.js";

/** The kinds of knowledge a community keeps. */
export const ENTRY_TYPES = ["insight", "qa", "howto", "lesson", "decision", "playbook"] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

/** People-facing names of the entry types (English; the tab localises its own). */
export const ENTRY_TYPE_LABELS: Record<EntryType, string> = {
  insight: "Insight",
  qa: "Question & answer",
  howto: "How-to",
  lesson: "Lesson learned",
  decision: "Decision record",
  playbook: "Playbook / checklist",
};

/** Where an entry came from. */
export type EntrySource =
  | {
      kind: "message";
      /** Teams message id. */
      messageId: string;
      /** Conversation (chat or channel thread) the message is in. */
      conversationId: string;
      /** Deep link back to the message (`linkToMessage`). */
      link: string;
      /** When the original message was posted. */
      postedAt: string;
    }
  | { kind: "session"; sessionId: string; meetingId?: string }
  /** Captured in a Teams meeting's chat (a pair's insight of an activity, a meeting outcome). */
  | { kind: "meeting"; conversationId: string; meetingId?: string; activityId?: string }
  | { kind: "direct" };

/** A steward's verification of an entry. */
export interface Verification {
  by: PersonRef;
  at: string;
  /** When the entry should be reviewed again; after it, the entry counts as stale. */
  reviewBy?: string;
}

/** One piece of a community's knowledge. */
export interface Entry {
  tenantId: string;
  communityId: string;
  id: string;
  type: EntryType;
  title: string;
  /** Safe markdown (sanitised on the way in). */
  body: string;
  summary: string;
  tags: string[];
  /** Who wrote the knowledge (for a saved message: the message's author). */
  author: PersonRef;
  /** Who put it in the library. */
  savedBy: PersonRef;
  source: EntrySource;
  createdAt: string;
  updatedAt: string;
  helpfulCount: number;
  verification?: Verification;
  /** For questions: whether an answer was accepted. */
  answered?: boolean;
  /** Set when the original author asked for the entry to be removed. */
  removalRequestedBy?: PersonRef;
  /** When the removal was asked for (absent on requests stored before it was recorded). */
  removalRequestedAt?: string;
  /** Why the author asked, in their words, if they said. */
  removalReason?: string;
  etag: string;
}
