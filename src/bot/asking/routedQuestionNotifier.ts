import { CardFactory } from "botbuilder";
import type { QuestionNotifier, QuestionRoute } from "../../domain/ask/questionRoute.js";
import type { PersonRef } from "../../domain/identity.js";
import { routedQuestionCard } from "../cards/askCards.js";
import { askTextFor } from "../cards/askText.js";
import { type AppLinks, entryDeepLink } from "../links.js";
import type { ProactiveSender } from "../meetings/proactiveSender.js";

/**
 * Sends a routed question to one person's personal chat with the bot (they installed PeerCircle
 * personally or talked with it there): false when the bot has no way to reach them.
 */
export function routedQuestionNotifier(deps: {
  sender: Pick<ProactiveSender, "send">;
  links: AppLinks;
  /** The person's language as the directory knows it (`preferredLanguage`); absent: English. */
  languageOf?: (tenantId: string, userId: string) => Promise<string | undefined>;
}): QuestionNotifier {
  return {
    async ask(route: QuestionRoute, person: PersonRef): Promise<boolean> {
      const asked = route.asked.find((a) => a.person.id === person.id);
      const language = await deps.languageOf?.(route.tenantId, person.id).catch(() => undefined);
      const card = routedQuestionCard({
        communityId: route.communityId,
        communityName: route.communityName,
        questionId: route.questionId,
        title: route.title,
        askerName: route.asker.displayName,
        openUrl: entryDeepLink(deps.links, route.communityId, route.questionId),
        ...(asked ? { dueAt: asked.dueAt } : {}),
        text: askTextFor(language),
      });
      const sent = await deps.sender.send(route.tenantId, { userId: person.id }, [
        { type: "message", attachments: [CardFactory.adaptiveCard(card)] },
      ]);
      return sent !== undefined;
    },
  };
}
