import type {
  ActivitySummary,
  ActivityView,
  GroupView,
  PersonalView,
} from "../../domain/activities/activityViews.js";
import type { PersonRef } from "../../domain/identity.js";
import { ACTIVITY_VERBS } from "../wireNames.js";
import { type AdaptiveCard, adaptiveCard, heading, paragraph } from "./adaptiveCard.js";
import { cardText, shorten } from "./cardText.js";
import {
  beforeFirstGroups,
  formatDefinitionOf,
  formsGroups,
  groupingNow,
  isPairs,
  phaseKinds,
  regroups,
} from "./phaseActions.js";
import { writingButtonTitle } from "./submissionDialogCards.js";

/**
 * Activity cards in the meeting chat, for every format: pure builders (view model in, Adaptive
 * Card 1.5 JSON out), their actions read from the format's definition (phaseActions.ts). Buttons
 * that open a dialog are `Action.Submit` with `msteams.type: task/fetch` (every client, mobile
 * too, any number of people); buttons that change something in place are `Action.Execute`
 * (`adaptiveCard/action`) with an `Action.Submit` fallback.
 */

/** Teams shows a refresh to at most 60 listed users (Universal Actions, `refresh.userIds`). */
export const MAX_REFRESH_USERS = 60;
/** Pairs per pair-list message: keeps each message far below Teams' ~100 KB (we aim ≤ 28 KB). */
export const PAIRS_PER_MESSAGE = 40;

const dialogButton = (title: string, verb: string, activityId: string, style?: string) => ({
  type: "Action.Submit",
  title,
  ...(style ? { style } : {}),
  data: { msteams: { type: "task/fetch" }, verb, activityId },
});

const executeButton = (title: string, verb: string, data: Record<string, unknown>, style?: string) => ({
  type: "Action.Execute",
  title,
  verb,
  data: { verb, ...data },
  ...(style ? { style } : {}),
  fallback: { type: "Action.Submit", title, data: { verb, ...data } },
});

/** `{{TIME()}}` renders in each reader's time zone (Teams card formatting). */
const endsAtText = (iso: string) => `Ends at {{TIME(${iso.replace(/\.\d{3}Z$/, "Z")})}}`;

// ── The chat card of each phase ─────────────────────────────────────────────────────────────────

const phaseOf = (view: Pick<ActivityView, "state" | "phases">) =>
  view.state.phaseIndex >= 0 ? view.phases[view.state.phaseIndex] : undefined;

function stateLine(view: Pick<ActivityView, "state" | "phases">): string {
  const phase = phaseOf(view);
  if (view.state.status === "ended") return "This activity has ended.";
  if (view.state.status === "not-started") return "Not started yet.";
  if (!phase) return "";
  const step = `Step ${view.state.phaseIndex + 1} of ${view.phases.length}: **${phase.title}** (${phase.minutes} min)`;
  if (view.state.status === "paused") return `${step} · paused`;
  return view.state.endsAt ? `${step} · ${endsAtText(view.state.endsAt)}` : step;
}

/** What a card needs to know of the activity to offer the phase's actions. */
type ActionView = Pick<ActivityView, "id" | "format" | "phases" | "state" | "kinds" | "me"> &
  Partial<Pick<ActivityView, "submissions">>;

/**
 * The button of one kind: a dialog for it. The engine's own kinds (a reflection, a pair's key
 * insight, a commitment, with fields of their own in the view) keep the dialogs and words they
 * always had; every other kind opens the format's own dialog (submissionDialogCards.ts).
 */
function kindButton(view: ActionView, kind: string, style?: string): Record<string, unknown> | undefined {
  switch (kind) {
    case "reflection":
      return dialogButton(
        view.me.reflection ? "Edit reflection" : "Reflect",
        ACTIVITY_VERBS.reflect,
        view.id,
        style,
      );
    case "share":
      return dialogButton("Share insight", ACTIVITY_VERBS.share, view.id, style);
    case "commitment":
      return dialogButton(
        view.me.commitment ? "Edit commitment" : "Commit",
        ACTIVITY_VERBS.commit,
        view.id,
        style,
      );
  }
  const definition = formatDefinitionOf(view.format).submissions[kind];
  if (!definition) return undefined;
  const hasOwn = (view.submissions ?? []).some((s) => s.kind === kind && s.mine);
  const button = dialogButton(writingButtonTitle(definition, hasOwn), ACTIVITY_VERBS.write, view.id, style);
  return { ...button, data: { ...button.data, kind } };
}

/** "My partner" (pairs) or "My group": who is in it, and a one-click chat. */
function groupButton(view: ActionView, style?: string): Record<string, unknown> {
  const format = formatDefinitionOf(view.format);
  const pairs = isPairs(groupingNow(format, view.phases, view.state));
  return dialogButton(pairs ? "My partner" : "My group", ACTIVITY_VERBS.partner, view.id, style);
}

/**
 * What a person can do in this phase, from the format's definition: the phase's own kinds (the
 * first is the one primary button), finding one's group in a phase that forms groups, and Join
 * before any groups exist (later, opening one's group or writing joins). Short titles: three
 * buttons share a 280 px meeting chat in one row.
 */
function participantActions(view: ActionView, primary = true): Record<string, unknown>[] {
  const style = primary ? "positive" : undefined;
  const join = (s?: string) => executeButton("Join", ACTIVITY_VERBS.join, { activityId: view.id }, s);
  if (view.state.status === "ended") return [];
  if (view.state.status === "not-started") return view.me.joined ? [] : [join(style)];
  const format = formatDefinitionOf(view.format);
  const actions: Record<string, unknown>[] = [];
  const next = () => (actions.length === 0 ? style : undefined);
  for (const kind of phaseKinds(format, view.phases, view.state.phaseIndex)) {
    const button = kindButton(view, kind, next());
    if (button) actions.push(button);
  }
  if (formsGroups(format, view.state.phaseId)) actions.push(groupButton(view, next()));
  if (!view.me.joined && beforeFirstGroups(format, view.phases, view.state)) actions.push(join(next()));
  // At most three: what a 280 px meeting chat shows in one row (the controls go in the "…" menu).
  return actions.slice(0, 3);
}

/** The facilitator's controls behind one button (a dialog: every client, any width). */
const controlsButton = (activityId: string) => ({
  ...dialogButton("Facilitator controls", ACTIVITY_VERBS.controls, activityId),
  mode: "secondary",
});

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
      paragraph(`Facilitated by ${cardText(view.facilitator.displayName)}.`, {
        isSubtle: true,
        size: "Small",
      }),
    ],
    [...participantActions({ ...view, me: { joined: false } }), controlsButton(view.id)],
  );
  if (!facilitatorTeamsId) return card;
  return {
    ...card,
    refresh: {
      action: {
        type: "Action.Execute",
        title: "Refresh",
        verb: ACTIVITY_VERBS.refresh,
        data: { verb: ACTIVITY_VERBS.refresh, activityId: view.id },
      },
      userIds: [facilitatorTeamsId],
    },
  } as AdaptiveCard;
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
    ...(phase?.instruction ? [paragraph(phase.instruction)] : []),
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
          ...(view.groups ? [`${view.groups.length} groups`] : []),
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

/** Long phase titles ("Café round 3") would cut three buttons in a 280 px chat: "Next" then (the card names the phase). */
const NEXT_TITLE_MAX = 8;
const nextTitle = (title: string) =>
  title && title.length <= NEXT_TITLE_MAX ? `Next: ${title}` : "Next phase";

/** The facilitator's buttons for the state the activity is in. */
export function controlActions(
  view: Pick<ActivityView, "id" | "state" | "phases">,
  as: "execute" | "dialog",
): Record<string, unknown>[] {
  const button = (title: string, data: Record<string, unknown>, style?: string) =>
    as === "execute"
      ? executeButton(title, ACTIVITY_VERBS.control, { activityId: view.id, ...data }, style)
      : {
          type: "Action.Submit",
          title,
          ...(style ? { style } : {}),
          data: { verb: ACTIVITY_VERBS.controlDialog, activityId: view.id, ...data },
        };
  const { status, phaseIndex } = view.state;
  if (status === "ended") return [];
  if (status === "not-started") return [button("Start", { kind: "start" }, "positive")];
  const last = phaseIndex >= view.phases.length - 1;
  return [
    ...(last
      ? []
      : [
          button(
            nextTitle(view.phases[phaseIndex + 1]?.title ?? ""),
            { kind: "next", phaseIndex },
            "positive",
          ),
        ]),
    button("+2 min", { kind: "extend", phaseIndex, minutes: 2 }),
    status === "paused" ? button("Resume", { kind: "resume" }) : button("Pause", { kind: "pause" }),
    // In the "…" menu: ending is rare, and three buttons is what a 280 px chat shows in a row.
    { ...button("End activity", { kind: "end" }, "destructive"), mode: "secondary" },
  ];
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
          ...(!view.declaredKinds.includes("share") && view.groups ? [`${view.groups.length} groups`] : []),
        ].join(" · "),
      ),
    ],
    controlActions(view, "dialog"),
  );
}

// ── Dialogs for people ──────────────────────────────────────────────────────────────────────────

function textDialog(options: {
  title: string;
  intro: string[];
  id: string;
  label: string;
  value: string;
  placeholder: string;
  max: number;
  verb: string;
  data: Record<string, unknown>;
  error?: string;
}): AdaptiveCard {
  return adaptiveCard(
    [
      heading(options.title),
      ...(options.error
        ? [paragraph(cardText(options.error), { color: "Attention", weight: "Bolder" })]
        : []),
      ...options.intro.map((t) => paragraph(t)),
      {
        type: "Input.Text",
        id: options.id,
        label: options.label,
        isMultiline: true,
        value: options.value,
        placeholder: options.placeholder,
        maxLength: options.max,
        isRequired: true,
        errorMessage: "Write something first.",
      },
    ],
    [
      {
        type: "Action.Submit",
        title: "Save",
        style: "positive",
        data: { verb: options.verb, ...options.data },
      },
    ],
  );
}

export function reflectionDialogCard(view: ActivityView, text?: string, error?: string): AdaptiveCard {
  return textDialog({
    title: "My reflection",
    intro: [
      `**Prompt:** ${cardText(view.prompt)}`,
      "Only you will ever see this. It also goes to your My learning.",
    ],
    id: "text",
    label: "Reflection",
    value: text ?? view.me.reflection?.text ?? "",
    placeholder: "What comes to mind?",
    max: 4000,
    verb: ACTIVITY_VERBS.saveReflection,
    data: { activityId: view.id },
    ...(error ? { error } : {}),
  });
}

export function commitmentDialogCard(view: ActivityView, text?: string, error?: string): AdaptiveCard {
  return textDialog({
    title: "My commitment",
    intro: [
      `**Prompt:** ${cardText(view.prompt)}`,
      "What will you try before next time? It appears in your My learning and is followed up at the community's next session.",
    ],
    id: "text",
    label: "Commitment",
    value: text ?? view.me.commitment?.text ?? "",
    placeholder: "Before next time I will…",
    max: 1000,
    verb: ACTIVITY_VERBS.saveCommitment,
    data: { activityId: view.id },
    ...(error ? { error } : {}),
  });
}

/** The share dialog: the group's current text with its ETag, so an edit lands on what was seen. */
export function shareDialogCard(view: ActivityView, error?: string, text?: string): AdaptiveCard {
  const partners =
    view.me.group?.partners.map((p) => cardText(p.displayName)).join(" and ") || "your partner";
  const share = view.me.share;
  return textDialog({
    title: "Our key insight",
    intro: [
      `**Prompt:** ${cardText(view.prompt)}`,
      share
        ? `Last saved by ${cardText(share.editedBy.displayName)}. Your edit replaces it for you and ${partners}.`
        : `One insight per pair: you or ${partners} can write it, the other can edit.`,
    ],
    id: "text",
    label: "Key insight",
    value: text ?? share?.text ?? "",
    placeholder: "The one thing we want everyone to hear…",
    max: 4000,
    verb: ACTIVITY_VERBS.saveShare,
    data: { activityId: view.id, ...(share ? { etag: share.etag } : {}) },
    ...(error ? { error } : {}),
  });
}

/** The partner saved meanwhile: both texts, the merge in the box, saved on top of theirs. */
export function shareConflictCard(
  view: ActivityView,
  conflict: {
    message: string;
    current: { text: string; etag: string; editedBy: PersonRef };
    yours: string;
    merged: string;
  },
): AdaptiveCard {
  return adaptiveCard(
    [
      heading("Our key insight"),
      paragraph(cardText(conflict.message), { color: "Attention", weight: "Bolder" }),
      paragraph(`**Saved by ${cardText(conflict.current.editedBy.displayName)}:**`),
      paragraph(cardText(conflict.current.text), { spacing: "None" }),
      paragraph("**Yours (not saved yet):**"),
      paragraph(cardText(conflict.yours), { spacing: "None" }),
      {
        type: "Input.Text",
        id: "text",
        label: "Both together: tidy up and save",
        isMultiline: true,
        value: conflict.merged,
        maxLength: 4000,
        isRequired: true,
        errorMessage: "Write something first.",
      },
    ],
    [
      {
        type: "Action.Submit",
        title: "Save",
        style: "positive",
        data: { verb: ACTIVITY_VERBS.saveShare, activityId: view.id, etag: conflict.current.etag },
      },
    ],
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
      ...(userIds.length > 0
        ? {
            refresh: {
              action: {
                type: "Action.Execute",
                title: "Refresh",
                verb: ACTIVITY_VERBS.refresh,
                data: { verb: ACTIVITY_VERBS.refresh, activityId: view.id },
              },
              userIds,
            },
          }
        : {}),
    } as AdaptiveCard);
  }
  return cards;
}

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
        { title: "Groups", value: String(summary.groups.length) },
        ...(declares("share") ? [{ title: "Insights shared", value: String(summary.shares.length) }] : []),
        ...summary.counts.map((c) => ({ title: capitalised(c.plural), value: String(c.count) })),
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
  if (options.inviteCommitments && declares("commitment"))
    actions.push(dialogButton("Commit", ACTIVITY_VERBS.commit, summary.activityId, "positive"));
  if (options.libraryUrl)
    actions.push({ type: "Action.OpenUrl", title: "Open the library", url: options.libraryUrl });
  return adaptiveCard(body, actions);
}

function capitalised(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
