import type { Commitment, CommitmentStatus } from "../../domain/commitments/commitment.js";
import { MAX_NOTE_LENGTH } from "../../domain/commitments/commitmentSchemas.js";
import { COMMITMENT_VERBS } from "../wireNames.js";
import { type AdaptiveCard, adaptiveCard, heading, paragraph } from "./adaptiveCard.js";
import { cardText, shorten } from "./cardText.js";
import { dueDay } from "./outcomeCards.js";

/**
 * Commitment check-in cards: pure builders. "Update mine" opens a dialog (`Action.Submit` with
 * `msteams.type: task/fetch`, every client, mobile too), so each person updates only their own
 * commitments, from their own dialog, whoever else reads the card.
 */

/** The verbs the cards send back (data.verb), routed in bot/meetings/commitmentCheckIns.ts. */
export const COMMITMENT = COMMITMENT_VERBS;

export const STATUS_LABELS: Record<CommitmentStatus, string> = {
  open: "Still open",
  done: "Done",
  partly: "Partly",
  dropped: "Dropped",
};

/** How many commitments a check-in card lists (the rest are counted: cards stay readable). */
const LISTED = 25;

const updateButton = (data: Record<string, unknown>, title = "Update mine") => ({
  type: "Action.Submit",
  title,
  style: "positive",
  data: { msteams: { type: "task/fetch" }, verb: COMMITMENT.update, ...data },
});

/** A commitment as the check-in card lists it: who, what, by when. */
export interface CheckInLine {
  ownerName: string;
  text: string;
  due?: string;
}

/**
 * The check-in at a community's next session (in any meeting kind): the open commitments made at
 * earlier sessions, and one button with which each owner updates their own.
 */
export function sessionCheckInCard(
  communityId: string,
  communityName: string,
  lines: CheckInLine[],
): AdaptiveCard {
  const listed = lines.slice(0, LISTED);
  return adaptiveCard(
    [
      heading("Check-in: commitments from last time"),
      paragraph(
        `How did it go? Open commitments made at earlier sessions of ${cardText(shorten(communityName, 80))}. Update yours with a status and a sentence on what you tried.`,
      ),
      ...listed.map((line) =>
        paragraph(
          `**${cardText(line.ownerName)}:** ${cardText(shorten(line.text, 200))}${line.due ? ` · due ${dueDay(line.due)}` : ""}`,
          { spacing: "Small" },
        ),
      ),
      ...(lines.length > listed.length
        ? [
            paragraph(`…and ${lines.length - listed.length} more (in each person's My learning).`, {
              isSubtle: true,
            }),
          ]
        : []),
    ],
    [updateButton({ communityId })],
  );
}

/** The personal-chat card on a commitment's due day. */
export function dueCheckInCard(
  commitment: Pick<Commitment, "id" | "text" | "due" | "partners">,
): AdaptiveCard {
  const partners = commitment.partners.map((p) => cardText(p.displayName));
  return adaptiveCard(
    [
      heading("Your commitment is due today"),
      paragraph(`“${cardText(shorten(commitment.text, 400))}”`),
      ...(commitment.due
        ? [paragraph(`Due ${dueDay(commitment.due)}`, { isSubtle: true, spacing: "Small" })]
        : []),
      ...(partners.length > 0
        ? [paragraph(`Your accountability partner${partners.length > 1 ? "s" : ""}: ${partners.join(", ")}`)]
        : []),
      paragraph("How did it go? Say so in a sentence; it helps you and the people you committed with."),
    ],
    [updateButton({ commitmentId: commitment.id }, "Update")],
  );
}

/** What the update dialog shows: the caller's open commitments, one preselected. */
export interface CommitmentUpdateForm {
  commitments: Pick<Commitment, "id" | "text" | "due" | "etag">[];
  commitmentId?: string;
  status?: CommitmentStatus;
  note?: string;
  error?: string;
}

/** The update dialog: which commitment (when several), its new status and a note. */
export function commitmentUpdateDialogCard(form: CommitmentUpdateForm): AdaptiveCard {
  const [first] = form.commitments;
  const selected = form.commitments.find((c) => c.id === form.commitmentId) ?? first;
  const etags = Object.fromEntries(form.commitments.map((c) => [c.id, c.etag]));
  const label = (c: Pick<Commitment, "text" | "due">) =>
    `${shorten(c.text, 80)}${c.due ? ` (due ${dueDay(c.due)})` : ""}`;
  return adaptiveCard(
    [
      heading("Update your commitment"),
      ...(form.error ? [paragraph(cardText(form.error), { color: "Attention", weight: "Bolder" })] : []),
      form.commitments.length > 1
        ? {
            type: "Input.ChoiceSet",
            id: "commitmentId",
            label: "Commitment",
            value: selected?.id ?? "",
            choices: form.commitments.map((c) => ({ title: label(c), value: c.id })),
          }
        : paragraph(selected ? `“${cardText(shorten(selected.text, 300))}”` : ""),
      {
        type: "Input.ChoiceSet",
        id: "status",
        label: "How did it go?",
        style: "expanded",
        value: form.status ?? "done",
        choices: (["done", "partly", "dropped", "open"] as const).map((s) => ({
          title: STATUS_LABELS[s],
          value: s,
        })),
      },
      {
        type: "Input.Text",
        id: "note",
        label: "A sentence on what you tried (optional)",
        isMultiline: true,
        maxLength: MAX_NOTE_LENGTH,
        ...(form.note ? { value: form.note } : {}),
      },
    ],
    [
      {
        type: "Action.Submit",
        title: "Save",
        style: "positive",
        data: {
          verb: COMMITMENT.save,
          etags,
          ...(form.commitments.length === 1 && selected ? { commitmentId: selected.id } : {}),
        },
      },
    ],
  );
}
