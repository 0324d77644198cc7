import {
  type MeetingOutcome,
  OUTCOME_KINDS,
  OUTCOME_LABELS,
  type OutcomeKind,
} from "../../domain/meetings/meetingOutcome.js";
import { type Mention, mentionOf } from "./activityCards.js";
import { type AdaptiveCard, adaptiveCard, heading, paragraph } from "./adaptiveCard.js";
import { cardText, shorten } from "./cardText.js";

export const OUTCOME = { capture: "outcome.capture", save: "outcome.save" } as const;

export interface OutcomeForm {
  kind: OutcomeKind;
  text: string;
  communities: { id: string; name: string }[];
  communityId: string;
  ownerId?: string;
  due?: string;
  error?: string;
}

/** The reply to `decision …`, `action …`, `insight …` or `outcome`: one button to the dialog. */
export function captureInvitationCard(kind: OutcomeKind | undefined, text: string): AdaptiveCard {
  return adaptiveCard(
    [
      heading(kind ? `Capture a ${OUTCOME_LABELS[kind].toLowerCase()}` : "Capture a meeting outcome"),
      ...(text ? [paragraph(`“${cardText(shorten(text, 300))}”`)] : []),
      paragraph(
        "Outcomes go into the outcomes card at the end of the meeting and into your community's library.",
        {
          isSubtle: true,
        },
      ),
    ],
    [
      {
        type: "Action.Submit",
        title: "Capture",
        data: { msteams: { type: "task/fetch" }, verb: OUTCOME.capture, kind: kind ?? "decision", text },
      },
    ],
  );
}

/** The capture dialog; the owner is a Teams people picker (it answers with the Entra object id). */
export function outcomeDialogCard(form: OutcomeForm): AdaptiveCard {
  return adaptiveCard(
    [
      heading("Capture a meeting outcome"),
      ...(form.error ? [paragraph(cardText(form.error), { color: "Attention", weight: "Bolder" })] : []),
      {
        type: "Input.ChoiceSet",
        id: "kind",
        label: "What is it?",
        value: form.kind,
        style: "expanded",
        choices: OUTCOME_KINDS.map((k) => ({ title: OUTCOME_LABELS[k], value: k })),
      },
      {
        type: "Input.Text",
        id: "text",
        label: "Outcome",
        isMultiline: true,
        value: form.text,
        maxLength: 2000,
        isRequired: true,
        errorMessage: "Write the outcome first.",
      },
      {
        type: "Input.ChoiceSet",
        id: "ownerId",
        label: "Owner (action items)",
        ...(form.ownerId ? { value: form.ownerId } : {}),
        choices: [],
        "choices.data": { type: "Data.Query", dataset: "graph.microsoft.com/users" },
        placeholder: "Who will do it?",
      },
      {
        type: "Input.Date",
        id: "due",
        label: "Due date (action items)",
        ...(form.due ? { value: form.due } : {}),
      },
      {
        type: "Input.ChoiceSet",
        id: "communityId",
        label: "Save to the library of",
        value: form.communityId,
        choices: [
          ...form.communities.map((c) => ({ title: c.name, value: c.id })),
          { title: "Don't save to a library", value: "" },
        ],
      },
    ],
    [{ type: "Action.Submit", title: "Capture", style: "positive", data: { verb: OUTCOME.save } }],
  );
}

/** Meeting start: how to capture outcomes. */
export function meetingStartCard(title: string | undefined): AdaptiveCard {
  return adaptiveCard([
    heading(title ? `${cardText(shorten(title, 120))} has started` : "The meeting has started"),
    paragraph(
      "Capture outcomes as you go: type **decision**, **action** or **insight** followed by the text. Start a think-pair-share with **tps** and a prompt.",
    ),
  ]);
}

/** Meeting end: every outcome captured, action items with their owners mentioned. */
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
  for (const kind of OUTCOME_KINDS) {
    const items = outcomes.filter((o) => o.kind === kind);
    if (items.length === 0) continue;
    body.push(paragraph(`**${OUTCOME_LABELS[kind]}s**`, { spacing: "Medium" }));
    for (const o of items.slice(0, 50)) {
      let line = `• ${cardText(shorten(o.text, 500))}`;
      if (o.owner) {
        const mention = mentionOf(o.owner);
        entities.push(mention.entity);
        line += ` — ${mention.text}`;
      }
      if (o.due) line += ` · due ${o.due}`;
      body.push(paragraph(line, { spacing: "Small" }));
    }
  }
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
