import type { ActivityView, PersonalView } from "../../domain/activities/activityViews.js";
import type { PersonRef } from "../../domain/identity.js";
import { activityRefresh, controlActions, controlsButton, participantActions } from "./activityButtons.js";
import { type AdaptiveCard, adaptiveCard, heading, paragraph } from "./adaptiveCard.js";
import { cardText, shorten } from "./cardText.js";
import { formatDefinitionOf, groupingNow, isPairs, regroups } from "./phaseActions.js";

/**
 * Activity cards in the meeting chat, for every format: pure builders (view model in, Adaptive
 * Card 1.5 JSON out): each phase's card, a person's own view of it, the facilitator's controls
 * and one's group. Their buttons (activityButtons.ts) are read from the format's definition
 * (phaseActions.ts); the group lists, the summary and the dialogs have files of their own.
 */

/** `{{TIME()}}` renders in each reader's time zone (Teams card formatting). */
const endsAtText = (iso: string) => `Ends at {{TIME(${iso.replace(/\.\d{3}Z$/, "Z")})}}`;

// ── The chat card of each phase ─────────────────────────────────────────────────────────────────

export const phaseOf = (view: Pick<ActivityView, "state" | "phases">) =>
  view.state.phaseIndex >= 0 ? view.phases[view.state.phaseIndex] : undefined;

/** A module's section (phases from content): its text, as the steward wrote it (sanitised markdown). */
function sectionText(phase: ActivityView["phases"][number] | undefined): Record<string, unknown>[] {
  return phase?.body ? [paragraph(shorten(phase.body, 800), { spacing: "Small" })] : [];
}

function stateLine(view: Pick<ActivityView, "state" | "phases">): string {
  const phase = phaseOf(view);
  if (view.state.status === "ended") return "This activity has ended.";
  if (view.state.status === "not-started") return "Not started yet.";
  if (!phase) return "";
  const step = `Step ${view.state.phaseIndex + 1} of ${view.phases.length}: **${phase.title}** (${phase.minutes} min)`;
  if (view.state.status === "paused") return `${step} · paused`;
  return view.state.endsAt ? `${step} · ${endsAtText(view.state.endsAt)}` : step;
}

/**
 * The card posted to the meeting chat when an activity starts or changes phase: the same for
 * everyone, with only this phase's action; the facilitator's controls are a secondary action (in
 * the card's "…" menu). The facilitator's copy refreshes into their own view with the controls
 * (`refresh.userIds` takes Teams user ids, `29:…`, so only when theirs is known).
 */
export function phaseCard(view: ActivityView, facilitatorTeamsId?: string): AdaptiveCard {
  const phase = phaseOf(view);
  const card = adaptiveCard(
    [
      heading(`${view.formatName}${phase ? ` · ${phase.title}` : ""}`),
      paragraph(`**Prompt:** ${cardText(view.prompt)}`),
      paragraph(stateLine(view), { isSubtle: true, spacing: "Small" }),
      ...(phase?.instruction ? [paragraph(phase.instruction)] : []),
      ...sectionText(phase),
      paragraph(`Facilitated by ${cardText(view.facilitator.displayName)}.`, {
        isSubtle: true,
        size: "Small",
      }),
    ],
    [...participantActions({ ...view, me: { joined: false } }), controlsButton(view.id)],
  );
  if (!facilitatorTeamsId) return card;
  return { ...card, refresh: activityRefresh(view.id, [facilitatorTeamsId]) } as AdaptiveCard;
}

/**
 * One person's view of the activity card (the answer to Join, a control, a refresh): their status,
 * partner and buttons, the controls for the facilitator. It replaces the card for that person only.
 * The counts line shows when the view carries counts (the answer to Join reads by key and has none).
 */
export function personalCard(
  view: PersonalView & Partial<Pick<ActivityView, "submissions">>,
  partnerLinks: Map<string, string> = new Map(),
  notice?: string,
): AdaptiveCard {
  const phase = phaseOf(view);
  const body: Record<string, unknown>[] = [
    heading(`${view.formatName}${phase ? ` · ${phase.title}` : ""}`),
    ...(notice ? [paragraph(cardText(notice), { color: "Good", weight: "Bolder" })] : []),
    paragraph(`**Prompt:** ${cardText(view.prompt)}`),
    paragraph(stateLine(view), { isSubtle: true, spacing: "Small" }),
    // A facilitator in no group is told what the others are asked to do, as the side panel does.
    ...(phase?.instruction
      ? [
          paragraph(
            view.isFacilitator && !view.me.group
              ? `Participants see: “${phase.instruction}”`
              : phase.instruction,
          ),
        ]
      : []),
    ...sectionText(phase),
  ];
  const mine: string[] = [];
  if (view.me.joined) mine.push("You have joined.");
  if (view.me.reflection) mine.push("Your reflection is saved (only you can see it).");
  if (view.me.share)
    mine.push(
      `Your ${view.me.group && view.me.group.partners.length > 1 ? "group" : "pair"}'s insight is shared.`,
    );
  if (view.me.commitment) mine.push("Your commitment is saved.");
  // The format's own kinds a person writes for themselves (a pledge): said like the commitment.
  for (const kind of view.kinds)
    if (
      kind.scope === "person" &&
      "submissions" in view &&
      view.submissions?.some((s) => s.kind === kind.kind && s.mine)
    )
      mine.push(`Your ${kind.noun} is saved.`);
  if (mine.length > 0) body.push(paragraph(mine.join(" "), { spacing: "Medium" }));
  const format = formatDefinitionOf(view.format);
  if (view.participantCount !== undefined)
    body.push(
      paragraph(
        [
          `${view.participantCount} joined`,
          ...(format.submissions.reflection ? [`${view.reflectedCount ?? 0} reflected`] : []),
          ...(view.groupCount !== undefined ? [`${view.groupCount} groups`] : []),
        ].join(" · "),
        { isSubtle: true, size: "Small" },
      ),
    );
  const facilitating = view.isFacilitator && view.state.status !== "ended";
  const partners = view.me.group ? partnerBlocks(view, view.me.group.partners, partnerLinks) : undefined;
  if (partners) body.push(...partners.text);
  // One primary button: the facilitator's next step, or the person's own action; then the chat
  // with their group; at most three in all.
  const own = participantActions(view, !facilitating);
  const actions = (
    facilitating
      ? [controlActions(view, "execute")[0], partners?.chat ?? own[0], controlsButton(view.id)]
      : [own[0], partners?.chat ?? own[1]]
  ).filter((a): a is Record<string, unknown> => a !== undefined);
  // No `refresh` here: teams-ai sends a card with one to everyone (REPLACE_FOR_ALL), and this one
  // is the caller's own.
  return adaptiveCard(body, actions.slice(0, 3));
}

/** The group chat's topic: the format, and the round when groups change every round (a new chat each). */
function chatTopic(view: Pick<ActivityView, "format" | "formatName" | "phases" | "state">): string {
  const format = formatDefinitionOf(view.format);
  const phase = phaseOf(view);
  return regroups(format, view.phases) && phase ? `${view.formatName} · ${phase.title}` : view.formatName;
}

/** The partners' names, and one chat with all of them (a trio is one group chat, not two). */
function partnerBlocks(
  view: Pick<ActivityView, "format" | "formatName" | "phases" | "state">,
  partners: PersonRef[],
  links: Map<string, string>,
): { text: Record<string, unknown>[]; chat?: Record<string, unknown> } {
  const pairs = isPairs(groupingNow(formatDefinitionOf(view.format), view.phases, view.state));
  if (partners.length === 0)
    return {
      text: [
        paragraph(
          pairs
            ? "You are waiting for a partner: the next person to join pairs with you."
            : "Your group is only you so far: the next person to join is placed with you.",
          { weight: "Bolder" },
        ),
      ],
    };
  const names = partners.map((p) => cardText(p.displayName)).join(" and ");
  const one = partners.length === 1 ? partners[0] : undefined;
  return {
    text: [paragraph(`${one && pairs ? "Your partner" : "Your group"}: **${names}**`, { spacing: "Medium" })],
    chat: {
      type: "Action.OpenUrl",
      title: one ? "Chat" : "Group chat",
      url: one
        ? (links.get(one.id) ?? chatLink([one.id]))
        : chatLink(
            partners.map((p) => linkUser(links.get(p.id)) ?? p.id),
            chatTopic(view),
          ),
    },
  };
}

/** The user a 1:1 chat link names (its UPN when the directory knew it). */
function linkUser(link: string | undefined): string | undefined {
  if (!link) return undefined;
  return new URL(link).searchParams.get("users") ?? undefined;
}

const partnersOf = (view: Pick<ActivityView, "me">) => view.me.group?.partners ?? [];

/** A one-click Teams 1:1 (or group) chat with the partner(s). `users` takes UPNs or Entra ids. */
export function chatLink(users: string[], topic?: string): string {
  const params = new URLSearchParams({ users: users.join(",") });
  if (topic) params.set("topicName", topic);
  return `https://teams.microsoft.com/l/chat/0/0?${params.toString().replace(/%2C/g, ",")}`;
}

/** The facilitator's control dialog (works on every client). */
export function controlDialogCard(view: ActivityView, notice?: string): AdaptiveCard {
  return adaptiveCard(
    [
      heading("Facilitator controls"),
      ...(notice ? [paragraph(cardText(notice), { color: "Good", weight: "Bolder" })] : []),
      paragraph(`**Prompt:** ${cardText(view.prompt)}`),
      paragraph(stateLine(view), { isSubtle: true }),
      paragraph(
        [
          `${view.participantCount} joined`,
          ...(view.declaredKinds.includes("reflection") ? [`${view.reflectedCount} reflected`] : []),
          ...(view.declaredKinds.includes("share") ? [`${view.wall.length} insights shared`] : []),
          ...(!view.declaredKinds.includes("share") && view.groupCount !== undefined
            ? [`${view.groupCount} groups`]
            : []),
        ].join(" · "),
      ),
    ],
    controlActions(view, "dialog"),
  );
}

/** "Show my partner": who, and a one-click chat. */
export function partnerDialogCard(view: ActivityView, links: Map<string, string>): AdaptiveCard {
  const partners = partnerBlocks(view, partnersOf(view), links);
  const pairs = isPairs(groupingNow(formatDefinitionOf(view.format), view.phases, view.state));
  return adaptiveCard(
    [
      heading(partnersOf(view).length > 1 || !pairs ? "My group" : "My partner"),
      paragraph(`**Prompt:** ${cardText(view.prompt)}`),
      ...partners.text,
    ],
    partners.chat ? [{ ...partners.chat, style: "positive" }] : [],
  );
}
