import { Application, type TeamsAdapter, type TurnState } from "@microsoft/teams-ai";
import { CardFactory, type TurnContext } from "botbuilder";
import type { QuestionsAheadService } from "../domain/activities/questionsAhead.js";
import type { AnswerService } from "../domain/ask/answerService.js";
import { AskService } from "../domain/ask/askService.js";
import { StorageUnavailableError } from "../domain/errors.js";
import type { PersonTimeZones } from "../domain/people/personTimeZones.js";
import {
  answerQuestion,
  isAddressedToBot,
  type QuestionRouting,
  questionOf,
  registerAsking,
} from "./asking/askTurns.js";
import { helpCard } from "./cards/helpCard.js";
import { type InstallScope, welcomeCard } from "./cards/welcomeCard.js";
import { keepEntityProperties } from "./entitySerialization.js";
import type { MeetingActivityDependencies } from "./meetings/activityTurns.js";
import { registerMeetingActivities } from "./meetings/meetingActivities.js";
import { type MeetingOutcomeDependencies, registerMeetingOutcomes } from "./meetings/meetingOutcomes.js";
import { registerMeetingPresence } from "./meetings/meetingPresence.js";
import { registerJoinRequestActions } from "./membership/joinRequests.js";
import { type MessageExtensionDependencies, registerMessageExtensions } from "./messageExtensions.js";
import { registerQuestionsAhead } from "./reminders/questionsAheadDialog.js";
import { tenantIdOf } from "./teamsCaller.js";

/** What the meeting features (activities of every format, meeting outcomes) need. */
export type MeetingBotDependencies = Omit<
  MeetingActivityDependencies & MeetingOutcomeDependencies,
  "allowedTenants" | "logger"
>;

/** What the bot needs from the composition root. */
export interface BotDependencies extends MessageExtensionDependencies {
  adapter: TeamsAdapter;
  botAppId: string;
  /** Meetings: absent, the bot has no meeting commands (tools that need only the basics). */
  meetings?: MeetingBotDependencies;
  /** Asking the community; by default the extractive answers over the library. */
  asking?: AskService;
  /** Answers under questions: with them and routing, open questions go to people who know. */
  answers?: AnswerService;
  /** Routing open questions to people, with a clock. */
  questionRouting?: QuestionRouting["routing"];
  /** Questions asked ahead of sessions (an AMA reminder's Ask ahead dialog). */
  questionsAhead?: QuestionsAheadService;
  /** People's own time zones, kept from what their Teams client reports on each message. */
  timeZones?: PersonTimeZones;
}

/**
 * The teams-ai Application: one router for every Teams surface of the bot. Each surface registers
 * its handlers here; handlers stay thin and call domain services.
 */
export function createBotApplication(deps: BotDependencies): Application<TurnState> {
  const { adapter, botAppId, logger } = deps;
  // Citations travel as entity properties, which the SDK's serialiser drops unless told.
  keepEntityProperties();
  const app = new Application<TurnState>({
    adapter,
    botAppId,
    removeRecipientMention: true,
    // The typing indicator costs one extra outgoing call per message and helps nobody here.
    startTypingTimer: false,
    longRunningMessages: false,
  });

  // A person's Teams client reports their time zone on every message (`localTimezone`): kept, so a
  // question routed to them counts working hours on their own clock. Never holds the turn up.
  app.turn("beforeTurn", async (context) => {
    const zone = context.activity.type === "message" ? context.activity.localTimezone : undefined;
    const tenantId = tenantIdOf(context);
    const userId = context.activity.from?.aadObjectId;
    if (deps.timeZones && zone && tenantId && userId && deps.allowedTenants.has(tenantId))
      deps.timeZones.remember(tenantId, userId, zone).catch((error: unknown) =>
        logger.warn("time zone not kept", {
          error: error instanceof Error ? error.message : String(error),
        }),
      );
    return true;
  });

  app.conversationUpdate("membersAdded", async (context) => {
    const botId = context.activity.recipient.id;
    const botWasAdded = (context.activity.membersAdded ?? []).some((m) => m.id === botId);
    if (!botWasAdded) return;
    // Where the bot may post later: a team's channels (community summaries), chats (meetings).
    const tenantId = tenantIdOf(context);
    if (deps.meetings && tenantId && deps.allowedTenants.has(tenantId))
      await deps.meetings.sender.remember(context, tenantId);
    await context.sendActivity({
      attachments: [CardFactory.adaptiveCard(welcomeCard(installScope(context)))],
    });
  });

  app.message(/^\s*help\s*$/i, async (context) => {
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(helpCard())] });
  });

  registerJoinRequestActions(app, deps);
  const routing: QuestionRouting | undefined =
    deps.answers && deps.questionRouting
      ? { answers: deps.answers, routing: deps.questionRouting }
      : undefined;
  const askingDeps = {
    ...deps,
    asking: deps.asking ?? new AskService(deps.library),
    ...(routing ? { routing } : {}),
  };
  registerAsking(app, askingDeps);

  if (deps.meetings) {
    const meetingDeps = { ...deps.meetings, allowedTenants: deps.allowedTenants, logger };
    registerMeetingActivities(app, meetingDeps);
    registerMeetingOutcomes(app, meetingDeps);
    registerMeetingPresence(app, meetingDeps);
  }

  // Any other text is a question for the community's library (in personal chat, or @mentioning
  // the bot in a channel or meeting chat). A message without words: show what works.
  app.activity("message", async (context) => {
    if (questionOf(context) && isAddressedToBot(context)) {
      await answerQuestion(askingDeps, context);
      return;
    }
    await context.sendActivity({
      text: "I didn't catch that. Here is what I can do:",
      attachments: [CardFactory.adaptiveCard(helpCard())],
    });
  });

  registerMessageExtensions(app, deps);
  if (deps.questionsAhead)
    registerQuestionsAhead(app, {
      questionsAhead: deps.questionsAhead,
      allowedTenants: deps.allowedTenants,
      logger,
    });

  app.error(async (context, error) => {
    logger.error("bot turn failed", {
      activityType: context.activity.type,
      conversationId: context.activity.conversation?.id,
      tenantId: context.activity.conversation?.tenantId,
      error: error instanceof Error ? error.message : String(error),
    });
    if (context.activity.type === "message") {
      await context.sendActivity(
        error instanceof StorageUnavailableError
          ? error.message
          : "Sorry, something went wrong on my side. Please try again in a moment.",
      );
    }
  });

  return app;
}

function installScope(context: TurnContext): InstallScope {
  const type = context.activity.conversation?.conversationType;
  if (type === "channel") return "team";
  if (type === "groupChat") return "groupChat";
  return "personal";
}
