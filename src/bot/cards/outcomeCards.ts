import {
  type MeetingOutcome,
  OUTCOME_KINDS,
  OUTCOME_LABELS,
  type OutcomeKind,
} from "../../domain/meetings/meetingOutcome.js";
import { OUTCOME_VERBS } from "../wireNames.js";
import { type AdaptiveCard, adaptiveCard, heading, paragraph } from "./adaptiveCard.js";
import { cardText, shorten } from "./cardText.js";
import { type Mention, mentionOf } from "./groupListCards.js";

/** The verbs the cards send back (data.verb), routed in bot/meetings/meetingOutcomes.ts. */
export const OUTCOME = OUTCOME_VERBS;

export interface OutcomeForm {
  kind: OutcomeKind;
  text: string;
  communities: { id: string; name: string }[];
  communityId: string;
  /** People to pick an action item's owner from (the meeting chat's members, the caller first). */
  people: { id: string; displayName: string }[];
  ownerId?: string;
  due?: string;
  error?: string;
}

/** The choice that saves an outcome to no library (an Input.ChoiceSet value may not be empty). */
export const NO_LIBRARY = "none";

/** "a decision", "an action item", "an insight". */
export function withArticle(kind: OutcomeKind): string {
  const label = OUTCOME_LABELS[kind].toLowerCase();
  return `${/^[aeiou]/.test(label) ? "an" : "a"} ${label}`;
}

const captureButton = (title: string, kind: OutcomeKind, text: string, style?: string) => ({
  type: "Action.Submit",
  title,
  ...(style ? { style } : {}),
  data: { msteams: { type: "task/fetch" }, verb: OUTCOME.capture, kind, text },
});

/**
 * The reply to `@PeerCircle decision …`, `action …`, `insight …` or `outcome`: a button to the
 * dialog for that kind (one for each kind when none was named).
 */
export function captureInvitationCard(kind: OutcomeKind | undefined, text: string): AdaptiveCard {
  return adaptiveCard(
    [
      heading(kind ? `Capture ${withArticle(kind)}` : "Capture a meeting outcome"),
      ...(text ? [paragraph(`“${cardText(shorten(text, 300))}”`)] : []),
      paragraph(
        "Outcomes go into the outcomes card at the end of the meeting and into your community's library.",
        { isSubtle: true },
      ),
    ],
    kind
      ? [captureButton("Capture", kind, text, "positive")]
      : OUTCOME_KINDS.map((k) => captureButton(OUTCOME_LABELS[k], k, text)),
  );
}

/**
 * The capture dialog for one kind of outcome: an action item also asks for its owner (picked from
 * the meeting's people: static choices every client shows) and its due day.
 */
export function outcomeDialogCard(form: OutcomeForm): AdaptiveCard {
  const action = form.kind === "action";
  return adaptiveCard(
    [
      heading(`Capture ${withArticle(form.kind)}`),
      ...(form.error ? [paragraph(cardText(form.error), { color: "Attention", weight: "Bolder" })] : []),
      {
        type: "Input.Text",
        id: "text",
        label: OUTCOME_LABELS[form.kind],
        isMultiline: true,
        value: form.text,
        maxLength: 2000,
        isRequired: true,
        errorMessage: "Write the outcome first.",
      },
      ...(action
        ? [
            {
              type: "Input.ChoiceSet",
              id: "ownerId",
              label: "Owner",
              style: "compact",
              ...(form.ownerId ? { value: form.ownerId } : {}),
              choices: form.people.map((p) => ({ title: p.displayName, value: p.id })),
              placeholder: "Who will do it?",
            },
            { type: "Input.Date", id: "due", label: "Due date", ...(form.due ? { value: form.due } : {}) },
          ]
        : []),
      {
        type: "Input.ChoiceSet",
        id: "communityId",
        label: "Save to the library of",
        value: form.communityId || NO_LIBRARY,
        choices: [
          ...form.communities.map((c) => ({ title: c.name, value: c.id })),
          { title: "Don't save to a library", value: NO_LIBRARY },
        ],
      },
    ],
    [
      {
        type: "Action.Submit",
        title: "Capture",
        style: "positive",
        data: { verb: OUTCOME.save, kind: form.kind },
      },
    ],
  );
}

/** Meeting start: how to capture outcomes. */
export function meetingStartCard(title: string | undefined): AdaptiveCard {
  return adaptiveCard([
    heading(title ? `${cardText(shorten(title, 120))} has started` : "The meeting has started"),
    paragraph(
      "Capture outcomes as you go: type **@PeerCircle decision**, **@PeerCircle action** or **@PeerCircle insight** followed by the text. Start a think-pair-share with **@PeerCircle tps** and a prompt.",
    ),
  ]);
}

/**
 * What one outcomes card may hold, counted as Teams counts a message (UTF-16): ~100 KB is the
 * limit (PLATFORM.md); the rest of the outcomes are counted, and they are in the library.
 */
const OUTCOMES_CARD_BUDGET = 60 * 1024;
const utf16Bytes = (value: unknown) => JSON.stringify(value).length * 2;

/** A due day as people read it ("Fri, 11 Dec 2026"): a day, the same in every time zone. */
export function dueDay(day: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}

/** Meeting end: every outcome captured (as many as fit), action items with their owners mentioned. */
export function outcomesCard(
  title: string | undefined,
  outcomes: MeetingOutcome[],
  notSaved: { id: string; reason: string }[],
): AdaptiveCard {
  const entities: Mention[] = [];
  const body: Record<string, unknown>[] = [
    heading(title ? `Outcomes of ${cardText(shorten(title, 120))}` : "Meeting outcomes"),
  ];
  if (outcomes.length === 0) body.push(paragraph("No outcomes were captured in this meeting."));
  let budget = OUTCOMES_CARD_BUDGET - utf16Bytes(body) - 2_000;
  let shown = 0;
  for (const kind of OUTCOME_KINDS) {
    const items = outcomes.filter((o) => o.kind === kind);
    if (items.length === 0 || budget <= 0) continue;
    const header = paragraph(`**${OUTCOME_LABELS[kind]}s**`, { spacing: "Medium" });
    budget -= utf16Bytes(header);
    body.push(header);
    for (const o of items) {
      let line = `• ${cardText(shorten(o.text, 500))}`;
      const mention = o.owner ? mentionOf(o.owner) : undefined;
      if (mention) line += ` — ${mention.text}`;
      if (o.due) line += ` · due ${dueDay(o.due)}`;
      const element = paragraph(line, { spacing: "Small" });
      const cost = utf16Bytes(element) + (mention ? utf16Bytes(mention.entity) : 0);
      if (cost > budget) {
        budget = 0;
        break;
      }
      budget -= cost;
      body.push(element);
      if (mention) entities.push(mention.entity);
      shown++;
    }
  }
  if (shown < outcomes.length)
    body.push(paragraph(`…and ${outcomes.length - shown} more, in the library.`, { isSubtle: true }));
  const saved = outcomes.filter((o) => o.entryId).length;
  if (saved > 0) body.push(paragraph(`${saved} saved to the library.`, { isSubtle: true }));
  if (notSaved.length > 0)
    body.push(
      paragraph(`${notSaved.length} not saved to a library: ${cardText(notSaved[0]?.reason ?? "")}`, {
        color: "Attention",
      }),
    );
  const card = adaptiveCard(body);
  return { ...card, msteams: { ...card.msteams, entities } };
}
