import type { Application, TurnState } from "@microsoft/teams-ai";
import { ActivityTypes, type TurnContext } from "botbuilder";
import { z } from "zod";
import type { ActivityService } from "../../domain/activities/activityService.js";
import { DomainError } from "../../domain/errors.js";
import type { Caller } from "../../domain/identity.js";
import type { Logger } from "../../observability/logger.js";
import { tenantIdOf } from "../teamsCaller.js";
import { PARTICIPANT_JOIN, PARTICIPANT_LEAVE } from "../wireNames.js";
import type { ActivityAnnouncer } from "./activityAnnouncer.js";
import type { BackgroundWork } from "./backgroundWork.js";
import type { ProactiveSender } from "./proactiveSender.js";

/** At most this many people in one event are handled (a real event names the few who just joined). */
const MAX_MEMBERS = 300;

/** The event's value: `{ members: [{ user: { id, aadObjectId, name }, meeting: { role, inMeeting } }] }`. */
const participantsEvent = z.object({
  members: z
    .array(
      z.object({
        user: z.object({
          id: z.string().max(512).optional(),
          aadObjectId: z.string().min(1).max(100).optional(),
          name: z.string().max(256).optional(),
        }),
      }),
    )
    .max(MAX_MEMBERS),
});

export interface MeetingPresenceDependencies {
  activities: ActivityService;
  announcer: ActivityAnnouncer;
  sender: ProactiveSender;
  background: BackgroundWork;
  allowedTenants: ReadonlySet<string>;
  logger: Logger;
}

/**
 * Presence in the meeting (RSC `OnlineMeetingParticipant.Read.Chat` /
 * `ChannelMeetingParticipant.Read.Group`, and the bot subscribed to participant events): someone
 * who joins the meeting while its chat's activity has formed its groups is added to the activity
 * and placed in a group at once, as a late joiner pressing Join would be, and the pair list is
 * updated. Leaving changes no group: people drop out for a moment (a network change, another
 * device) and come back, and their partner would otherwise be left alone mid-conversation; the
 * leave is only logged.
 */
export function registerMeetingPresence(
  app: Application<TurnState>,
  deps: MeetingPresenceDependencies,
): void {
  app.activity(isEvent(PARTICIPANT_JOIN), async (context) => {
    const members = membersOf(context, deps);
    if (!members) return;
    const { tenantId, conversationId } = members;
    await deps.sender.remember(context, tenantId);
    for (const person of members.people) await placeJoiner(deps, person, conversationId);
  });

  app.activity(isEvent(PARTICIPANT_LEAVE), async (context) => {
    const members = membersOf(context, deps);
    if (!members) return;
    deps.logger.info("meeting participants left (their groups are kept)", {
      tenantId: members.tenantId,
      conversationId: members.conversationId,
      count: members.people.length,
    });
  });
}

/** Adds one person who joined the meeting to its chat's running activity, once its groups exist. */
async function placeJoiner(deps: MeetingPresenceDependencies, person: Caller, conversationId: string) {
  try {
    // Before the groups are formed, nobody is added: people opt in by pressing Join (or writing),
    // and everyone who has is paired then. The facilitator is never put into a group.
    const running = await deps.activities.groupedInConversation(person.tenantId, conversationId);
    if (!running || running.facilitatorId === person.userId) return;
    // Read by key, as the Join button does: a burst of joiners never each reads the whole activity.
    const joined = await deps.activities.joinForCard(person, running.activityId);
    if (!joined.me.group) return;
    deps.background.run("activity announcement", { tenantId: person.tenantId, activityId: joined.id }, () =>
      deps.announcer.announce(person.tenantId, joined.id, joined.facilitator),
    );
  } catch (error) {
    // A private community's non-member, an activity that just ended: they join by hand if they may.
    if (!(error instanceof DomainError)) throw error;
    deps.logger.info("meeting joiner not added to the activity", {
      tenantId: person.tenantId,
      conversationId,
      reason: error.message,
    });
  }
}

function isEvent(name: string) {
  return async (context: TurnContext) =>
    context.activity.type === ActivityTypes.Event &&
    context.activity.channelId === "msteams" &&
    context.activity.name === name;
}

/** The people an event names, in an allowed tenant's meeting chat; undefined for anything else. */
function membersOf(
  context: TurnContext,
  deps: Pick<MeetingPresenceDependencies, "allowedTenants" | "logger">,
): { tenantId: string; conversationId: string; people: Caller[] } | undefined {
  const activity = context.activity;
  const tenantId = tenantIdOf(context);
  const conversationId = activity.conversation?.id;
  if (!tenantId || !deps.allowedTenants.has(tenantId) || !conversationId) return undefined;
  const parsed = participantsEvent.safeParse(activity.value);
  if (!parsed.success) {
    deps.logger.warn("meeting participant event not understood", { tenantId, conversationId });
    return undefined;
  }
  const people: Caller[] = [];
  for (const { user } of parsed.data.members) {
    // Guests and anonymous attendees have no Entra id in this tenant: they join by hand.
    if (!user.aadObjectId) continue;
    const teamsId = user.id?.startsWith("29:") ? user.id : undefined;
    people.push({
      tenantId,
      userId: user.aadObjectId,
      displayName: user.name ?? "Someone",
      ...(teamsId ? { teamsId } : {}),
    });
  }
  return { tenantId, conversationId, people };
}
