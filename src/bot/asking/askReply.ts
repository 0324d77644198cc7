import { type Activity, CardFactory } from "botbuilder";
import type { AnswerSource } from "../../domain/ask/answerer.js";
import type { AskResult } from "../../domain/ask/askService.js";
import { shorten } from "../../domain/textNormalisation.js";
import { answerActionsCard, noAnswerCard, type OpenQuestionTarget } from "../cards/askCards.js";
import { type AskText, askTextFor } from "../cards/askText.js";
import { type AppLinks, entryDeepLink } from "../links.js";

/** Teams shows at most this much of a citation's abstract. */
const ABSTRACT_CHARS = 160;

/**
 * Teams' citation entity (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/bot-messages-ai-generated-content):
 * a schema.org Message whose `citation` claims the text's `[n]` markers point to. The
 * `AIGeneratedContent` label only when a model wrote the text: a quoted answer is the entries' own.
 */
export interface CitationEntity {
  type: "https://schema.org/Message";
  "@type": "Message";
  "@context": "https://schema.org";
  "@id": "";
  additionalType?: ["AIGeneratedContent"];
  citation: {
    "@type": "Claim";
    position: number;
    appearance: {
      "@type": "DigitalDocument";
      name: string;
      abstract: string;
      url: string;
      keywords?: string[];
    };
  }[];
}

/** The reply to a question: the quoted passages with their citations, and what to do next. */
export function askReply(
  result: AskResult,
  links: AppLinks,
  target: OpenQuestionTarget | undefined,
  words: AskText = askTextFor("en"),
): Partial<Activity> {
  const { answer } = result;
  if (answer.kind === "unknown") {
    return {
      type: "message",
      text: words.noAnswer,
      attachments: [CardFactory.adaptiveCard(noAnswerCard(target, words))],
    };
  }
  const percent = Math.round(answer.confidence * 100);
  const lead =
    answer.kind === "alreadyAnswered"
      ? words.askedBefore(answer.sources[0]?.title ?? "")
      : answer.generated
        ? words.generatedFromLibrary(percent)
        : words.fromLibrary(percent);
  const quoted = answer.passages.map((p) => `${p.text} [${p.citation}]`);
  const stale = answer.sources
    .map((s, i) => (s.stale ? words.stale(i + 1) : undefined))
    .filter((s): s is string => !!s);
  const first = answer.sources[0];
  const entity = citationEntity(answer.sources, answer.passages, links);
  return {
    type: "message",
    text: [lead, ...quoted, ...stale].join("\n\n"),
    entities: [
      answer.generated ? { ...entity, additionalType: ["AIGeneratedContent"] } : entity,
    ] as unknown as Activity["entities"],
    // A generated answer carries Teams' thumbs up / down; the votes arrive as `message/submitAction`.
    ...(answer.generated ? { channelData: { feedbackLoopEnabled: true } } : {}),
    attachments: [
      CardFactory.adaptiveCard(
        answerActionsCard({
          ...(first ? { openUrl: entryDeepLink(links, first.communityId, first.entryId) } : {}),
          ...(target ? { target } : {}),
          text: words,
        }),
      ),
    ],
  };
}

function citationEntity(
  sources: AnswerSource[],
  passages: { text: string; citation: number }[],
  links: AppLinks,
): CitationEntity {
  return {
    type: "https://schema.org/Message",
    "@type": "Message",
    "@context": "https://schema.org",
    "@id": "",
    citation: sources.map((source, i) => {
      const quoted = passages.find((p) => p.citation === i + 1)?.text ?? source.title;
      const keywords = [
        source.communityName,
        source.verified ? (source.stale ? "Needs review" : "Verified") : "",
      ]
        .filter(Boolean)
        .map((k) => shorten(k, 28));
      return {
        "@type": "Claim",
        position: i + 1,
        appearance: {
          "@type": "DigitalDocument",
          name: shorten(source.title, 80),
          abstract: shorten(quoted, ABSTRACT_CHARS),
          url: entryDeepLink(links, source.communityId, source.entryId),
          keywords,
        },
      };
    }),
  };
}
