import { createHash } from "node:crypto";
import type { Application, TurnState } from "@microsoft/teams-ai";
import { CardFactory, type TurnContext } from "botbuilder";
import { z } from "zod";
import type { AnswerService } from "../../domain/ask/answerService.js";
import type { AskService } from "../../domain/ask/askService.js";
import type { QuestionRoutingService } from "../../domain/ask/questionRoutingService.js";
import type { CommunityService } from "../../domain/communities/communityService.js";
import { DomainError } from "../../domain/errors.js";
import type { Caller } from "../../domain/identity.js";
import type { LibraryService } from "../../domain/library/libraryService.js";
import { shorten } from "../../domain/textNormalisation.js";
import type { Logger } from "../../observability/logger.js";
import { type AskedLine, answerDialogCard, openQuestionPostedCard } from "../cards/askCards.js";
import { type AskText, askTextFor } from "../cards/askText.js";
import { registerDialogSave } from "../dialogSave.js";
import { dialog, friendly, memberCommunities, parsePayload, SORRY } from "../invokes.js";
import { type AppLinks, entryDeepLink } from "../links.js";
import { callerFromActivity } from "../teamsCaller.js";
import { ASK_VERBS } from "../wireNames.js";
import { askReply } from "./askReply.js";

/**
 * Routing a question the library could not answer to people (the on-call expert, then who knows
 * its topics), in their personal chat, with an Answer dialog.
 */
export interface QuestionRouting {
  routing: Pick<QuestionRoutingService, "routeQuestion">;
  answers: AnswerService;
}

/** What asking in chat needs from the composition root. */
export interface AskingDependencies {
  asking: AskService;
  communities: CommunityService;
  library: LibraryService;
  links: AppLinks;
  allowedTenants: ReadonlySet<string>;
  logger: Logger;
  routing?: QuestionRouting;
}

/** `ask …` says it outright; any other text in personal chat (or with an @mention) is a question too. */
const ASK_PREFIX = /^\s*ask\b[\s:,-]*/i;

const openQuestionSchema = z.object({
  communityId: z.string().min(1).max(200),
  question: z.string().trim().min(3, "This card has no question to post.").max(500),
  askedIn: z.string().min(1).max(300),
});

/** The question as asked: the message's text without the bot's mention (teams-ai removes it) or `ask`. */
export function questionOf(context: TurnContext): string {
  return (context.activity.text ?? "")
    .replace(/<[^>]*>/g, " ")
    .replace(ASK_PREFIX, "")
    .trim();
}

/**
 * Whether a message is meant for the bot: always in personal chat; elsewhere only when it
 * @mentions the bot (Teams delivers only those today, but an RSC grant to read every message of a
 * chat must not turn each one into a question).
 */
export function isAddressedToBot(context: TurnContext): boolean {
  const activity = context.activity;
  if (activity.conversation?.conversationType === "personal") return true;
  return (activity.entities ?? []).some(
    (e) =>
      e.type === "mention" && (e as { mentioned?: { id?: string } }).mentioned?.id === activity.recipient?.id,
  );
}

/**
 * Answers a question from the library of the asker's communities: the quoted passages with
 * Teams citations, and a button that posts the question to the community when it did not help
 * (or when the library holds no answer).
 */
export async function answerQuestion(deps: AskingDependencies, context: TurnContext): Promise<void> {
  try {
    const me = callerFromActivity(context, deps.allowedTenants);
    const question = questionOf(context);
    // Listed once: the question is asked across them, and the first is where "Not helpful" posts it.
    // A list read in the last seconds serves again: every question needs it (see listVisibleRecent).
    const mine = await memberCommunities(
      { listVisible: (caller) => deps.communities.listVisibleRecent(caller) },
      me,
      context,
    );
    const result = await deps.asking.ask(me, question, mine);
    const home = mine[0];
    const target = home
      ? {
          communityId: home.id,
          communityName: home.name,
          question: result.question,
          askedIn: context.activity.id ?? "",
        }
      : undefined;
    await context.sendActivity(
      askReply(result, deps.links, target?.askedIn ? target : undefined, wordsOf(context)),
    );
  } catch (error) {
    if (error instanceof DomainError) {
      await context.sendActivity(error.message);
      return;
    }
    deps.logger.error("asking failed", {
      tenantId: context.activity.conversation?.tenantId,
      conversationId: context.activity.conversation?.id,
      error: error instanceof Error ? error.message : String(error),
    });
    await context.sendActivity(SORRY);
  }
}

/** "Not helpful" / "Ask the community": the question becomes an open Q&A entry, once. */
export function registerAsking(app: Application<TurnState>, deps: AskingDependencies): void {
  const post = async (context: TurnContext, raw: unknown) => {
    const me = callerFromActivity(context, deps.allowedTenants);
    const data = parsePayload(openQuestionSchema, raw);
    const id = openQuestionId(context.activity.conversation?.id ?? "", data.askedIn);
    const { entry, community, created } = await deps.library.openQuestion(
      me,
      data.communityId,
      { title: shorten(data.question, 200), body: data.question },
      id,
    );
    // Only the call that created the open question routes it: a repeated press, or the same
    // press delivered to two instances, finds the entry and sends nothing again.
    const asked = created ? await route(deps, me, community, entry) : [];
    return openQuestionPostedCard({
      communityName: community.name,
      title: entry.title,
      openUrl: entryDeepLink(deps.links, community.id, entry.id),
      created,
      asked,
      text: wordsOf(context),
    });
  };
  if (deps.routing) registerAnswerDialog(app, deps, deps.routing);
  // Thumbs up / down on a generated answer (Teams' feedback loop): kept in the log for the admin
  // who turned generated answers on; the reaction and whether words came with it, not the words.
  app.feedbackLoop(async (context, _state, data) => {
    deps.logger.info("asking: feedback on a generated answer", {
      tenantId: context.activity.conversation?.tenantId,
      reaction: data.actionValue.reaction,
      withComment:
        typeof data.actionValue.feedback === "string" ? data.actionValue.feedback.length > 0 : true,
      replyToId: data.replyToId,
    });
  });
  app.adaptiveCards.actionExecute(ASK_VERBS.openQuestion, (context, _state, raw) =>
    friendly(deps, context, () => post(context, raw)),
  );
  // Clients without Universal Actions send the fallback Action.Submit: answer with a new message.
  app.adaptiveCards.actionSubmit(ASK_VERBS.openQuestion, async (context, _state, raw) => {
    const card = await friendly(deps, context, () => post(context, raw));
    await context.sendActivity(
      typeof card === "string" ? card : { attachments: [CardFactory.adaptiveCard(card)] },
    );
  });
}

/** The question to the people who may know (a route made once); who it went to and until when. */
async function route(
  deps: AskingDependencies,
  me: Caller,
  community: { id: string; name: string },
  entry: { id: string; title: string },
): Promise<AskedLine[]> {
  const routing = deps.routing;
  if (!routing) return [];
  try {
    const view = await routing.routing.routeQuestion(me, community.id, entry.id);
    return view.asked.filter((a) => !a.outcome).map((a) => ({ name: a.person.displayName, dueAt: a.dueAt }));
  } catch (error) {
    // The question is in the library either way; a failed routing must not lose it.
    deps.logger.warn("asking: routing the question failed", {
      tenantId: me.tenantId,
      communityId: community.id,
      error: error instanceof Error ? error.message : String(error),
    });
    return [];
  }
}

const answerTargetSchema = z.object({
  communityId: z.string().min(1).max(200),
  questionId: z.string().min(1).max(200),
});
const answerSubmitSchema = answerTargetSchema.extend({ answer: z.string().max(8000).default("") });

/** The expert's Answer dialog and its submit: the answer goes under the question. */
function registerAnswerDialog(
  app: Application<TurnState>,
  deps: AskingDependencies,
  routing: QuestionRouting,
) {
  app.taskModules.fetch(ASK_VERBS.answerDialog, (context, _state, raw) =>
    friendly(deps, context, async () => {
      const me = callerFromActivity(context, deps.allowedTenants);
      const data = parsePayload(answerTargetSchema, raw);
      const question = await deps.library.get(me, data.communityId, data.questionId);
      const words = wordsOf(context);
      return dialog(words.answer, answerDialogCard({ ...data, title: question.title, words }), "medium");
    }),
  );
  registerDialogSave(app, ASK_VERBS.answer, deps, answerSubmitSchema, {
    save: async (me, data, requestId, context) => {
      await routing.answers.add(me, data.communityId, data.questionId, { body: data.answer }, requestId);
      return wordsOf(context).thanks;
    },
    again: async (me, data, error, context) => {
      const question = await deps.library.get(me, data.communityId, data.questionId);
      const words = wordsOf(context);
      const card = answerDialogCard({ ...data, title: question.title, text: data.answer, error, words });
      return dialog(words.answer, card, "medium");
    },
  });
}

/** The asking words in the language of the person's Teams client. */
function wordsOf(context: TurnContext): AskText {
  return askTextFor(context.activity.locale);
}

/** The open question's entry id: one per asked message, so a repeated press finds the same entry. */
export function openQuestionId(conversationId: string, askedIn: string): string {
  const digest = createHash("sha256").update(`${conversationId}\u0000${askedIn}`).digest("hex");
  return `ask-${digest.slice(0, 40)}`;
}
