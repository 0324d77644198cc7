import type { Application, TurnState } from "@microsoft/teams-ai";
import { CardFactory } from "botbuilder";
import { z } from "zod";
import type { Community, JoinRequest } from "../../domain/communities/community.js";
import type { CommunityService } from "../../domain/communities/communityService.js";
import type { Logger } from "../../observability/logger.js";
import { friendly, parsePayload } from "../invokes.js";
import type { BackgroundWork } from "../meetings/backgroundWork.js";
import type { ProactiveSender } from "../meetings/proactiveSender.js";
import { callerFromActivity } from "../teamsCaller.js";
import { JOIN_REQUEST, joinRequestCard } from "./joinRequestCard.js";

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
    app.adaptiveCards.actionExecute(verb, (context, _state, raw) =>
      friendly(deps, context, async () => {
        const me = callerFromActivity(context, deps.allowedTenants);
        const data = parsePayload(joinRequestPayloadSchema, raw);
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

const MISSING_REQUEST = "This card is missing the request it is about.";

/** Approve or Decline: which community, whose request. */
const joinRequestPayloadSchema = z.object({
  communityId: z
    .string({ required_error: MISSING_REQUEST, invalid_type_error: MISSING_REQUEST })
    .min(1, MISSING_REQUEST),
  userId: z
    .string({ required_error: MISSING_REQUEST, invalid_type_error: MISSING_REQUEST })
    .min(1, MISSING_REQUEST),
});
