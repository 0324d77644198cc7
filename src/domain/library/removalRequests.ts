import { z } from "zod";
import type { PersonRef } from "../identity.js";
import { personText } from "../validation.js";
import type { Entry, EntryType } from "./entry.js";

/** How long a reason for a removal request may be. */
export const REMOVAL_REASON_MAX = 500;

/** What the original author may say when asking for removal; the body may be absent (older tabs). */
export const removalRequestSchema = z
  .object({
    reason: personText(
      z.string().trim().max(REMOVAL_REASON_MAX, `Keep the reason under ${REMOVAL_REASON_MAX} characters.`),
    ).optional(),
  })
  .default({});
export type RemovalRequestInput = z.input<typeof removalRequestSchema>;

/** How a steward pages through the removal requests. */
export const removalRequestPageSchema = z.object({
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type RemovalRequestPageInput = z.input<typeof removalRequestPageSchema>;

/** One entry waiting for a steward's decision, as the review list shows it. */
export interface RemovalRequest {
  entryId: string;
  type: EntryType;
  title: string;
  summary: string;
  author: PersonRef;
  savedBy: PersonRef;
  requestedBy: PersonRef;
  /** When it was asked; for requests stored before this was recorded, the entry's last change. */
  requestedAt: string;
  reason?: string;
  /** The entry's version when listed. */
  etag: string;
}

/** One page of a community's removal requests, newest first, and how many there are in all. */
export interface RemovalRequestPage {
  items: RemovalRequest[];
  total: number;
  offset: number;
}

/** The request on an entry, if its author asked for removal. */
export function removalRequestOf(entry: Entry): RemovalRequest | undefined {
  if (!entry.removalRequestedBy) return undefined;
  return {
    entryId: entry.id,
    type: entry.type,
    title: entry.title,
    summary: entry.summary,
    author: entry.author,
    savedBy: entry.savedBy,
    requestedBy: entry.removalRequestedBy,
    requestedAt: entry.removalRequestedAt ?? entry.updatedAt,
    ...(entry.removalReason ? { reason: entry.removalReason } : {}),
    etag: entry.etag,
  };
}

/** Newest request first; ties by entry id, so pages never overlap. */
export function newestRequestFirst(a: RemovalRequest, b: RemovalRequest): number {
  return b.requestedAt.localeCompare(a.requestedAt) || a.entryId.localeCompare(b.entryId);
}

/** The entry with its removal request taken off (a steward kept it). */
export function withoutRemovalRequest(entry: Entry): Entry {
  const { removalRequestedBy: _by, removalRequestedAt: _at, removalReason: _reason, ...rest } = entry;
  return rest;
}
