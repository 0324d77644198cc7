import type { Application, TurnState } from "@microsoft/teams-ai";
import type { TurnContext } from "botbuilder";
import type { ActivityView } from "../../domain/activities/activityViews.js";
import { ValidationError } from "../../domain/errors.js";
import { partnerDialogCard } from "../cards/activityCards.js";
import type { AdaptiveCard } from "../cards/adaptiveCard.js";
import {
  commitmentDialogCard,
  reflectionDialogCard,
  shareConflictCard,
  shareDialogCard,
} from "../cards/ownKindDialogCards.js";
import { firstGroupingPhase, formatDefinitionOf, groupingNow, isPairs } from "../cards/phaseActions.js";
import {
  answerDialogCard,
  kindOf,
  savedMessage,
  writingConflictCard,
  writingDialogCard,
  writingTitle,
} from "../cards/submissionDialogCards.js";
import { dialog, friendly, parsePayload, requestIdOf } from "../invokes.js";
import { callerFromActivity } from "../teamsCaller.js";
import { ACTIVITY_VERBS as VERB } from "../wireNames.js";
import {
  activityRefSchema,
  answerPayloadSchema,
  criteriaPayloadOf,
  kindRefSchema,
  textPayloadSchema,
  writingPayloadSchema,
} from "./activityPayloads.js";
import { joinedView, type MeetingActivityDependencies, notNow, partnerLinks } from "./activityTurns.js";

/**
 * The dialogs people write in during an activity: the engine's own kinds (a reflection, a group's
 * key insight, a commitment), their group, and each of the format's own kinds (a table's notes, a
 * theme, a pledge) read from its definition. Each answers from one domain call.
 */
export function registerActivityDialogs(
  app: Application<TurnState>,
  deps: MeetingActivityDependencies,
): void {
  const { activities, allowedTenants } = deps;
  const caller = (context: TurnContext) => callerFromActivity(context, allowedTenants);

  // ── The engine's own kinds: reflection, a group's key insight, commitment ────────────────────

  /**
   * A kind each person writes for themselves (a reflection, a commitment): its dialog, opened when
   * the activity takes it, and its save; a text the rules refuse comes back in the dialog.
   */
  const ownTextKind = (spec: {
    kind: "reflection" | "commitment";
    open: string;
    save: string;
    title: string;
    card: (view: ActivityView, text?: string, error?: string) => AdaptiveCard;
    notNow: (view: ActivityView) => string;
    saved: string;
  }) => {
    app.taskModules.fetch(spec.open, (context, _state, raw) =>
      friendly(deps, context, async () => {
        const view = await activities.view(caller(context), parsePayload(activityRefSchema, raw).activityId);
        if (!view.accepts.includes(spec.kind)) return spec.notNow(view);
        return dialog(spec.title, spec.card(view));
      }),
    );
    app.taskModules.submit(spec.save, (context, _state, raw) =>
      friendly(deps, context, async () => {
        const me = caller(context);
        const data = parsePayload(textPayloadSchema, raw);
        try {
          await activities.submit(me, data.activityId, spec.kind, { text: data.text }, requestIdOf(context));
          return spec.saved;
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          const view = await activities.view(me, data.activityId);
          return dialog(spec.title, spec.card(view, data.text, error.message));
        }
      }),
    );
  };

  ownTextKind({
    kind: "reflection",
    open: VERB.reflect,
    save: VERB.saveReflection,
    title: "My reflection",
    card: reflectionDialogCard,
    notNow: (view) => notNow(view, "reflection"),
    saved: "Your reflection is saved. Only you can see it (it is in your My learning too).",
  });

  app.taskModules.fetch(VERB.partner, (context, _state, raw) =>
    friendly(deps, context, async () => {
      const me = caller(context);
      const view = await joinedView(deps, me, parsePayload(activityRefSchema, raw).activityId);
      const format = formatDefinitionOf(view.format);
      const pairs = isPairs(groupingNow(format, view.phases, view.state));
      if (view.groupCount === undefined) {
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

  ownTextKind({
    kind: "commitment",
    open: VERB.commit,
    save: VERB.saveCommitment,
    title: "My commitment",
    card: commitmentDialogCard,
    notNow: () => "Commitments are written when the activity closes.",
    saved: "Your commitment is saved: it is in your My learning, and we check in on it at the next session.",
  });

  // ── The format's own kinds (a table's notes, a theme, a pledge), from its definition ─────────

  app.taskModules.fetch(VERB.write, (context, _state, raw) =>
    friendly(deps, context, async () => {
      const me = caller(context);
      const { activityId, kind } = parsePayload(kindRefSchema, raw);
      let view = await activities.view(me, activityId);
      const definition = kindOf(view, kind);
      if (!definition) throw new ValidationError(`${view.formatName} takes no such submission.`);
      // The teacher or expert answers what the others ask: the same button opens their answers.
      if (definition.answeredBy && view.me.roles?.includes(definition.answeredBy))
        return dialog(
          `Answer the ${definition.plural ?? `${definition.noun}s`}`,
          answerDialogCard(view, kind),
        );
      if (!view.accepts.includes(kind)) return notNow(view, kind);
      // A group's text is written by someone in a group: opening it joins (and places) late joiners.
      if (definition.scope === "group") {
        view = await joinedView(deps, me, activityId);
        if (!view.me.group) return "Join the activity first to get a group.";
      }
      return dialog(writingTitle(definition), writingDialogCard(view, kind));
    }),
  );

  app.taskModules.submit(VERB.saveAnswer, (context, _state, raw) =>
    friendly(deps, context, async () => {
      const me = caller(context);
      const data = parsePayload(answerPayloadSchema, raw);
      const [ownerId = "", itemId = ""] = data.item.split("|");
      const title = (view: Parameters<typeof kindOf>[0]) => {
        const definition = kindOf(view, data.kind);
        return `Answer the ${definition?.plural ?? `${definition?.noun ?? "question"}s`}`;
      };
      try {
        const view = await activities.answer(
          me,
          data.activityId,
          { kind: data.kind, ownerId, itemId },
          { text: data.text },
          requestIdOf(context),
        );
        // The next unanswered one, if any: answering goes on in the same dialog.
        const open = view.submissions.filter((s) => s.kind === data.kind && s.itemId && !s.answer);
        if (open.length === 0) return "Answered. Every question has its answer now.";
        return dialog(title(view), answerDialogCard(view, data.kind));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const view = await activities.view(me, data.activityId);
        return dialog(
          title(view),
          answerDialogCard(view, data.kind, { item: data.item, text: data.text, error: error.message }),
        );
      }
    }),
  );

  app.taskModules.submit(VERB.saveWriting, (context, _state, raw) =>
    friendly(deps, context, async () => {
      const me = caller(context);
      const data = parsePayload(writingPayloadSchema, raw);
      const { activityId, kind, text } = data;
      // Per criterion: the boxes, each with the words marked "I will change this" on it first (read
      // from the activity: only a dialog with boxes per criterion pays for that read).
      let criteria: string[] | undefined;
      try {
        if (hasCriteria(raw)) {
          const before = await activities.view(me, activityId);
          if (kindOf(before, kind)?.perCriterion && before.rubric)
            criteria = criteriaSubmitted(before, kind, raw);
        }
        const result = await activities.submit(
          me,
          activityId,
          kind,
          { text, ...(criteria ? { criteria } : {}), ...(data.etag ? { etag: data.etag } : {}) },
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
          writingDialogCard(view, kind, { text, ...(criteria ? { criteria } : {}), error: error.message }),
        );
      }
    }),
  );
}

/**
 * The texts per criterion a dialog sent: for each criterion, the words of the items marked "I will
 * change this" on it (read from the activity, never from the payload), then what was typed.
 */
function criteriaSubmitted(view: ActivityView, kind: string, raw: unknown): string[] {
  const rubric = view.rubric ?? [];
  const { typed, marked } = criteriaPayloadOf(raw, rubric.length);
  const adopts = kindOf(view, kind)?.adopts;
  return rubric.map((_, i) => {
    const words = (marked[i] ?? []).flatMap((key) => {
      const item = view.submissions.find(
        (s) => s.kind === adopts && `${s.ownerId}|${s.itemId}` === key && s.criteria,
      );
      const said = item?.criteria?.[i]?.text ?? "";
      return said === "" ? [] : [said];
    });
    return [...words, typed[i]?.trim() ?? ""].filter((t) => t !== "").join("\n");
  });
}

/** Whether a dialog sent boxes per criterion (`criterion-{i}`, `adopt-{i}`). */
function hasCriteria(raw: unknown): boolean {
  const data = (raw ?? {}) as Record<string, unknown>;
  return typeof data === "object" && Object.keys(data).some((k) => /^(criterion|adopt)-\d+$/.test(k));
}
