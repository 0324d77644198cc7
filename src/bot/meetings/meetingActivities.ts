import type { Application, TurnState } from "@microsoft/teams-ai";
import { CardFactory, type TurnContext } from "botbuilder";
import { HELD_ROLES, type HeldRole, heldRolesOf } from "../../domain/activities/activityFormat.js";
import { STEERING_FORBIDDEN } from "../../domain/activities/activityService.js";
import { DomainError, ForbiddenError, ValidationError } from "../../domain/errors.js";
import type { Caller } from "../../domain/identity.js";
import { controlDialogCard, personalCard, phaseCard } from "../cards/activityCards.js";
import { type SetupForm, setupDialogCard, setupInvitationCard } from "../cards/activitySetupCards.js";
import { formsGroups } from "../cards/phaseActions.js";
import { dialog, friendly, meetingIdOf, memberCommunities, parsePayload, requestIdOf } from "../invokes.js";
import { callerFromActivity } from "../teamsCaller.js";
import { ACTIVITY_VERBS as VERB } from "../wireNames.js";
import { activityCommandOf } from "./activityCommands.js";
import { registerActivityDialogs } from "./activityDialogs.js";
import {
  activityRefSchema,
  controlPayloadSchema,
  fallbackPayloadSchema,
  formatNamed,
  phaseMinutes,
  type SetupPayload,
  setupPayloadSchema,
} from "./activityPayloads.js";
import { afterwards, type MeetingActivityDependencies, partnerLinks } from "./activityTurns.js";
import { meetingPeople } from "./meetingOutcomes.js";

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
    const communityId = communities.some((c) => c.id === data.communityId)
      ? data.communityId
      : (communities[0]?.id ?? "");
    // A format with a teacher may teach a topic from the community's queue.
    const rubric =
      data.rubric ??
      (Object.values(format.submissions).some((d) => d.perCriterion) && deps.rubrics && communityId
        ? (await deps.rubrics.rubricOf(me, communityId).catch(() => undefined))?.join("\n")
        : undefined);
    const [queue, people, modules] = await Promise.all([
      format.roles.includes("teacher") && deps.topics && communityId
        ? deps.topics.list(me, communityId).catch(() => undefined)
        : undefined,
      heldRolesOf(format).length > 0 ? meetingPeople(context, me) : undefined,
      format.phasesFrom && deps.modules && communityId
        ? deps.modules.list(me, communityId).catch(() => undefined)
        : undefined,
    ]);
    if (communities.length === 0)
      return "Join a PeerCircle community first (in its channel's PeerCircle tab): an activity saves what it yields to a community's library.";
    return dialog(
      `Set up ${format.name}`,
      setupDialogCard({
        format,
        prompt: data.prompt,
        communities: communities.map((c) => ({ id: c.id, name: c.name })),
        communityId,
        ...(queue
          ? {
              topics: queue.topics.map((t) => ({
                id: t.id,
                text: t.text,
                teacher: (t.picked?.teacher ?? t.proposer).displayName,
              })),
            }
          : {}),
        ...(data.topicId ? { topicId: data.topicId } : {}),
        ...(modules
          ? {
              modules: modules.modules.map((m) => ({
                id: m.id,
                title: m.title,
                totalMinutes: m.totalMinutes,
                sections: m.sections.length,
              })),
            }
          : {}),
        ...(data.moduleId ? { moduleId: data.moduleId } : {}),
        ...(people ? { people } : {}),
        ...(rubric ? { rubric } : {}),
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
        const roles = await holdersPicked(deps, me, data);
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
            ...(data.topicId && format.roles.includes("teacher") ? { topicId: data.topicId } : {}),
            ...(data.moduleId && format.phasesFrom ? { moduleId: data.moduleId } : {}),
            ...(Object.keys(roles).length > 0 ? { roles } : {}),
            ...(rubricLines(data.rubric).length > 0 ? { rubric: rubricLines(data.rubric) } : {}),
          },
          requestIdOf(context),
        );
        await deps.sender.remember(context, me.tenantId);
        // A format whose first phase forms groups (a module's first section) waits for people to
        // join from its card: groups formed as it started would hold nobody, and everyone would
        // arrive late. The facilitator starts it from the controls once people are in.
        if (formsGroups(format, created.phases[0])) {
          await context.sendActivity({ attachments: [CardFactory.adaptiveCard(phaseCard(created))] });
          return dialog(
            "Facilitator controls",
            controlDialogCard(
              created,
              "Set up: people join from its card in the chat. Start when they are in.",
            ),
          );
        }
        // The start carries a key of its own: a retried set-up starts nothing twice.
        const view = await activities.control(me, created.id, { kind: "start" }, `start:${created.id}`);
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

  /** Applies the facilitator's control the payload names, then what follows a change (announcing it). */
  const applyControl = async (context: TurnContext, raw: unknown) => {
    const me = caller(context);
    const { activityId, control } = parsePayload(controlPayloadSchema, raw);
    const view = await activities.control(me, activityId, control, requestIdOf(context));
    afterwards(deps, me, view);
    return { me, view };
  };

  app.adaptiveCards.actionExecute(VERB.control, (context, _state, raw) =>
    friendly(deps, context, async () => {
      const { me, view } = await applyControl(context, raw);
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
      const { view } = await applyControl(context, raw);
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

  registerActivityDialogs(app, deps);
}

/**
 * The holders of held roles (teacher, expert, author, narrator) picked in the set-up dialog (the chat's roster sends an Entra id), by
 * name from the directory; a person it does not know is refused kindly.
 */
async function holdersPicked(
  deps: Pick<MeetingActivityDependencies, "directory">,
  me: Caller,
  data: SetupPayload,
): Promise<Partial<Record<HeldRole, { id: string; displayName: string }>>> {
  const picked = HELD_ROLES.flatMap((role) => {
    const id = data[`holder-${role}`]?.trim();
    return id ? [[role, id] as const] : [];
  });
  if (picked.length === 0) return {};
  const { people } = await deps.directory.getMany(
    me.tenantId,
    picked.map(([, id]) => id),
  );
  const holders: Partial<Record<HeldRole, { id: string; displayName: string }>> = {};
  for (const [role, id] of picked) {
    const person = people.get(id);
    if (!person)
      throw new ValidationError(`PeerCircle does not find the ${role} you picked. Pick them again.`);
    holders[role] = { id, displayName: person.displayName };
  }
  return holders;
}

/** The rubric typed in the set-up dialog, a criterion a line (empty lines left out). */
function rubricLines(text: string | undefined): string[] {
  return (text ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}
