import type { PersonRef } from "../../domain/identity.js";
import { type AdaptiveCard, adaptiveCard, heading, paragraph } from "../cards/adaptiveCard.js";
import { cardText, shorten } from "../cards/cardText.js";
import { JOIN_REQUEST_VERBS } from "../wireNames.js";

/** The card verbs of requests to join, mapped once to readable names. */
export const JOIN_REQUEST = JOIN_REQUEST_VERBS;

/** What the stewards' card about a request to join says. */
export interface JoinRequestCardView {
  communityId: string;
  communityName: string;
  requester: PersonRef;
  /** Once answered: who answered and how (the card then has no buttons). */
  answered?: { by: PersonRef; approved: boolean };
}

/**
 * Posted to a private community's channel when someone asks to join: who asks, and Approve /
 * Decline for the stewards (anyone else pressing them is told only stewards answer). Answered, it
 * says by whom, without buttons.
 */
export function joinRequestCard(view: JoinRequestCardView): AdaptiveCard {
  const who = cardText(shorten(view.requester.displayName, 100));
  const community = cardText(shorten(view.communityName, 100));
  const body = [heading(`${who} asks to join ${community}`)];
  if (view.answered) {
    const by = cardText(shorten(view.answered.by.displayName, 100));
    body.push(
      paragraph(view.answered.approved ? `Approved by ${by}: ${who} is a member now.` : `Declined by ${by}.`),
    );
    return adaptiveCard(body);
  }
  body.push(paragraph(`${community} is private: its stewards decide who joins.`, { isSubtle: true }));
  const data = { communityId: view.communityId, userId: view.requester.id };
  return adaptiveCard(body, [
    { type: "Action.Execute", title: "Approve", verb: JOIN_REQUEST.approve, data, style: "positive" },
    { type: "Action.Execute", title: "Decline", verb: JOIN_REQUEST.decline, data },
  ]);
}
