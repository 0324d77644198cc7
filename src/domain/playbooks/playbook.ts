import type { PersonRef } from "../identity.js";

/** One step of a playbook: a library entry, with an optional note from the steward. */
export interface PlaybookItem {
  entryId: string;
  title: string;
  note?: string;
}

/**
 * An ordered checklist compiled from library entries — the codified form of a community's tacit
 * knowledge. A community's "starter reads" for newcomers are a playbook marked `starter`.
 */
export interface Playbook {
  tenantId: string;
  communityId: string;
  id: string;
  title: string;
  description: string;
  items: PlaybookItem[];
  starter: boolean;
  createdBy: PersonRef;
  updatedAt: string;
  /**
   * Proposed from a meeting (a case round's heuristics) and not yet published: only stewards see
   * it, to review and publish (or delete). Absent once published.
   */
  proposed?: { activityId: string; sessionId?: string; at: string };
  etag: string;
}

/** A playbook a meeting proposes: its steps are library entries the meeting saved. */
export interface ProposedPlaybook {
  /** Stable per activity, so a retried close proposes once. */
  id: string;
  title: string;
  description: string;
  entryIds: string[];
  activityId: string;
  sessionId?: string;
}

/** A playbook as a member sees it: with the items they ticked off. */
export interface PlaybookView extends Playbook {
  done: string[];
  canEdit: boolean;
}
