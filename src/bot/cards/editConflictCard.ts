import type { PersonRef } from "../../domain/identity.js";
import { type AdaptiveCard, adaptiveCard, heading, paragraph } from "./adaptiveCard.js";
import { cardText } from "./cardText.js";

/** Someone else saved a shared text meanwhile: what they saved, what the person wrote, a merge. */
export interface EditConflict {
  message: string;
  current: { text: string; etag: string; editedBy: PersonRef };
  yours: string;
  merged: string;
}

/**
 * The card for an edit that lost to someone else's save: both texts, the merge in the box, and a
 * Save that goes on top of theirs (`data` carries their ETag with the verb's own fields).
 */
export function editConflictCard(
  title: string,
  conflict: EditConflict,
  maxLength: number,
  data: Record<string, unknown>,
): AdaptiveCard {
  return adaptiveCard(
    [
      heading(title),
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
        maxLength,
        isRequired: true,
        errorMessage: "Write something first.",
      },
    ],
    [
      {
        type: "Action.Submit",
        title: "Save",
        style: "positive",
        data: { ...data, etag: conflict.current.etag },
      },
    ],
  );
}
