import { ASK_VERBS } from "../wireNames.js";
import { executeButton } from "./activityButtons.js";
import { type AdaptiveCard, adaptiveCard, paragraph } from "./adaptiveCard.js";
import { type AskText, askTextFor } from "./askText.js";

const ENGLISH = askTextFor("en");

/** Where a question would go if the library's answer does not help: one of the asker's communities. */
export interface OpenQuestionTarget {
  communityId: string;
  communityName: string;
  /** The question as asked. */
  question: string;
  /** The id of the message that asked it (with the conversation: the open question's identity). */
  askedIn: string;
}

/** The payload of "Not helpful" / "Ask the community", as the card sends it back. */
export type OpenQuestionPayload = Pick<OpenQuestionTarget, "communityId" | "question" | "askedIn">;

function openQuestionButton(title: string, target: OpenQuestionTarget) {
  const data: OpenQuestionPayload = {
    communityId: target.communityId,
    question: target.question,
    askedIn: target.askedIn,
  };
  return executeButton(title, ASK_VERBS.openQuestion, data);
}

/** Under an answer: open the best entry, or say it did not help (the question goes to people). */
export function answerActionsCard(options: {
  openUrl?: string;
  target?: OpenQuestionTarget;
  text?: AskText;
}): AdaptiveCard {
  const { openUrl, target, text = ENGLISH } = options;
  const body = [
    paragraph(target ? text.notHelpfulHint(target.communityName) : text.quotedHint, {
      isSubtle: true,
      size: "Small",
    }),
  ];
  const actions: Record<string, unknown>[] = [];
  if (openUrl) actions.push({ type: "Action.OpenUrl", title: text.openEntry, url: openUrl });
  if (target) actions.push(openQuestionButton(text.notHelpful, target));
  return adaptiveCard(body, actions);
}

/** When the library holds no answer: the question can go to the community as an open question. */
export function noAnswerCard(target: OpenQuestionTarget | undefined, text: AskText = ENGLISH): AdaptiveCard {
  if (!target) return adaptiveCard([paragraph(text.noCommunity, { wrap: true })]);
  return adaptiveCard(
    [paragraph(text.askCommunityHint(target.communityName))],
    [openQuestionButton(text.askCommunity, target)],
  );
}

/** Someone a question was sent to, with when their time to answer is up. */
export interface AskedLine {
  name: string;
  /** ISO instant: the card shows it in the reader's own zone and language (Adaptive Cards' DATE/TIME). */
  dueAt: string;
}

/** "Wed, Dec 9, 2026 14:00" in the reader's own zone: Teams fills in Adaptive Cards' DATE and TIME. */
function whenText(iso: string): string {
  const at = iso.replace(/\.\d{3}Z$/, "Z");
  return `{{DATE(${at}, SHORT)}} {{TIME(${at})}}`;
}

/** After the question went to the library (or had already gone there), and who was asked. */
export function openQuestionPostedCard(options: {
  communityName: string;
  title: string;
  openUrl: string;
  created: boolean;
  /** The people the question was sent to, if any. */
  asked?: AskedLine[];
  text?: AskText;
}): AdaptiveCard {
  const asked = options.asked ?? [];
  const text = options.text ?? ENGLISH;
  return adaptiveCard(
    [
      paragraph(
        options.created ? text.nowOpen(options.communityName) : text.alreadyOpen(options.communityName),
      ),
      paragraph(options.title, { weight: "Bolder" }),
      ...(asked.length > 0
        ? [
            paragraph(text.sentTo(asked.map((a) => a.name)), { isSubtle: true }),
            ...asked.map((a) =>
              paragraph(text.hopedBy(a.name, whenText(a.dueAt)), {
                isSubtle: true,
                size: "Small",
              }),
            ),
          ]
        : []),
    ],
    [{ type: "Action.OpenUrl", title: text.openQuestion, url: options.openUrl }],
  );
}

/** The question as a person it is routed to receives it in personal chat: Answer opens a dialog. */
export function routedQuestionCard(options: {
  communityId: string;
  communityName: string;
  questionId: string;
  title: string;
  askerName: string;
  openUrl: string;
  /** When it goes to the next person if unanswered (ISO). */
  dueAt?: string;
  text?: AskText;
}): AdaptiveCard {
  const text = options.text ?? ENGLISH;
  const data = { communityId: options.communityId, questionId: options.questionId };
  return adaptiveCard(
    [
      paragraph(text.routedLead(options.askerName, options.communityName), { isSubtle: true }),
      paragraph(options.title, { weight: "Bolder", size: "Medium" }),
      paragraph(text.routedBody),
      ...(options.dueAt
        ? [
            paragraph(text.escalatesAt(whenText(options.dueAt)), {
              isSubtle: true,
              size: "Small",
            }),
          ]
        : []),
    ],
    [
      {
        type: "Action.Submit",
        title: text.answer,
        style: "positive",
        data: { msteams: { type: "task/fetch" }, verb: ASK_VERBS.answerDialog, ...data },
      },
      { type: "Action.OpenUrl", title: text.openQuestion, url: options.openUrl },
    ],
  );
}

/** The Answer dialog: the question, and the answer's text. */
export function answerDialogCard(options: {
  communityId: string;
  questionId: string;
  title: string;
  text?: string;
  error?: string;
  words?: AskText;
}): AdaptiveCard {
  const words = options.words ?? ENGLISH;
  return adaptiveCard(
    [
      ...(options.error ? [paragraph(options.error, { color: "Attention" })] : []),
      paragraph(options.title, { weight: "Bolder" }),
      {
        type: "Input.Text",
        id: "answer",
        label: words.yourAnswer,
        isMultiline: true,
        isRequired: true,
        maxLength: 8000,
        errorMessage: words.writeFirst,
        value: options.text ?? "",
      },
    ],
    [
      {
        type: "Action.Submit",
        title: words.postAnswer,
        style: "positive",
        data: { verb: ASK_VERBS.answer, communityId: options.communityId, questionId: options.questionId },
      },
    ],
  );
}
