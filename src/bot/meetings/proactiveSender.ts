import type { TeamsAdapter } from "@microsoft/teams-ai";
import { type Activity, type ConversationReference, TurnContext } from "botbuilder";
import type {
  ConversationReferenceStore,
  ReferenceKey,
} from "../../domain/meetings/conversationReferences.js";
import { SerialQueues } from "../../domain/serialQueues.js";
import type { Logger } from "../../observability/logger.js";

/**
 * Teams allows a bot 7 messages per second per conversation (and 60 per 30 s); 150 ms between
 * messages keeps one instance under it
 * (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit).
 */
const MIN_GAP_MS = 150;
const MAX_ATTEMPTS = 4;

/**
 * Sends to conversations outside a turn (phase announcements, summaries, outcomes) through the
 * adapter's `continueConversationAsync` and a stored conversation reference, one message at a time
 * per conversation, throttled, retrying 429/5xx. The connector client's pipeline already retries a
 * 429 as its Retry-After says; the retries here back off further once it gives up. It also
 * remembers references as turns pass by.
 */
export class ProactiveSender {
  private readonly queues = new SerialQueues();
  private readonly lastSent = new Map<string, number>();
  /** References already stored by this instance (a write per turn would cost every turn). */
  private readonly remembered = new Set<string>();

  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly botAppId: string,
    private readonly references: ConversationReferenceStore,
    private readonly logger: Logger,
  ) {}

  /** Stores where this turn's conversation is (once per instance), and its channel/team if any. */
  async remember(context: TurnContext, tenantId: string): Promise<void> {
    const reference = TurnContext.getConversationReference(context.activity);
    const conversationId = reference.conversation?.id;
    if (!conversationId) return;
    const json = JSON.stringify(reference);
    const keys: ReferenceKey[] = [{ conversationId }];
    // A personal chat is also found by its person: due-day check-ins go there.
    const personId = context.activity.from?.aadObjectId;
    if (context.activity.conversation?.conversationType === "personal" && personId)
      keys.push({ userId: personId });
    const channelData = context.activity.channelData as
      | { team?: { id?: string }; channel?: { id?: string } }
      | undefined;
    if (context.activity.conversation?.conversationType === "channel") {
      // A channel's conversation id is `{channel id}` or `{channel id};messageid=…` (a thread).
      const channelId = channelData?.channel?.id ?? conversationId.split(";")[0] ?? conversationId;
      const channelReference = { ...reference, conversation: { ...reference.conversation, id: channelId } };
      for (const id of [channelId, channelData?.team?.id].filter((v): v is string => !!v)) {
        const key = `${tenantId}|channel|${id}`;
        if (this.remembered.has(key)) continue;
        await this.references.save(tenantId, { channelId: id }, JSON.stringify(channelReference));
        this.remembered.add(key);
      }
    }
    for (const key of keys) {
      const cacheKey = `${tenantId}|${JSON.stringify(key)}`;
      if (this.remembered.has(cacheKey)) continue;
      await this.references.save(tenantId, key, json);
      this.remembered.add(cacheKey);
    }
  }

  /**
   * Sends to a stored conversation; the ids of the messages sent (to update them later), or
   * undefined when the app knows no reference for the conversation.
   */
  async send(
    tenantId: string,
    key: ReferenceKey,
    activities: Partial<Activity>[],
  ): Promise<string[] | undefined> {
    const reference = await this.referenceOf(tenantId, key);
    if (!reference) return undefined;
    const conversationId = reference.conversation?.id ?? "";
    const ids: string[] = [];
    for (const activity of activities)
      ids.push(
        await this.throttled(conversationId, () =>
          this.withRetries(reference, (context) => context.sendActivity(activity)),
        ),
      );
    return ids;
  }

  /** Whether the app knows where to reach this conversation (a stored reference), without sending. */
  async reaches(tenantId: string, key: ReferenceKey): Promise<boolean> {
    return (await this.references.get(tenantId, key)) !== undefined;
  }

  /** Replaces a message sent earlier (Bot Framework's update activity); false without a reference. */
  async update(
    tenantId: string,
    key: ReferenceKey,
    messageId: string,
    activity: Partial<Activity>,
  ): Promise<boolean> {
    const reference = await this.referenceOf(tenantId, key);
    if (!reference) return false;
    await this.throttled(reference.conversation?.id ?? "", () =>
      this.withRetries(reference, (context) => context.updateActivity({ ...activity, id: messageId })),
    );
    return true;
  }

  private async referenceOf(
    tenantId: string,
    key: ReferenceKey,
  ): Promise<Partial<ConversationReference> | undefined> {
    const json = await this.references.get(tenantId, key);
    return json ? (JSON.parse(json) as Partial<ConversationReference>) : undefined;
  }

  /** Waits until every queued message has been sent (shutdown). */
  async drain(): Promise<void> {
    await this.queues.drain();
  }

  private throttled<T>(conversationId: string, send: () => Promise<T>): Promise<T> {
    return this.queues.run(conversationId, async () => {
      const wait = (this.lastSent.get(conversationId) ?? 0) + MIN_GAP_MS - Date.now();
      if (wait > 0) await sleep(wait);
      try {
        return await send();
      } finally {
        this.lastSent.set(conversationId, Date.now());
      }
    });
  }

  /** Runs one call to the connector in the conversation, retrying 429 and 5xx; the message id. */
  private async withRetries(
    reference: Partial<ConversationReference>,
    call: (context: TurnContext) => Promise<unknown>,
  ): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      try {
        let id = "";
        await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
          id = ((await call(context)) as { id?: string } | undefined)?.id ?? "";
        });
        return id;
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode;
        const retriable = status === 429 || (status !== undefined && status >= 500);
        if (!retriable || attempt >= MAX_ATTEMPTS) throw error;
        this.logger.warn("proactive send throttled, retrying", {
          conversationId: reference.conversation?.id,
          status,
          attempt,
        });
        await sleep(500 * 2 ** (attempt - 1));
      }
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
