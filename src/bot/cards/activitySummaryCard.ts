import type { ActivityFormatDefinition } from "../../domain/activities/activityFormat.js";
import type { ActivitySummary } from "../../domain/activities/activityViews.js";
import { ACTIVITY_VERBS } from "../wireNames.js";
import { dialogButton } from "./activityButtons.js";
import { type AdaptiveCard, adaptiveCard, heading, paragraph } from "./adaptiveCard.js";
import { cardText, shorten } from "./cardText.js";
import { PAIRS_PER_MESSAGE } from "./groupListCards.js";
import { writingButtonTitle } from "./submissionDialogCards.js";

/**
 * The close of an activity: what it counted by the format's kinds, its groups, the shared insights
 * (highlights first), and where it was saved; the meeting chat's copy invites what may still be
 * written.
 */

/** Cards stay well below Teams' message limit: insights beyond this budget are counted, not shown. */
const SUMMARY_TEXT_BUDGET = 20_000;

/** Where a summary goes: the meeting chat invites a commitment, the community's channel does not. */
export interface SummaryOptions {
  /** The community's library (a Teams deep link). */
  libraryUrl?: string;
  /** The community the insights were saved to (said on the card). */
  communityName?: string;
  /** The copy for the meeting chat: people who took part can still write their commitment. */
  inviteCommitments?: boolean;
  /**
   * The activity's format: what it still takes after the end (a commitment, a café's pledge) is
   * what the meeting chat's copy invites. Without it, a commitment where the format declares one.
   */
  format?: ActivityFormatDefinition;
}

/** The close summary: prompt, participation, pairs, shared insights (highlights first). */
export function summaryCard(summary: ActivitySummary, options: SummaryOptions = {}): AdaptiveCard {
  const declares = (kind: string) => summary.declaredKinds.includes(kind);
  const body: Record<string, unknown>[] = [
    heading(`${summary.formatName} summary`),
    paragraph(`**Prompt:** ${cardText(summary.prompt)}`),
    {
      type: "FactSet",
      // What the format takes, and nothing it does not (a café has no reflections).
      facts: [
        { title: "Took part", value: String(summary.participantCount) },
        ...(declares("reflection") ? [{ title: "Reflected", value: String(summary.reflectedCount) }] : []),
        ...(summary.grouped !== false || summary.groups.length > 0
          ? [{ title: "Groups", value: String(summary.groups.length) }]
          : []),
        ...(declares("share") ? [{ title: "Insights shared", value: String(summary.shares.length) }] : []),
        ...summary.counts.flatMap((c) => [
          { title: capitalised(c.plural), value: String(c.count) },
          ...(c.answered === undefined ? [] : [{ title: "Answered", value: String(c.answered) }]),
        ]),
        ...(declares("commitment") ? [{ title: "Commitments", value: String(summary.commitmentCount) }] : []),
      ],
    },
  ];
  if (summary.groups.length > 0 && summary.groups.length <= PAIRS_PER_MESSAGE) {
    const pairs = summary.groups.every((g) => g.members.length <= 3);
    body.push(paragraph(pairs ? "**Pairs**" : "**Groups**", { spacing: "Medium" }));
    body.push(
      paragraph(
        summary.groups.map((g) => g.members.map((m) => cardText(m.displayName)).join(" & ")).join(" · "),
        { size: "Small", spacing: "None" },
      ),
    );
  }
  if (summary.shares.length > 0) body.push(paragraph("**Shared insights**", { spacing: "Medium" }));
  let budget = SUMMARY_TEXT_BUDGET;
  let shown = 0;
  for (const share of summary.shares) {
    const text = `${share.highlighted ? "⭐ " : ""}${cardText(shorten(share.text, 400))} — ${share.members.map((m) => cardText(m.displayName)).join(" & ")}`;
    if (budget - text.length < 0) break;
    budget -= text.length;
    shown++;
    body.push(paragraph(text, { spacing: "Small", ...(share.highlighted ? { weight: "Bolder" } : {}) }));
  }
  if (shown < summary.shares.length)
    body.push(paragraph(`…and ${summary.shares.length - shown} more in the library.`, { isSubtle: true }));
  if (options.communityName)
    body.push(
      paragraph(
        declares("share")
          ? `Every shared insight is saved to ${cardText(options.communityName)}'s library.`
          : `What the activity harvested is saved to ${cardText(options.communityName)}'s library.`,
        { isSubtle: true },
      ),
    );
  const actions: Record<string, unknown>[] = [];
  // The Commit button opens the commitment dialog: only for a format whose kind it writes.
  if (options.inviteCommitments) actions.push(...afterEndInvitations(summary, options.format));
  if (options.libraryUrl)
    actions.push({ type: "Action.OpenUrl", title: "Open the library", url: options.libraryUrl });
  return adaptiveCard(body, actions);
}

function capitalised(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/**
 * The buttons to write what the format still takes after the end, one's own: a commitment, a
 * pledge; a rating the format asks after the session (a module's usefulness) comes first, as the
 * one primary action, with the first other kind beside it.
 */
function afterEndInvitations(
  summary: ActivitySummary,
  format: ActivityFormatDefinition | undefined,
): Record<string, unknown>[] {
  const commit = () => dialogButton("Commit", ACTIVITY_VERBS.commit, summary.activityId, "positive");
  if (!format) return summary.declaredKinds.includes("commitment") ? [commit()] : [];
  const own = format.acceptsAfterEnd.filter((k) => format.submissions[k]?.scope === "person");
  const rating = own.find((k) => format.submissions[k]?.rating);
  const other = own.find((k) => !format.submissions[k]?.rating);
  return [rating, other].flatMap((kind, i) => {
    const definition = kind ? format.submissions[kind] : undefined;
    if (!kind || !definition) return [];
    const style = i === 0 || !rating ? "positive" : undefined;
    if (kind === "commitment")
      return [dialogButton("Commit", ACTIVITY_VERBS.commit, summary.activityId, style)];
    const title = definition.rating
      ? `Rate it (${definition.rating.min}–${definition.rating.max})`
      : writingButtonTitle(definition, false);
    const button = dialogButton(title, ACTIVITY_VERBS.write, summary.activityId, style);
    return [{ ...button, data: { ...button.data, kind } }];
  });
}
