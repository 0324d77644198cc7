/**
 * Where the bot can post to proactively: a conversation reference (the Bot Framework's, kept as
 * opaque JSON, so nothing here knows its shape), tenant-keyed. The bot's proactive sender and its
 * meeting-role lookup use it; Azure Tables implements it (storage/tablesMeetingRepository.ts).
 */
export interface ConversationReferenceStore {
  save(tenantId: string, key: ReferenceKey, referenceJson: string): Promise<void>;
  get(tenantId: string, key: ReferenceKey): Promise<string | undefined>;
}

/**
 * A chat by its conversation id, a team's channel by its channel (or team) id, or a person's
 * personal chat with the bot by their Entra id (stored when they installed the app or wrote to it).
 */
export type ReferenceKey = { conversationId: string } | { channelId: string } | { userId: string };
