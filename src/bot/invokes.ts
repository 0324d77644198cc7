import { CardFactory, type TaskModuleTaskInfo, type TurnContext } from "botbuilder";
import type { z } from "zod";
import type { CommunityView } from "../domain/communities/community.js";
import { DomainError, ValidationError } from "../domain/errors.js";
import type { Caller } from "../domain/identity.js";
import type { Logger } from "../observability/logger.js";
import type { AdaptiveCard } from "./cards/adaptiveCard.js";

/**
 * The plumbing every bot handler shares: ids read from the activity, payloads parsed at the edge,
 * dialogs built, domain errors turned into words for the person. Handlers stay a parse, one
 * domain call and a card.
 */

/** What a person reads when something failed on our side (the details go to the log). */
export const SORRY = "Sorry, PeerCircle could not do that just now. Please try again in a moment.";

/**
 * Runs an invoke handler; a domain error becomes its message for the person (in the dialog, or in
 * place of the card), anything else is logged with the ids needed to debug and answered kindly.
 */
export async function friendly<T>(
  deps: { logger: Logger },
  context: TurnContext,
  handler: () => Promise<T>,
): Promise<T | string> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof DomainError) return error.message;
    deps.logger.error("bot invoke failed", {
      invoke: context.activity.name,
      tenantId: context.activity.conversation?.tenantId,
      conversationId: context.activity.conversation?.id,
      error: error instanceof Error ? error.message : String(error),
    });
    return SORRY;
  }
}

/** A dialog (task module) showing a card. */
export function dialog(
  title: string,
  card: AdaptiveCard,
  size: "medium" | "large" = "large",
): TaskModuleTaskInfo {
  return { title, width: size, height: size, card: CardFactory.adaptiveCard(card) };
}

/**
 * A dialog's save: what `save` answers, or — when the rules refuse it (a DomainError the person
 * can put right) — the dialog again, which `again` builds with the refusal's message.
 */
export async function savedOrAgain<T>(
  save: () => Promise<T>,
  again: (message: string) => Promise<TaskModuleTaskInfo> | TaskModuleTaskInfo,
): Promise<T | TaskModuleTaskInfo> {
  try {
    return await save();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return again(error.message);
  }
}

/** Bot Framework's activity id: a retried invoke carries the same one (the idempotency key). */
export function requestIdOf(context: TurnContext): string {
  const id = context.activity.id;
  if (!id) throw new ValidationError("This request has no id. Please try again.");
  return id;
}

interface TeamsChannelData {
  team?: { id?: string };
  meeting?: { id?: string };
}

const channelDataOf = (context: TurnContext) => context.activity.channelData as TeamsChannelData | undefined;

/** The team a channel's activity comes from (`channelData.team.id`); undefined in chats. */
export function teamIdOf(context: TurnContext): string | undefined {
  return channelDataOf(context)?.team?.id;
}

/** The Teams meeting id of a meeting chat (`channelData.meeting.id`). */
export function meetingIdOf(context: TurnContext): string | undefined {
  return channelDataOf(context)?.meeting?.id;
}

/** The caller's communities, the one of the team the activity comes from first. */
export async function memberCommunities(
  communities: { listVisible(caller: Caller): Promise<readonly CommunityView[]> },
  me: Caller,
  context: TurnContext,
) {
  const teamId = teamIdOf(context);
  const here = (c: { teamId?: string }) => Number(!!teamId && c.teamId === teamId);
  return (await communities.listVisible(me)).filter((c) => c.isMember).sort((a, b) => here(b) - here(a));
}

/**
 * An invoke's payload (a card's `data`, a dialog's inputs) parsed against its schema: what a card
 * sends is whatever a client or a forwarded old card makes of it, so nothing is cast. A payload
 * that does not fit is a {@link ValidationError} in the schema's own words.
 */
export function parsePayload<S extends z.ZodTypeAny>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  throw new ValidationError(parsed.error.issues[0]?.message ?? "This card sent something unexpected.");
}
