import type { Application, TurnState } from "@microsoft/teams-ai";
import { CardFactory, TeamsInfo, type TurnContext } from "botbuilder";
import { z } from "zod";
import type { ActivityService } from "../../domain/activities/activityService.js";
import type { CommunityService } from "../../domain/communities/communityService.js";
import { DomainError } from "../../domain/errors.js";
import type { Caller } from "../../domain/identity.js";
import { OUTCOME_KINDS, type OutcomeKind } from "../../domain/meetings/meetingOutcome.js";
import type { MeetingOutcomeService } from "../../domain/meetings/meetingOutcomeService.js";
import type { Logger } from "../../observability/logger.js";
import {
  captureInvitationCard,
  meetingStartCard,
  NO_LIBRARY,
  OUTCOME,
  type OutcomeForm,
  outcomeDialogCard,
  outcomesCard,
  withArticle,
} from "../cards/outcomeCards.js";
import { dialog, friendly, meetingIdOf, memberCommunities, parsePayload, requestIdOf } from "../invokes.js";
import { callerFromActivity } from "../teamsCaller.js";
import type { BackgroundWork } from "./backgroundWork.js";
import type { CommitmentCheckIns } from "./commitmentCheckIns.js";
import type { ProactiveSender } from "./proactiveSender.js";

export interface MeetingOutcomeDependencies {
  outcomes: MeetingOutcomeService;
  activities: ActivityService;
  communities: CommunityService;
  sender: ProactiveSender;
  background: BackgroundWork;
  allowedTenants: ReadonlySet<string>;
  logger: Logger;
  /** Commitment check-ins (the card at a community's next session, the update dialog). */
  checkIns?: CommitmentCheckIns;
}

/** `decision …`, `action …`, `insight …` (or `outcome`) in a meeting chat. */
export const OUTCOME_COMMAND = /^\s*(decision|action(?: item)?|insight|outcome)s?\b[:\s]*([\s\S]*)$/i;

/** What the capture card and dialog send: the kind, the text, and for an action item its owner and due day. */
const capturePayloadSchema = z.object({
  kind: z.string().optional().catch(undefined),
  text: z.string().default("").catch(""),
  ownerId: z.string().optional().catch(undefined),
  due: z.string().optional().catch(undefined),
  communityId: z.string().optional().catch(undefined),
});

/** Teams' meeting event value (application/vnd.microsoft.meetingStart / meetingEnd). */
interface MeetingEventValue {
  Id?: string;
  JoinUrl?: string;
  Title?: string;
  StartTime?: string;
  EndTime?: string;
}

/**
 * Meeting outcomes: capture from the chat (command → dialog), and the meeting's start and end
 * events (RSC `OnlineMeeting.ReadBasic.Chat` / `ChannelMeeting.ReadBasic.Group`; they fire once,
 * when someone joins): at the start a how-to (and last session's commitments to check in on), at
 * the end the outcomes card, the library entries and the owners' action items.
 */
export function registerMeetingOutcomes(app: Application<TurnState>, deps: MeetingOutcomeDependencies): void {
  const caller = (context: TurnContext) => callerFromActivity(context, deps.allowedTenants);

  app.message(OUTCOME_COMMAND, async (context) => {
    const match = OUTCOME_COMMAND.exec(context.activity.text ?? "");
    const word = (match?.[1] ?? "").toLowerCase();
    const kind =
      word === "outcome" ? undefined : (OUTCOME_KINDS.find((k) => word.startsWith(k)) as OutcomeKind);
    await context.sendActivity({
      attachments: [CardFactory.adaptiveCard(captureInvitationCard(kind, match?.[2]?.trim() ?? ""))],
    });
  });

  app.taskModules.fetch(OUTCOME.capture, (context, _state, raw) =>
    friendly(deps, context, async () => {
      const me = caller(context);
      const data = parsePayload(capturePayloadSchema, raw);
      const kind = kindOf(data.kind);
      const [communities, people] = await Promise.all([
        communitiesToSaveTo(deps, me, context),
        kind === "action" ? meetingPeople(context, me) : [],
      ]);
      return dialog(
        `Capture ${withArticle(kind)}`,
        outcomeDialogCard({
          kind,
          text: data.text ?? "",
          communities,
          communityId: communities[0]?.id ?? "",
          people,
        }),
        "medium",
      );
    }),
  );

  app.taskModules.submit(OUTCOME.save, (context, _state, raw) =>
    friendly(deps, context, async () => {
      const me = caller(context);
      const data = parsePayload(capturePayloadSchema, raw);
      const meetingId = meetingIdOf(context);
      try {
        const outcome = await deps.outcomes.capture(
          me,
          { conversationId: context.activity.conversation.id, ...(meetingId ? { meetingId } : {}) },
          {
            kind: kindOf(data.kind),
            text: data.text ?? "",
            ...(data.ownerId ? { ownerId: data.ownerId } : {}),
            ...(data.due ? { due: data.due.slice(0, 10) } : {}),
            ...(data.communityId && data.communityId !== NO_LIBRARY ? { communityId: data.communityId } : {}),
          },
          requestIdOf(context),
        );
        await deps.sender.remember(context, me.tenantId);
        const owner = outcome.owner ? ` for ${outcome.owner.displayName}` : "";
        return `Captured${owner}. It goes into the outcomes card when the meeting ends.`;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const kind = kindOf(data.kind);
        const [communities, people] = await Promise.all([
          communitiesToSaveTo(deps, me, context),
          kind === "action" ? meetingPeople(context, me) : [],
        ]);
        const form: OutcomeForm = {
          kind,
          text: data.text ?? "",
          communities,
          people,
          communityId: data.communityId ?? "",
          ...(data.ownerId ? { ownerId: data.ownerId } : {}),
          ...(data.due ? { due: data.due } : {}),
          error: error.message,
        };
        return dialog(`Capture ${withArticle(kind)}`, outcomeDialogCard(form), "medium");
      }
    }),
  );

  deps.checkIns?.register(app);

  app.meetings.start(async (context, _state, meeting) => {
    const me = caller(context);
    await deps.sender.remember(context, me.tenantId);
    const value = meeting as unknown as MeetingEventValue;
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(meetingStartCard(value.Title))] });
    // A session of a community (channel or private meeting): check in on earlier commitments.
    await deps.checkIns?.atMeetingStart(context, me, value);
  });

  app.meetings.end(async (context, _state, meeting) => {
    const me = caller(context);
    await deps.sender.remember(context, me.tenantId);
    const value = meeting as unknown as MeetingEventValue;
    const meetingId = meetingIdOf(context) ?? value.Id ?? context.activity.conversation.id;
    const conversationId = context.activity.conversation.id;
    // One report per meeting occurrence, however often Teams delivers the event.
    const key = `${meetingId}|${value.EndTime ?? context.activity.id}`;
    deps.background.run("meeting outcomes report", { tenantId: me.tenantId, conversationId }, async () => {
      // The card goes out before the outcomes are marked reported: a failed send leaves them pending.
      await deps.outcomes.reportMeetingEnd(me.tenantId, conversationId, key, async (report) => {
        if (report.outcomes.length === 0) return;
        await deps.sender.send(me.tenantId, { conversationId }, [
          {
            type: "message",
            attachments: [
              CardFactory.adaptiveCard(outcomesCard(value.Title, report.outcomes, report.notSaved)),
            ],
          },
        ]);
      });
    });
  });
}

/** How long the owner picker waits for the meeting's roster (Teams waits 5 s for the dialog). */
const ROSTER_WAIT_MS = 1_500;

/**
 * The people an action item can be given to: the caller first, then the chat's members (Bot
 * Framework's paged members, up to 100); the caller alone when the roster does not come in time.
 */
export async function meetingPeople(
  context: TurnContext,
  me: Caller,
): Promise<{ id: string; displayName: string }[]> {
  const people = new Map([[me.userId, me.displayName]]);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const page = await Promise.race([
      TeamsInfo.getPagedMembers(context, 100),
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), ROSTER_WAIT_MS);
      }),
    ]);
    for (const member of page?.members ?? [])
      if (member.aadObjectId && !people.has(member.aadObjectId))
        people.set(member.aadObjectId, member.name || member.givenName || "Someone");
  } catch {
    // No roster (a client or chat without one): the caller can still own it.
  } finally {
    clearTimeout(timer);
  }
  return [...people].map(([id, displayName]) => ({ id, displayName }));
}

function kindOf(value: string | undefined): OutcomeKind {
  return (OUTCOME_KINDS as readonly string[]).includes(value ?? "") ? (value as OutcomeKind) : "decision";
}

/** The caller's communities to save to, the team's own first. */
async function communitiesToSaveTo(deps: MeetingOutcomeDependencies, me: Caller, context: TurnContext) {
  return (await memberCommunities(deps.communities, me, context)).map((c) => ({ id: c.id, name: c.name }));
}
