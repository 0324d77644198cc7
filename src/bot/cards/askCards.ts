import { ASK_VERBS } from "../wireNames.js";
import { executeButton } from "./activityButtons.js";
import { type AdaptiveCard, adaptiveCard, paragraph } from "./adaptiveCard.js";

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
export function answerActionsCard(options: { openUrl?: string; target?: OpenQuestionTarget }): AdaptiveCard {
  const { openUrl, target } = options;
  const body = [
    paragraph(
      target
        ? `Not what you needed? "Not helpful" posts your question to ${target.communityName}'s library, where people who know can answer it.`
        : "Quoted from your communities' library; the numbers open the entries.",
      { isSubtle: true, size: "Small" },
    ),
  ];
  const actions: Record<string, unknown>[] = [];
  if (openUrl) actions.push({ type: "Action.OpenUrl", title: "Open the entry", url: openUrl });
  if (target) actions.push(openQuestionButton("Not helpful", target));
  return adaptiveCard(body, actions);
}

/** When the library holds no answer: the question can go to the community as an open question. */
export function noAnswerCard(target: OpenQuestionTarget | undefined): AdaptiveCard {
  if (!target) {
    return adaptiveCard([
      paragraph(
        "You are not a member of any community yet, so there is no library to ask. Join one in the PeerCircle tab.",
        { wrap: true },
      ),
    ]);
  }
  return adaptiveCard(
    [
      paragraph(
        `Ask ${target.communityName}: your question goes into its library as an open question, where people who know can answer it.`,
      ),
    ],
    [openQuestionButton("Ask the community", target)],
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
}): AdaptiveCard {
  const asked = options.asked ?? [];
  return adaptiveCard(
    [
      paragraph(
        options.created
          ? `Your question is now open in ${options.communityName}'s library:`
          : `Your question is already open in ${options.communityName}'s library:`,
      ),
      paragraph(options.title, { weight: "Bolder" }),
      ...(asked.length > 0
        ? [
            paragraph(`Sent to ${asked.map((a) => a.name).join(" and ")}.`, { isSubtle: true }),
            ...asked.map((a) =>
              paragraph(`${a.name}: an answer is hoped for by ${whenText(a.dueAt)}`, {
                isSubtle: true,
                size: "Small",
              }),
            ),
          ]
        : []),
    ],
    [{ type: "Action.OpenUrl", title: "Open the question", url: options.openUrl }],
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
}): AdaptiveCard {
  const data = { communityId: options.communityId, questionId: options.questionId };
  return adaptiveCard(
    [
      paragraph(
        `${options.askerName} asked ${options.communityName}, and you are among the people who know:`,
        {
          isSubtle: true,
        },
      ),
      paragraph(options.title, { weight: "Bolder", size: "Medium" }),
      paragraph("The library had no answer. Yours goes under the question, where the asker can accept it."),
      ...(options.dueAt
        ? [
            paragraph(`Unanswered by ${whenText(options.dueAt)}, it goes to the next person.`, {
              isSubtle: true,
              size: "Small",
            }),
          ]
        : []),
    ],
    [
      {
        type: "Action.Submit",
        title: "Answer",
        style: "positive",
        data: { msteams: { type: "task/fetch" }, verb: ASK_VERBS.answerDialog, ...data },
      },
      { type: "Action.OpenUrl", title: "Open the question", url: options.openUrl },
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
}): AdaptiveCard {
  return adaptiveCard(
    [
      ...(options.error ? [paragraph(options.error, { color: "Attention" })] : []),
      paragraph(options.title, { weight: "Bolder" }),
      {
        type: "Input.Text",
        id: "answer",
        label: "Your answer",
        isMultiline: true,
        isRequired: true,
        maxLength: 8000,
        errorMessage: "Write your answer first.",
        value: options.text ?? "",
      },
    ],
    [
      {
        type: "Action.Submit",
        title: "Post answer",
        style: "positive",
        data: { verb: ASK_VERBS.answer, communityId: options.communityId, questionId: options.questionId },
      },
    ],
  );
}
