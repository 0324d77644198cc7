import type { ActivityView, GroupView } from "../../domain/activities/activityViews.js";
import type { PersonRef } from "../../domain/identity.js";
import { ACTIVITY_VERBS } from "../wireNames.js";
import { activityRefresh, dialogButton, kindButton } from "./activityButtons.js";
import { phaseOf } from "./activityCards.js";
import { type AdaptiveCard, adaptiveCard, heading, paragraph } from "./adaptiveCard.js";
import { formatDefinitionOf, groupingNow, isPairs, regroups } from "./phaseActions.js";

/**
 * Each round's groups posted to the meeting chat, every person mentioned, in as many messages as
 * Teams' size limit needs; the first 60 people's copy refreshes into their own view.
 */

/** Teams shows a refresh to at most 60 listed users (Universal Actions, `refresh.userIds`). */
export const MAX_REFRESH_USERS = 60;
/** Pairs per pair-list message: keeps each message far below Teams' ~100 KB (we aim ≤ 28 KB). */
export const PAIRS_PER_MESSAGE = 40;

// ── Pair list, summary, commitments ─────────────────────────────────────────────────────────────

export interface Mention {
  type: "mention";
  text: string;
  mentioned: { id: string; name: string };
}

/** `<at>Name</at>` and its mention entity (the Entra object id identifies the person). */
export function mentionOf(person: PersonRef): { text: string; entity: Mention } {
  const name = person.displayName.replace(/[<>]/g, "");
  const text = `<at>${name}</at>`;
  return { text, entity: { type: "mention", text, mentioned: { id: person.id, name } } };
}

/**
 * The pair list, in as many messages as needed ({@link PAIRS_PER_MESSAGE} groups each), every
 * person mentioned. The first ≤ 60 people's copy refreshes into their own view (their partner).
 */
export function pairListCards(
  view: ActivityView,
  groups: GroupView[],
  teamsIds: ReadonlyMap<string, string> = new Map(),
): AdaptiveCard[] {
  const cards: AdaptiveCard[] = [];
  const parts = Math.max(1, Math.ceil(groups.length / PAIRS_PER_MESSAGE));
  const format = formatDefinitionOf(view.format);
  const pairs = isPairs(groupingNow(format, view.phases, view.state));
  // "Pairs", or "Groups" named by their round when groups change every round (a café's tables).
  const phase = phaseOf(view);
  const title = pairs
    ? "Pairs"
    : regroups(format, view.phases) && phase
      ? `Groups · ${phase.title}`
      : "Groups";
  const find = pairs
    ? "Find your partner and talk it over: “My partner” opens a chat with them."
    : "Find your group and talk it over: “My group” opens a group chat with them.";
  // The group's own text, where the phase takes one (a pair's key insight, a table's notes).
  const groupKind = view.accepts.find((kind) => format.submissions[kind]?.scope === "group");
  const write = groupKind ? kindButton({ ...view, me: { joined: false } }, groupKind) : undefined;
  for (let part = 0; part < parts; part++) {
    const slice = groups.slice(part * PAIRS_PER_MESSAGE, (part + 1) * PAIRS_PER_MESSAGE);
    const entities: Mention[] = [];
    const lines = slice.map((g) => {
      const mentions = g.members.map(mentionOf);
      entities.push(...mentions.map((m) => m.entity));
      return mentions.map((m) => m.text).join(" & ");
    });
    // Refreshes reach people by their Teams id (known for those who joined through the bot).
    const userIds = slice
      .flatMap((g) => g.members.map((m) => teamsIds.get(m.id)))
      .filter((id): id is string => id !== undefined)
      .slice(0, MAX_REFRESH_USERS);
    const card = adaptiveCard(
      [
        heading(parts > 1 ? `${title} (${part + 1} of ${parts})` : title),
        ...(part === 0
          ? [
              paragraph(
                `${groups.length} groups${view.pairingDegraded ? ` (${pairs ? "paired" : "grouped"} at random: org details were not available)` : ""}. ${find}`,
              ),
            ]
          : []),
        paragraph(lines.join("\n\n")),
      ],
      [
        dialogButton(pairs ? "My partner" : "My group", ACTIVITY_VERBS.partner, view.id, "positive"),
        ...(write ? [write] : []),
      ],
    );
    cards.push({
      ...card,
      msteams: { ...card.msteams, entities },
      ...(userIds.length > 0 ? { refresh: activityRefresh(view.id, userIds) } : {}),
    } as AdaptiveCard);
  }
  return cards;
}
