import type { Application, TurnState } from "@microsoft/teams-ai";
import { z } from "zod";
import type { QuestionsAheadService } from "../../domain/activities/questionsAhead.js";
import type { Logger } from "../../observability/logger.js";
import { type AdaptiveCard, adaptiveCard, heading, paragraph } from "../cards/adaptiveCard.js";
import { cardText, shorten } from "../cards/cardText.js";
import { registerDialogSave } from "../dialogSave.js";
import { dialog, friendly, parsePayload } from "../invokes.js";
import { callerFromActivity } from "../teamsCaller.js";
import { SESSION_VERBS } from "../wireNames.js";

const targetSchema = z.object({
  communityId: z.string().min(1).max(400),
  sessionId: z.string().min(1).max(400),
});
const submitSchema = targetSchema.extend({ question: z.string().max(2000).default("") });

/** The reminder's "Ask ahead" button (an AMA's): opens the dialog on mobile and desktop alike. */
export function askAheadAction(target: { communityId: string; sessionId: string }): Record<string, unknown> {
  return {
    type: "Action.Submit",
    title: "Ask ahead",
    data: { msteams: { type: "task/fetch" }, verb: SESSION_VERBS.askAheadDialog, ...target },
  };
}

/**
 * The card a day ahead of a session that takes questions asked ahead (an AMA): when, who answers,
 * and Ask ahead (the one primary action) beside opening the session.
 */
export function askAheadCard(view: {
  title: string;
  startsAt: string;
  expert?: { displayName: string } | undefined;
  link: string;
  communityId: string;
  sessionId: string;
}): AdaptiveCard {
  const at = view.startsAt.replace(/\.\d{3}Z$/, "Z");
  return adaptiveCard(
    [
      heading(`Questions for: ${cardText(shorten(view.title, 150))}`),
      paragraph(`{{DATE(${at}, SHORT)}} {{TIME(${at})}}`, { isSubtle: true }),
      paragraph(
        view.expert
          ? `${cardText(view.expert.displayName)} answers, most voted first. Ask yours ahead: the session starts with them.`
          : "The on-call expert answers, most voted first. Ask yours ahead: the session starts with them.",
      ),
    ],
    [
      { ...askAheadAction({ communityId: view.communityId, sessionId: view.sessionId }), style: "positive" },
      { type: "Action.OpenUrl", title: "Open session", url: view.link },
    ],
  );
}

/** The dialog: one question for the session's expert. */
export function askAheadDialogCard(options: {
  communityId: string;
  sessionId: string;
  text?: string;
  error?: string;
}): AdaptiveCard {
  return adaptiveCard(
    [
      ...(options.error ? [paragraph(options.error, { color: "Attention" })] : []),
      paragraph(
        "The expert starts the session with the questions asked ahead; everyone votes on them there.",
      ),
      {
        type: "Input.Text",
        id: "question",
        label: "Your question",
        isMultiline: true,
        isRequired: true,
        maxLength: 500,
        errorMessage: "Write your question first.",
        value: options.text ?? "",
      },
    ],
    [
      {
        type: "Action.Submit",
        title: "Ask",
        style: "positive",
        data: {
          verb: SESSION_VERBS.askAhead,
          communityId: options.communityId,
          sessionId: options.sessionId,
        },
      },
    ],
  );
}

/** The Ask ahead dialog and its submit (kept once per invoke: Teams may deliver it again). */
export function registerQuestionsAhead(
  app: Application<TurnState>,
  deps: { questionsAhead: QuestionsAheadService; allowedTenants: ReadonlySet<string>; logger: Logger },
): void {
  app.taskModules.fetch(SESSION_VERBS.askAheadDialog, (context, _state, raw) =>
    friendly(deps, context, async () => {
      callerFromActivity(context, deps.allowedTenants);
      return dialog("Ask ahead", askAheadDialogCard(parsePayload(targetSchema, raw)), "medium");
    }),
  );
  registerDialogSave(app, SESSION_VERBS.askAhead, deps, submitSchema, {
    save: async (me, data, requestId) => {
      await deps.questionsAhead.ask(me, data.communityId, data.sessionId, { text: data.question }, requestId);
      return "Thank you: your question is ready for the session.";
    },
    again: (_me, data, error) =>
      dialog("Ask ahead", askAheadDialogCard({ ...data, text: data.question, error }), "medium"),
  });
}
