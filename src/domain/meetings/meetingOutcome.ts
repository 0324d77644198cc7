import { z } from "zod";
import type { PersonRef } from "../identity.js";
import { isRealDate } from "../strictDates.js";
import { personText } from "../validation.js";

/** What can be captured from a meeting's chat (SPEC §2, meeting outcomes). */
export const OUTCOME_KINDS = ["decision", "action", "insight"] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export const OUTCOME_LABELS: Record<OutcomeKind, string> = {
  decision: "Decision",
  action: "Action item",
  insight: "Insight",
};

/** One outcome captured in a meeting chat. */
export interface MeetingOutcome {
  tenantId: string;
  /** The meeting chat (or channel conversation) it was captured in. */
  conversationId: string;
  /** Derived from the capturing request, so a retried capture finds the first. */
  id: string;
  kind: OutcomeKind;
  text: string;
  /** Action items: who does it. */
  owner?: PersonRef;
  /** Action items: by when (YYYY-MM-DD). */
  due?: string;
  /** The community its library entry goes to, when the capturer chose one. */
  communityId?: string;
  /** `channelData.meeting.id`, when captured in a meeting. */
  meetingId?: string;
  capturedBy: PersonRef;
  at: string;
  /** Set once an outcomes card reported it (at a meeting's end). */
  reportedAt?: string;
  /** The library entry it was saved as. */
  entryId?: string;
}

/** An action item as its owner's My learning lists it. */
export interface MyActionItem {
  outcomeId: string;
  conversationId: string;
  meetingId?: string;
  communityId?: string;
  text: string;
  due?: string;
  capturedBy: PersonRef;
  at: string;
}

export const outcomeSchema = z
  .object({
    kind: z.enum(OUTCOME_KINDS, { message: "Pick decision, action item or insight." }),
    text: personText(
      z
        .string()
        .trim()
        .min(3, "Write the outcome in at least 3 characters.")
        .max(2000, "Keep the outcome under 2,000 characters."),
      { required_error: "Write the outcome first." },
    ),
    ownerId: z.string().trim().max(200).optional(),
    due: z
      .string()
      .trim()
      .refine(isRealDate, "Give the due date as YYYY-MM-DD (a day that exists).")
      .optional(),
    communityId: z.string().trim().max(200).optional(),
  })
  .refine((o) => o.kind !== "action" || !!o.ownerId, {
    message: "An action item needs an owner: pick who will do it.",
    path: ["ownerId"],
  });
export type OutcomeInput = z.input<typeof outcomeSchema>;

/**
 * Storage port for meeting outcomes. Every call is scoped by tenant; captures are idempotent by id.
 */
export interface MeetingOutcomeRepository {
  /** Stores an outcome (and, for an action item, its row in the owner's My learning); false if it existed. */
  add(outcome: MeetingOutcome): Promise<boolean>;
  /** A chat's outcomes, oldest first. */
  listOfConversation(tenantId: string, conversationId: string): Promise<MeetingOutcome[]>;
  /** Marks outcomes as reported (with the entry each was saved as). */
  markReported(
    tenantId: string,
    conversationId: string,
    reported: { id: string; entryId?: string }[],
    at: string,
  ): Promise<void>;
  /** True for exactly one caller per key: who reports a meeting's end. */
  claimReport(tenantId: string, conversationId: string, key: string, at: string): Promise<boolean>;
  actionItemsOf(tenantId: string, userId: string): Promise<MyActionItem[]>;
}
