import type { Application, TurnState } from "@microsoft/teams-ai";
import { CardFactory, type TaskModuleTaskInfo, type TurnContext } from "botbuilder";
import { type ActivityService, STEERING_FORBIDDEN } from "../../domain/activities/activityService.js";
import type { ActivityView } from "../../domain/activities/activityViews.js";
import type { CommunityService } from "../../domain/communities/communityService.js";
import { DomainError, ForbiddenError, ValidationError } from "../../domain/errors.js";
import type { Caller } from "../../domain/identity.js";
import type { PeopleDirectory } from "../../domain/people/peopleDirectory.js";
import type { Logger } from "../../observability/logger.js";
import {
  chatLink,
  commitmentDialogCard,
  controlDialogCard,
  partnerDialogCard,
  personalCard,
  reflectionDialogCard,
  setupDialogCard,
  setupInvitationCard,
  shareConflictCard,
  shareDialogCard,
  TPS,
} from "../cards/activityCards.js";
import type { AdaptiveCard } from "../cards/adaptiveCard.js";
import { callerFromActivity } from "../teamsCaller.js";
import type { ActivityAnnouncer } from "./activityAnnouncer.js";
import type { BackgroundWork } from "./backgroundWork.js";
import type { ProactiveSender } from "./proactiveSender.js";

/** What think-pair-share in the chat needs from the composition root. */
export interface ThinkPairShareDependencies {
  activities: ActivityService;
  communities: CommunityService;
  directory: PeopleDirectory;
  announcer: ActivityAnnouncer;
  sender: ProactiveSender;
  background: BackgroundWork;
  allowedTenants: ReadonlySet<string>;
  logger: Logger;
}

/** `tps <prompt>` or `think-pair-share <prompt>` in a meeting chat (or any chat with the bot). */
export const TPS_COMMAND = /^\s*(?:tps|think[- ]pair[- ]share)\b\s*([\s\S]*)$/i;

/** How long a partner's chat link waits for the directory (Graph slow must not hold the invoke). */
const DIRECTORY_WAIT_MS = 1_000;

interface ActivityData {
  activityId?: string;
}
interface TextData extends ActivityData {
  text?: string;
  etag?: string;
}
interface ControlData extends ActivityData {
  kind?: string;
  phaseIndex?: number | string;
  minutes?: number | string;
}
interface SetupData {
  prompt?: string;
  think?: string | number;
  pair?: string | number;
  share?: string | number;
  pairingRule?: string;
  communityId?: string;
}

/**
 * Think-pair-share in the meeting chat: the command, the set-up dialog, the phase cards' buttons
 * (Join and facilitator controls as `adaptiveCard/action`; reflection, partner, share and
 * commitment as dialogs), each answering from one domain call; cards to the chat go out after the
 * invoke is answered.
 */
export function registerThinkPairShare(app: Application<TurnState>, deps: ThinkPairShareDependencies): void {
  const { activities, allowedTenants } = deps;
  const caller = (context: TurnContext) => callerFromActivity(context, allowedTenants);

  app.message(TPS_COMMAND, async (context) => {
    const prompt = TPS_COMMAND.exec(context.activity.text ?? "")?.[1]?.trim() ?? "";
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(setupInvitationCard(prompt))] });
  });

  app.taskModules.fetch(TPS.setup, (context, _state, data) =>
    friendly(deps, context, async () => {
      const me = caller(context);
      const communities = await memberCommunities(deps, me, teamIdOf(context));
      if (communities.length === 0)
        return "Join a PeerCircle community first (in its channel's PeerCircle tab): a think-pair-share saves its insights to a community's library.";
      const prompt = typeof (data as SetupData).prompt === "string" ? ((data as SetupData).prompt ?? "") : "";
      return dialog(
        "Set up think-pair-share",
        setupDialogCard({
          prompt,
          communities,
          communityId: communities[0]?.id ?? "",
          minutes: { think: 2, pair: 5, share: 5 },
          pairingRule: "cross-department",
        }),
      );
    }),
  );

  app.taskModules.submit(TPS.create, (context, _state, raw) =>
    friendly(deps, context, async () => {
      const me = caller(context);
      const data = raw as SetupData;
      const minutes = { think: num(data.think, 2), pair: num(data.pair, 5), share: num(data.share, 5) };
      const pairingRule =
        (["cross-department", "random", "same-role"] as const).find((r) => r === data.pairingRule) ??
        "cross-department";
      try {
        const community = await deps.communities.get(me, data.communityId ?? "");
        if (!community.isMember)
          throw new ForbiddenError(`Join ${community.name} first, or pick a community you are in.`);
        const meetingId = meetingIdOf(context);
        const created = await activities.create(
          me,
          {
            communityId: community.id,
            conversationId: context.activity.conversation.id,
            ...(meetingId ? { meetingId } : {}),
            prompt: data.prompt ?? "",
            minutes,
            pairingRule,
          },
          requestIdOf(context),
        );
        // The start carries a key of its own: a retried set-up starts nothing twice.
        const view = await activities.control(me, created.id, { kind: "start" }, `start:${created.id}`);
        await deps.sender.remember(context, me.tenantId);
        afterwards(deps, me, view);
        return dialog(
          "Facilitator controls",
          controlDialogCard(view, "Started: the think phase card is in the chat."),
        );
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const communities = await memberCommunities(deps, me, teamIdOf(context));
        return dialog(
          "Set up think-pair-share",
          setupDialogCard({
            prompt: data.prompt ?? "",
            communities,
            communityId: data.communityId ?? communities[0]?.id ?? "",
            minutes,
            pairingRule,
            error: error.message,
          }),
        );
      }
    }),
  );

  // ── Facilitator controls: in place (Action.Execute), or from the controls dialog ──────────────

  app.adaptiveCards.actionExecute<ControlData>(TPS.control, (context, _state, data) =>
    friendlyCard(deps, context, async () => {
      const me = caller(context);
      const view = await activities.control(me, requireId(data), controlOf(data), requestIdOf(context));
      afterwards(deps, me, view);
      return personalCard(view, await partnerLinks(deps, me, view));
    }),
  );

  app.taskModules.fetch(TPS.controls, (context, _state, data) =>
    friendly(deps, context, async () => {
      const me = caller(context);
      const id = requireId(data as ActivityData);
      const view = await activities.view(me, id);
      // The meeting's organiser and presenters steer too (their Teams meeting role).
      if (!view.isFacilitator && !(await activities.maySteer(me, id)))
        return view.meetingId
          ? `${STEERING_FORBIDDEN} ${view.facilitator.displayName} facilitates it.`
          : `Only the facilitator, ${view.facilitator.displayName}, changes the phases of this activity.`;
      return dialog("Facilitator controls", controlDialogCard(view));
    }),
  );

  app.taskModules.submit(TPS.controlDialog, (context, _state, data) =>
    friendly(deps, context, async () => {
      const me = caller(context);
      const control = data as ControlData;
      const view = await activities.control(me, requireId(control), controlOf(control), requestIdOf(context));
      afterwards(deps, me, view);
      if (view.state.status === "ended")
        return "The activity has ended: the summary is on its way to the chat.";
      return dialog("Facilitator controls", controlDialogCard(view, "Done."));
    }),
  );

  // ── Joining and a person's own view ──────────────────────────────────────────────────────────

  app.adaptiveCards.actionExecute<ActivityData>(TPS.join, (context, _state, data) =>
    friendlyCard(deps, context, async () => {
      const me = caller(context);
      // The caller's own view only: everyone presses Join at once, and Teams waits 5 s.
      const view = await activities.joinForCard(me, requireId(data));
      if (view.me.group) afterwards(deps, me, view); // a late joiner: the pair list changes
      // Taking part in an open community's activity made them a member: say so where they pressed.
      const joined = view.joinedCommunity
        ? "You have joined, and are a member of this activity's community now."
        : "You have joined.";
      return personalCard(view, await partnerLinks(deps, me, view), joined);
    }),
  );

  app.adaptiveCards.actionExecute<ActivityData>(TPS.refresh, (context, _state, data) =>
    friendlyCard(deps, context, async () => {
      const me = caller(context);
      const view = await activities.view(me, requireId(data));
      return personalCard(view, await partnerLinks(deps, me, view));
    }),
  );

  // Clients without Universal Actions send the fallback Action.Submit as a message with a value.
  app.adaptiveCards.actionSubmit<ActivityData & ControlData & { verb?: string }>(
    [TPS.join, TPS.control],
    async (context, _state, data) => {
      try {
        const me = caller(context);
        const view =
          data.verb === TPS.join
            ? await activities.joinForCard(me, requireId(data))
            : await activities.control(me, requireId(data), controlOf(data), requestIdOf(context));
        afterwards(deps, me, view);
        await context.sendActivity(data.verb === TPS.join ? "You have joined." : "Done.");
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        await context.sendActivity(error.message);
      }
    },
  );

  // ── Dialogs: reflection, partner, share, commitment ───────────────────────────────────────────

  app.taskModules.fetch(TPS.reflect, (context, _state, data) =>
    friendly(deps, context, async () => {
      const me = caller(context);
      const view = await activities.view(me, requireId(data as ActivityData));
      if (!view.accepts.includes("reflection"))
        return view.state.status === "ended"
          ? "This activity has ended."
          : "Reflections are written in the think phase.";
      return dialog("My reflection", reflectionDialogCard(view));
    }),
  );

  app.taskModules.submit(TPS.saveReflection, (context, _state, raw) =>
    friendly(deps, context, async () => {
      const me = caller(context);
      const data = raw as TextData;
      const id = requireId(data);
      try {
        await activities.submit(me, id, "reflection", { text: data.text ?? "" }, requestIdOf(context));
        return "Your reflection is saved. Only you can see it (it is in your My learning too).";
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const view = await activities.view(me, id);
        return dialog("My reflection", reflectionDialogCard(view, data.text ?? "", error.message));
      }
    }),
  );

  app.taskModules.fetch(TPS.partner, (context, _state, data) =>
    friendly(deps, context, async () => {
      const me = caller(context);
      const view = await joinedView(deps, me, requireId(data as ActivityData));
      if (!view.groups)
        return "Pairs are formed when the pair phase begins. Join the activity so you get a partner.";
      if (!view.me.group) return "Join the activity first to get a partner.";
      return dialog("My partner", partnerDialogCard(view, await partnerLinks(deps, me, view)), "medium");
    }),
  );

  app.taskModules.fetch(TPS.share, (context, _state, data) =>
    friendly(deps, context, async () => {
      const me = caller(context);
      const view = await joinedView(deps, me, requireId(data as ActivityData));
      if (!view.accepts.includes("share"))
        return view.state.status === "ended"
          ? "This activity has ended."
          : "Key insights are shared once pairs are formed (pair and share phases).";
      if (!view.me.group) return "Join the activity first to get a partner.";
      return dialog("Our key insight", shareDialogCard(view));
    }),
  );

  app.taskModules.submit(TPS.saveShare, (context, _state, raw) =>
    friendly(deps, context, async () => {
      const me = caller(context);
      const data = raw as TextData;
      const id = requireId(data);
      try {
        const result = await activities.submitShare(
          me,
          id,
          { text: data.text ?? "", ...(data.etag ? { etag: data.etag } : {}) },
          requestIdOf(context),
        );
        if (result.status === "saved")
          return "Your pair's insight is saved. Your partner can see and edit it.";
        // The partner saved meanwhile: show both texts; nothing typed is lost.
        return dialog("Our key insight", shareConflictCard(await activities.view(me, id), result));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const view = await activities.view(me, id);
        const card = shareDialogCard(view, error.message);
        return dialog("Our key insight", withText(card, data.text ?? ""));
      }
    }),
  );

  app.taskModules.fetch(TPS.commit, (context, _state, data) =>
    friendly(deps, context, async () => {
      const me = caller(context);
      const view = await activities.view(me, requireId(data as ActivityData));
      if (!view.accepts.includes("commitment")) return "Commitments are written when the activity closes.";
      return dialog("My commitment", commitmentDialogCard(view));
    }),
  );

  app.taskModules.submit(TPS.saveCommitment, (context, _state, raw) =>
    friendly(deps, context, async () => {
      const me = caller(context);
      const data = raw as TextData;
      const id = requireId(data);
      try {
        await activities.submit(me, id, "commitment", { text: data.text ?? "" }, requestIdOf(context));
        return "Your commitment is saved: it is in your My learning, and we check in on it at the next session.";
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const view = await activities.view(me, id);
        return dialog("My commitment", commitmentDialogCard(view, data.text ?? "", error.message));
      }
    }),
  );
}

/** After a change: announce what is due at once, after the invoke is answered (the poller would, later). */
function afterwards(
  deps: ThinkPairShareDependencies,
  me: Caller,
  view: Pick<ActivityView, "id" | "facilitator">,
): void {
  deps.background.run("activity announcement", { tenantId: me.tenantId, activityId: view.id }, () =>
    deps.announcer.announce(me.tenantId, view.id, view.facilitator),
  );
}

/** The caller's view; someone who opens their partner or the share joins first (late joiners too). */
async function joinedView(
  deps: ThinkPairShareDependencies,
  me: Caller,
  activityId: string,
): Promise<ActivityView> {
  const view = await deps.activities.view(me, activityId);
  if (view.me.joined || view.state.status === "ended" || view.state.status === "not-started") return view;
  const joined = await deps.activities.join(me, activityId);
  if (joined.me.group) afterwards(deps, me, joined); // a late joiner: the pair list changes
  return joined;
}

/** One-click chat links to the caller's partners: by UPN (mail) when the directory answers in time. */
async function partnerLinks(
  deps: ThinkPairShareDependencies,
  me: Caller,
  view: Pick<ActivityView, "me">,
): Promise<Map<string, string>> {
  const partners = view.me.group?.partners ?? [];
  const links = new Map(partners.map((p) => [p.id, chatLink([p.id])]));
  if (partners.length === 0) return links;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const answer = await Promise.race([
      deps.directory.getMany(
        me.tenantId,
        partners.map((p) => p.id),
      ),
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), DIRECTORY_WAIT_MS);
      }),
    ]);
    for (const p of partners) {
      const mail = answer?.people.get(p.id)?.mail;
      if (mail) links.set(p.id, chatLink([mail]));
    }
  } catch {
    // The directory down: the Entra object id still opens the chat.
  } finally {
    clearTimeout(timer);
  }
  return links;
}

async function memberCommunities(deps: ThinkPairShareDependencies, me: Caller, teamId: string | undefined) {
  const mine = (await deps.communities.listVisible(me)).filter((c) => c.isMember);
  mine.sort((a, b) => Number(b.teamId === teamId && !!teamId) - Number(a.teamId === teamId && !!teamId));
  return mine.map((c) => ({ id: c.id, name: c.name }));
}

/** Bot Framework's activity id: a retried invoke carries the same one (the idempotency key). */
export function requestIdOf(context: TurnContext): string {
  const id = context.activity.id;
  if (!id) throw new ValidationError("This request has no id. Please try again.");
  return id;
}

function requireId(data: ActivityData): string {
  if (typeof data.activityId !== "string" || !data.activityId)
    throw new ValidationError("This card is missing its activity. Use the latest card in the chat.");
  return data.activityId;
}

function controlOf(data: ControlData) {
  const phaseIndex = num(data.phaseIndex, 0);
  switch (data.kind) {
    case "next":
      return { kind: "next" as const, phaseIndex };
    case "extend":
      return { kind: "extend" as const, phaseIndex, minutes: num(data.minutes, 2) };
    case "start":
    case "pause":
    case "resume":
    case "end":
      return { kind: data.kind };
    default:
      throw new ValidationError("Use start, next, extend, pause, resume or end.");
  }
}

function num(value: unknown, fallback: number): number {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)))
    return Number(value);
  return fallback;
}

function teamIdOf(context: TurnContext): string | undefined {
  return (context.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
}

/** The Teams meeting id of a meeting chat (`channelData.meeting.id`). */
export function meetingIdOf(context: TurnContext): string | undefined {
  return (context.activity.channelData as { meeting?: { id?: string } } | undefined)?.meeting?.id;
}

function withText(card: AdaptiveCard, text: string): AdaptiveCard {
  return {
    ...card,
    body: card.body.map((element) => (element.id === "text" ? { ...element, value: text } : element)),
  };
}

export function dialog(
  title: string,
  card: AdaptiveCard,
  size: "medium" | "large" = "large",
): TaskModuleTaskInfo {
  return { title, width: size, height: size, card: CardFactory.adaptiveCard(card) };
}

/** Runs a dialog handler; a domain error becomes a message in the dialog instead of a failure. */
export async function friendly<T>(
  deps: { logger: Logger },
  context: TurnContext,
  handler: () => Promise<T>,
): Promise<T | string> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof DomainError) return error.message;
    deps.logger.error("meeting invoke failed", {
      invoke: context.activity.name,
      tenantId: context.activity.conversation?.tenantId,
      conversationId: context.activity.conversation?.id,
      error: error instanceof Error ? error.message : String(error),
    });
    return "Sorry, PeerCircle could not do that just now. Please try again in a moment.";
  }
}

/** Like {@link friendly}, for Action.Execute: a message replaces nothing and tells the person why. */
async function friendlyCard(
  deps: { logger: Logger },
  context: TurnContext,
  handler: () => Promise<AdaptiveCard>,
): Promise<AdaptiveCard | string> {
  return friendly(deps, context, handler);
}
