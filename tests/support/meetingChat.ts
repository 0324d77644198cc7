import type { ConnectorRecorder, RecordedActivity } from "./connectorRecorder.js";
import { invokeActivity, messageActivity, postActivity, postInvoke, teamsUser } from "./teamsActivities.js";

// biome-ignore lint/suspicious/noExplicitAny: card JSON is loosely shaped
export type Card = any;

/** The Adaptive Card an activity the bot sent carries, if any. */
export function cardOf(activity: RecordedActivity | undefined): Card {
  return activity?.body.attachments?.find((a) => a.contentType === "application/vnd.microsoft.card.adaptive")
    ?.content;
}

/** Every action of a card (top-level and inside ActionSets), flattened. */
export function actionsOf(card: Card): Card[] {
  const inBody = (card?.body ?? []).flatMap((e: Card) => (e.type === "ActionSet" ? e.actions : []));
  return [...(card?.actions ?? []), ...inBody];
}

/** The inputs of a dialog's card with their values, as Teams would send them back. */
export function valuesOf(card: Card): Record<string, unknown> {
  return Object.fromEntries(
    (card.body as Card[])
      .flatMap((e) => (e.type === "ColumnSet" ? e.columns.flatMap((c: Card) => c.items) : [e]))
      .filter((e: Card) => e.id)
      .map((e: Card) => [e.id, e.value]),
  );
}

type Person = { id: string; displayName: string };

/**
 * A Teams meeting's chat as the bot sees it, over the Bot Framework protocol: invokes from its
 * people (card actions, dialogs) and the cards the bot posted there. Each invoke has its own id
 * unless one is given (Teams retrying an invoke sends the same id).
 */
export class MeetingChat {
  private sequence = 0;

  constructor(
    private readonly baseUrl: () => string,
    private readonly connector: ConnectorRecorder,
    readonly chat: string,
    readonly meetingId: string,
    private readonly idPrefix: string,
  ) {}

  invoke(name: string, value: unknown, as: Person, id?: string) {
    const activity = invokeActivity(name, value, {
      serviceUrl: this.connector.serviceUrl,
      conversationType: "groupChat",
      conversationId: this.chat,
      from: teamsUser(as),
      activityId: id ?? `${this.idPrefix}-invoke-${this.sequence++}`,
    });
    Object.assign(activity.channelData, { meeting: { id: this.meetingId } });
    return postInvoke(this.baseUrl(), activity);
  }

  /** A message to the bot in the meeting chat (a command such as `ama …`), as `as`. */
  async say(text: string, as: Person) {
    const activity = messageActivity(text, {
      serviceUrl: this.connector.serviceUrl,
      conversationType: "groupChat",
      conversationId: this.chat,
      from: teamsUser(as),
    });
    Object.assign(activity.channelData, { meeting: { id: this.meetingId } });
    await postActivity(this.baseUrl(), activity);
  }

  /** A card's Action.Execute (Universal Actions). */
  execute(verb: string, data: Record<string, unknown>, as: Person, id?: string) {
    return this.invoke(
      "adaptiveCard/action",
      { action: { type: "Action.Execute", verb, data: { verb, ...data } }, trigger: "manual" },
      as,
      id,
    );
  }

  fetchDialog(verb: string, data: Record<string, unknown>, as: Person) {
    return this.invoke("task/fetch", { data: { msteams: { type: "task/fetch" }, verb, ...data } }, as);
  }

  submitDialog(verb: string, data: Record<string, unknown>, as: Person, id?: string) {
    return this.invoke("task/submit", { data: { verb, ...data } }, as, id);
  }

  /** The cards the bot posted to the chat (and replaced there), oldest first. */
  cards(): Card[] {
    return [...this.connector.activities, ...this.connector.updates]
      .filter((a) => a.conversationId === this.chat)
      .map(cardOf)
      .filter(Boolean);
  }

  /** The chat's cards whose first line reads `text`. */
  headed(text: string): Card[] {
    return this.cards().filter((c) => String(c.body?.[0]?.text ?? "") === text);
  }
}
