import { createHash } from "node:crypto";

/**
 * The id of the entry made from a Teams message: derived from the conversation and message, so
 * saving the same message into the same community again — or Teams retrying the invoke — finds
 * the existing entry instead of creating a second one.
 */
export function messageEntryId(conversationId: string, messageId: string): string {
  const digest = createHash("sha256").update(`${conversationId}\u0000${messageId}`).digest("hex");
  return `msg-${digest.slice(0, 40)}`;
}
