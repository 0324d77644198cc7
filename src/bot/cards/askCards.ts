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

/** After the question went to the library (or had already gone there). */
export function openQuestionPostedCard(options: {
  communityName: string;
  title: string;
  openUrl: string;
  created: boolean;
}): AdaptiveCard {
  return adaptiveCard(
    [
      paragraph(
        options.created
          ? `Your question is now open in ${options.communityName}'s library:`
          : `Your question is already open in ${options.communityName}'s library:`,
      ),
      paragraph(options.title, { weight: "Bolder" }),
    ],
    [{ type: "Action.OpenUrl", title: "Open the question", url: options.openUrl }],
  );
}
