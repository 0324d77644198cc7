import type { Application, TurnState } from "@microsoft/teams-ai";
import { CardFactory, type TurnContext } from "botbuilder";
import type { Community, JoinRequest } from "../../domain/communities/community.js";
import type { CommunityService } from "../../domain/communities/communityService.js";
import { DomainError, ValidationError } from "../../domain/errors.js";
import type { Logger } from "../../observability/logger.js";
import type { AdaptiveCard } from "../cards/adaptiveCard.js";
import type { BackgroundWork } from "../meetings/backgroundWork.js";
import type { ProactiveSender } from "../meetings/proactiveSender.js";
import { callerFromActivity } from "../teamsCaller.js";
import { JOIN_REQUEST, type JoinRequestActionData, joinRequestCard } from "./joinRequestCard.js";

/** What posting requests to join to a community's channel needs. */
export interface JoinRequestNoticeDependencies {
  sender: ProactiveSender;
  background: BackgroundWork;
  logger: Logger;
}

/**
 * Posts a new request to join to the community's channel (its channel, else its team), in the
 * background: the person's request is saved whether or not the post goes out, and the tab's
 * Members page lists it either way. A community without a channel the bot knows gets no card.
 */
export function postJoinRequest(
  deps: JoinRequestNoticeDependencies,
  community: Community,
  request: JoinRequest,
): void {
  const ids = { tenantId: community.tenantId, communityId: community.id };
  deps.background.run("join request card", ids, async () => {
    const card = joinRequestCard({
      communityId: community.id,
      communityName: community.name,
      requester: { id: request.userId, displayName: request.displayName },
    });
    const activity = { type: "message" as const, attachments: [CardFactory.adaptiveCard(card)] };
    for (const channelId of [community.channelId, community.teamId].filter((id): id is string => !!id)) {
      if (await deps.sender.send(community.tenantId, { channelId }, [activity])) return;
    }
    deps.logger.info("join request: the community has no channel the bot can post to", ids);
  });
}

/** What the Approve and Decline buttons need. */
export interface JoinRequestActionDependencies {
  communities: CommunityService;
  allowedTenants: ReadonlySet<string>;
  logger: Logger;
}

/**
 * Approve and Decline on the request card (Action.Execute): the pressing steward answers the
 * request and the card says so for everyone; anyone else is told why nothing happened.
 */
export function registerJoinRequestActions(
  app: Application<TurnState>,
  deps: JoinRequestActionDependencies,
): void {
  for (const approve of [true, false]) {
    const verb = approve ? JOIN_REQUEST.approve : JOIN_REQUEST.decline;
    app.adaptiveCards.actionExecute<JoinRequestActionData>(verb, (context, _state, data) =>
      friendly(deps, context, async () => {
        const me = callerFromActivity(context, deps.allowedTenants);
        if (!data.communityId || !data.userId)
          throw new ValidationError("This card is missing the request it is about.");
        const [request, community] = await Promise.all([
          deps.communities.answerJoinRequest(me, data.communityId, data.userId, approve),
          deps.communities.get(me, data.communityId),
        ]);
        return joinRequestCard({
          communityId: community.id,
          communityName: community.name,
          requester: { id: request.userId, displayName: request.displayName },
          answered: { by: { id: me.userId, displayName: me.displayName }, approved: approve },
        });
      }),
    );
  }
}

/** The card, or what went wrong in words for the person who pressed the button. */
async function friendly(
  deps: { logger: Logger },
  context: TurnContext,
  handler: () => Promise<AdaptiveCard>,
): Promise<AdaptiveCard | string> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof DomainError) return error.message;
    deps.logger.error("join request action failed", {
      tenantId: context.activity.conversation?.tenantId,
      error: error instanceof Error ? error.message : String(error),
    });
    return "Sorry, PeerCircle could not do that just now. Please try again in a moment.";
  }
}
