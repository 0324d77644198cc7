import type { Application, TurnState } from "@microsoft/teams-ai";
import { CardFactory, type TurnContext } from "botbuilder";
import type { ActivityFormatDefinition } from "../../domain/activities/activityFormat.js";
import { ACTIVITY_FORMAT_IDS, formatOf } from "../../domain/activities/activityFormats.js";
import {
  type ActivityService,
  notAcceptedNow,
  STEERING_FORBIDDEN,
} from "../../domain/activities/activityService.js";
import type { ActivityView } from "../../domain/activities/activityViews.js";
import type { CommunityService } from "../../domain/communities/communityService.js";
import { DomainError, ForbiddenError, ValidationError } from "../../domain/errors.js";
import type { Caller } from "../../domain/identity.js";
import type { PeopleDirectory } from "../../domain/people/peopleDirectory.js";
import type { Logger } from "../../server/logger.js";
import { chatLink, controlDialogCard, partnerDialogCard, personalCard } from "../cards/activityCards.js";
import { type SetupForm, setupDialogCard, setupInvitationCard } from "../cards/activitySetupCards.js";
import {
  commitmentDialogCard,
  reflectionDialogCard,
  shareConflictCard,
  shareDialogCard,
} from "../cards/ownKindDialogCards.js";
import { firstGroupingPhase, formatDefinitionOf, groupingNow, isPairs } from "../cards/phaseActions.js";
import {
  kindOf,
  savedMessage,
  writingConflictCard,
  writingDialogCard,
  writingTitle,
} from "../cards/submissionDialogCards.js";
import { dialog, friendly, meetingIdOf, memberCommunities, parsePayload, requestIdOf } from "../invokes.js";
import { callerFromActivity } from "../teamsCaller.js";
import { ACTIVITY_VERBS as VERB } from "../wireNames.js";
import type { ActivityAnnouncer } from "./activityAnnouncer.js";
import {
  activityRefSchema,
  controlPayloadSchema,
  fallbackPayloadSchema,
  formatNamed,
  kindRefSchema,
  phaseMinutes,
  type SetupPayload,
  setupPayloadSchema,
  textPayloadSchema,
  writingPayloadSchema,
} from "./activityPayloads.js";
import type { BackgroundWork } from "./backgroundWork.js";
import type { ProactiveSender } from "./proactiveSender.js";

/** What activities in the meeting chat need from the composition root. */
export interface MeetingActivityDependencies {
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

/** Letters without their accents, in lower case: "Knowledge Café" is typed "knowledge cafe" too. */
const plain = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const spelled = (name: string) =>
  plain(name)
    .split(/[\s-]+/)
    .map(escaped)
    .join("[- ]?");

/**
 * Every format the engine runs, by its id or its name (`knowledge cafe <question>`, `mastermind
 * circle …`), and `activity <prompt>` for a choice in the dialog: read from the format registry,
 * so a new format is a command without a line here.
 */
const FORMAT_COMMANDS: { pattern: RegExp; format?: ActivityFormatDefinition }[] = [
  { pattern: TPS_COMMAND, format: formatOf("think-pair-share") },
  ...ACTIVITY_FORMAT_IDS.map((id) => ({
    pattern: new RegExp(`^\\s*(?:${spelled(id)}|${spelled(formatOf(id).name)})\\b\\s*([\\s\\S]*)$`, "i"),
    format: formatOf(id),
  })),
  { pattern: /^\s*activity\b\s*([\s\S]*)$/i },
];

/** The format and prompt of a chat command; undefined when the message is no activity command. */
export function activityCommandOf(
  text: string,
): { format: ActivityFormatDefinition; prompt: string } | undefined {
  const typed = plain(text);
  for (const { pattern, format } of FORMAT_COMMANDS) {
    const match = pattern.exec(typed);
    if (!match) continue;
    // The prompt as typed (accents kept): skip as many characters as the command took, plainly.
    const original = text.normalize("NFC");
    const commandLength = typed.length - (match[1] ?? "").length;
    let consumed = 0;
    let at = 0;
    while (consumed < commandLength && at < original.length) consumed += plain(original[at++] ?? "").length;
    return { format: format ?? formatOf("think-pair-share"), prompt: original.slice(at).trim() };
  }
  return undefined;
}

/** How long a partner's chat link waits for the directory (Graph slow must not hold the invoke). */
const DIRECTORY_WAIT_MS = 1_000;

/**
 * Activities in the meeting chat, for every format the engine runs: the command, the set-up dialog
 * (built from the format's definition), the phase cards' buttons (Join and facilitator controls as
 * `adaptiveCard/action`; each kind's dialog and one's group as dialogs), each answering from one
 * domain call; cards to the chat go out after the invoke is answered.
 */
export function registerMeetingActivities(
  app: Application<TurnState>,
  deps: MeetingActivityDependencies,
): void {
  const { activities, allowedTenants } = deps;
  const caller = (context: TurnContext) => callerFromActivity(context, allowedTenants);

  app.message(
    async (context) =>
      context.activity.type === "message" && !!activityCommandOf(context.activity.text ?? ""),
    async (context) => {
      const command = activityCommandOf(context.activity.text ?? "");
      if (!command) return;
      await context.sendActivity({
        attachments: [CardFactory.adaptiveCard(setupInvitationCard(command.prompt, command.format))],
      });
    },
  );

  // ── Set-up ────────────────────────────────────────────────────────────────────────────────────

  /** The set-up dialog for a format, with what was typed so far. */
  const setupDialog = async (
    context: TurnContext,
    me: Caller,
    data: SetupPayload,
    extra: Partial<Pick<SetupForm, "error" | "notice" | "minutes">> = {},
  ) => {
    const { format } = formatNamed(data.format);
    const communities = await memberCommunities(deps.communities, me, context);
    if (communities.length === 0)
      return "Join a PeerCircle community first (in its channel's PeerCircle tab): an activity saves what it yields to a community's library.";
    return dialog(
      `Set up ${format.name}`,
      setupDialogCard({
        format,
        prompt: data.prompt,
        communities: communities.map((c) => ({ id: c.id, name: c.name })),
        communityId: communities.some((c) => c.id === data.communityId)
          ? data.communityId
          : (communities[0]?.id ?? ""),
        minutes: extra.minutes ?? {},
        pairingRule: data.pairingRule,
        ...(extra.error ? { error: extra.error } : {}),
        ...(extra.notice ? { notice: extra.notice } : {}),
      }),
    );
  };

  app.taskModules.fetch(VERB.setup, (context, _state, raw) =>
    friendly(deps, context, async () =>
      setupDialog(context, caller(context), parsePayload(setupPayloadSchema, raw)),
    ),
  );

  // Another format chosen in the dialog: the form again, with that format's phases.
  app.taskModules.submit(VERB.setupFormat, (context, _state, raw) =>
    friendly(deps, context, async () => {
      const data = parsePayload(setupPayloadSchema, raw);
      return setupDialog(context, caller(context), data);
    }),
  );

  app.taskModules.submit(VERB.create, (context, _state, raw) =>
    friendly(deps, context, async () => {
      const me = caller(context);
      const data = parsePayload(setupPayloadSchema, raw);
      const { id: formatId, format } = formatNamed(data.format);
      // The format was changed after the form showed another one's phases: show its own first.
      if (data.shownFormat && data.shownFormat !== formatId)
        return setupDialog(context, me, data, {
          notice: `Check the phases of ${format.name}, then start.`,
        });
      const minutes = phaseMinutes(format, data);
      try {
        const community = await deps.communities.get(me, data.communityId);
        if (!community.isMember)
          throw new ForbiddenError(`Join ${community.name} first, or pick a community you are in.`);
        const meetingId = meetingIdOf(context);
        const created = await activities.create(
          me,
          {
            format: formatId,
            communityId: community.id,
            conversationId: context.activity.conversation.id,
            ...(meetingId ? { meetingId } : {}),
            prompt: data.prompt,
            minutes,
            pairingRule: data.pairingRule,
          },
          requestIdOf(context),
        );
        // The start carries a key of its own: a retried set-up starts nothing twice.
        const view = await activities.control(me, created.id, { kind: "start" }, `start:${created.id}`);
        await deps.sender.remember(context, me.tenantId);
        afterwards(deps, me, view);
        const first = view.phases[0]?.title ?? "The first phase";
        return dialog(
          "Facilitator controls",
          controlDialogCard(view, `Started: “${first}” is on its card in the chat.`),
        );
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        return setupDialog(context, me, data, { error: error.message, minutes });
      }
    }),
  );

  // ── Facilitator controls: in place (Action.Execute), or from the controls dialog ──────────────

  app.adaptiveCards.actionExecute(VERB.control, (context, _state, raw) =>
    friendly(deps, context, async () => {
      const me = caller(context);
      const { activityId, control } = parsePayload(controlPayloadSchema, raw);
      const view = await activities.control(me, activityId, control, requestIdOf(context));
      afterwards(deps, me, view);
      return personalCard(view, await partnerLinks(deps, me, view));
    }),
  );

  app.taskModules.fetch(VERB.controls, (context, _state, raw) =>
    friendly(deps, context, async () => {
      const me = caller(context);
      const { activityId } = parsePayload(activityRefSchema, raw);
      const view = await activities.view(me, activityId);
      // The meeting's organiser and presenters steer too (their Teams meeting role).
      if (!view.isFacilitator && !(await activities.maySteer(me, activityId)))
        return view.meetingId
          ? `${STEERING_FORBIDDEN} ${view.facilitator.displayName} facilitates it.`
          : `Only the facilitator, ${view.facilitator.displayName}, changes the phases of this activity.`;
      return dialog("Facilitator controls", controlDialogCard(view));
    }),
  );

  app.taskModules.submit(VERB.controlDialog, (context, _state, raw) =>
    friendly(deps, context, async () => {
      const me = caller(context);
      const { activityId, control } = parsePayload(controlPayloadSchema, raw);
      const view = await activities.control(me, activityId, control, requestIdOf(context));
      afterwards(deps, me, view);
      if (view.state.status === "ended")
        return "The activity has ended: the summary is on its way to the chat.";
      return dialog("Facilitator controls", controlDialogCard(view, "Done."));
    }),
  );

  // ── Joining and a person's own view ──────────────────────────────────────────────────────────

  app.adaptiveCards.actionExecute(VERB.join, (context, _state, raw) =>
    friendly(deps, context, async () => {
      const me = caller(context);
      // The caller's own view only: everyone presses Join at once, and Teams waits 5 s.
      const view = await activities.joinForCard(me, parsePayload(activityRefSchema, raw).activityId);
      if (view.me.group) afterwards(deps, me, view); // a late joiner: the group list changes
      // Taking part in an open community's activity made them a member: say so where they pressed.
      const joined = view.joinedCommunity
        ? "You have joined, and are a member of this activity's community now."
        : "You have joined.";
      return personalCard(view, await partnerLinks(deps, me, view), joined);
    }),
  );

  app.adaptiveCards.actionExecute(VERB.refresh, (context, _state, raw) =>
    friendly(deps, context, async () => {
      const me = caller(context);
      const view = await activities.view(me, parsePayload(activityRefSchema, raw).activityId);
      return personalCard(view, await partnerLinks(deps, me, view));
    }),
  );

  // Clients without Universal Actions send the fallback Action.Submit as a message with a value.
  app.adaptiveCards.actionSubmit([VERB.join, VERB.control], async (context, _state, raw) => {
    try {
      const me = caller(context);
      const { verb } = parsePayload(fallbackPayloadSchema, raw);
      const view =
        verb === VERB.join
          ? await activities.joinForCard(me, parsePayload(activityRefSchema, raw).activityId)
          : await (async () => {
              const { activityId, control } = parsePayload(controlPayloadSchema, raw);
              return activities.control(me, activityId, control, requestIdOf(context));
            })();
      afterwards(deps, me, view);
      await context.sendActivity(verb === VERB.join ? "You have joined." : "Done.");
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await context.sendActivity(error.message);
    }
  });

  // ── The engine's own kinds: reflection, a group's key insight, commitment ────────────────────

  app.taskModules.fetch(VERB.reflect, (context, _state, raw) =>
    friendly(deps, context, async () => {
      const view = await activities.view(caller(context), parsePayload(activityRefSchema, raw).activityId);
      if (!view.accepts.includes("reflection")) return notNow(view, "reflection");
      return dialog("My reflection", reflectionDialogCard(view));
    }),
  );

  app.taskModules.submit(VERB.saveReflection, (context, _state, raw) =>
    friendly(deps, context, async () => {
      const me = caller(context);
      const data = parsePayload(textPayloadSchema, raw);
      try {
        await activities.submit(me, data.activityId, "reflection", { text: data.text }, requestIdOf(context));
        return "Your reflection is saved. Only you can see it (it is in your My learning too).";
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const view = await activities.view(me, data.activityId);
        return dialog("My reflection", reflectionDialogCard(view, data.text, error.message));
      }
    }),
  );

  app.taskModules.fetch(VERB.partner, (context, _state, raw) =>
    friendly(deps, context, async () => {
      const me = caller(context);
      const view = await joinedView(deps, me, parsePayload(activityRefSchema, raw).activityId);
      const format = formatDefinitionOf(view.format);
      const pairs = isPairs(groupingNow(format, view.phases, view.state));
      if (!view.groups) {
        const when = firstGroupingPhase(format, view.phases);
        return `${pairs || !when ? "Pairs" : "Groups"} are formed when the ${(when ?? "pair").toLowerCase()} phase begins. Join the activity so you get ${pairs || !when ? "a partner" : "a group"}.`;
      }
      if (!view.me.group) return `Join the activity first to get ${pairs ? "a partner" : "a group"}.`;
      const title = view.me.group.partners.length === 1 && pairs ? "My partner" : "My group";
      return dialog(title, partnerDialogCard(view, await partnerLinks(deps, me, view)), "medium");
    }),
  );

  app.taskModules.fetch(VERB.share, (context, _state, raw) =>
    friendly(deps, context, async () => {
      const view = await joinedView(deps, caller(context), parsePayload(activityRefSchema, raw).activityId);
      if (!view.accepts.includes("share"))
        return view.state.status === "ended"
          ? "This activity has ended."
          : "Key insights are shared once pairs are formed (pair and share phases).";
      if (!view.me.group) return "Join the activity first to get a partner.";
      return dialog("Our key insight", shareDialogCard(view));
    }),
  );

  app.taskModules.submit(VERB.saveShare, (context, _state, raw) =>
    friendly(deps, context, async () => {
      const me = caller(context);
      const data = parsePayload(textPayloadSchema, raw);
      try {
        const result = await activities.submitShare(
          me,
          data.activityId,
          { text: data.text, ...(data.etag ? { etag: data.etag } : {}) },
          requestIdOf(context),
        );
        if (result.status === "saved")
          return "Your pair's insight is saved. Your partner can see and edit it.";
        // The partner saved meanwhile: show both texts; nothing typed is lost.
        return dialog(
          "Our key insight",
          shareConflictCard(await activities.view(me, data.activityId), result),
        );
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const view = await activities.view(me, data.activityId);
        return dialog("Our key insight", shareDialogCard(view, error.message, data.text));
      }
    }),
  );

  app.taskModules.fetch(VERB.commit, (context, _state, raw) =>
    friendly(deps, context, async () => {
      const view = await activities.view(caller(context), parsePayload(activityRefSchema, raw).activityId);
      if (!view.accepts.includes("commitment")) return "Commitments are written when the activity closes.";
      return dialog("My commitment", commitmentDialogCard(view));
    }),
  );

  app.taskModules.submit(VERB.saveCommitment, (context, _state, raw) =>
    friendly(deps, context, async () => {
      const me = caller(context);
      const data = parsePayload(textPayloadSchema, raw);
      try {
        await activities.submit(me, data.activityId, "commitment", { text: data.text }, requestIdOf(context));
        return "Your commitment is saved: it is in your My learning, and we check in on it at the next session.";
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const view = await activities.view(me, data.activityId);
        return dialog("My commitment", commitmentDialogCard(view, data.text, error.message));
      }
    }),
  );

  // ── The format's own kinds (a table's notes, a theme, a pledge), from its definition ─────────

  app.taskModules.fetch(VERB.write, (context, _state, raw) =>
    friendly(deps, context, async () => {
      const me = caller(context);
      const { activityId, kind } = parsePayload(kindRefSchema, raw);
      let view = await activities.view(me, activityId);
      const definition = kindOf(view, kind);
      if (!definition) throw new ValidationError(`${view.formatName} takes no such submission.`);
      if (!view.accepts.includes(kind)) return notNow(view, kind);
      // A group's text is written by someone in a group: opening it joins (and places) late joiners.
      if (definition.scope === "group") {
        view = await joinedView(deps, me, activityId);
        if (!view.me.group) return "Join the activity first to get a group.";
      }
      return dialog(writingTitle(definition), writingDialogCard(view, kind));
    }),
  );

  app.taskModules.submit(VERB.saveWriting, (context, _state, raw) =>
    friendly(deps, context, async () => {
      const me = caller(context);
      const data = parsePayload(writingPayloadSchema, raw);
      const { activityId, kind, text } = data;
      try {
        const result = await activities.submit(
          me,
          activityId,
          kind,
          { text, ...(data.etag ? { etag: data.etag } : {}) },
          requestIdOf(context),
        );
        const view = await activities.view(me, activityId);
        const definition = kindOf(view, kind);
        if (result.status === "conflict")
          return dialog(
            definition ? writingTitle(definition) : view.formatName,
            writingConflictCard(view, kind, result),
          );
        return definition ? savedMessage(definition, formatDefinitionOf(view.format).confidential) : "Saved.";
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const view = await activities.view(me, activityId);
        const definition = kindOf(view, kind);
        if (!definition) throw error;
        return dialog(
          writingTitle(definition),
          writingDialogCard(view, kind, { text, error: error.message }),
        );
      }
    }),
  );
}

/** Why a kind cannot be written now, in the words of its format (the phases that take it). */
function notNow(view: ActivityView, kind: string): string {
  if (view.state.status === "ended") return "This activity has ended.";
  if (view.state.status === "not-started") return "The activity has not started yet.";
  const format = formatDefinitionOf(view.format);
  const definition = format.submissions[kind];
  return definition
    ? notAcceptedNow(format, kind, definition)
    : `${view.formatName} takes no such submission.`;
}

/** After a change: announce what is due at once, after the invoke is answered (the poller would, later). */
function afterwards(
  deps: MeetingActivityDependencies,
  me: Caller,
  view: Pick<ActivityView, "id" | "facilitator">,
): void {
  deps.background.run("activity announcement", { tenantId: me.tenantId, activityId: view.id }, () =>
    deps.announcer.announce(me.tenantId, view.id, view.facilitator),
  );
}

/** The caller's view; someone who opens their group or its text joins first (late joiners too). */
async function joinedView(
  deps: MeetingActivityDependencies,
  me: Caller,
  activityId: string,
): Promise<ActivityView> {
  const view = await deps.activities.view(me, activityId);
  if (view.me.joined || view.state.status === "ended" || view.state.status === "not-started") return view;
  const joined = await deps.activities.join(me, activityId);
  if (joined.me.group) afterwards(deps, me, joined); // a late joiner: the group list changes
  return joined;
}

/** One-click chat links to the caller's partners: by UPN (mail) when the directory answers in time. */
async function partnerLinks(
  deps: MeetingActivityDependencies,
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
