import type { ActivityView } from "../../domain/activities/activityViews.js";
import { ACTIVITY_VERBS } from "../wireNames.js";
import { type AdaptiveCard, adaptiveCard, heading, paragraph } from "./adaptiveCard.js";
import { cardText } from "./cardText.js";
import { type EditConflict, editConflictCard } from "./editConflictCard.js";

/**
 * The dialogs of the engine's own kinds (a reflection, a group's key insight, a commitment), which
 * the view carries in fields of their own: think-pair-share's, and any format declaring them.
 */

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

/**
 * A person's own text on the activity's prompt (a reflection, a commitment): the prompt, who will
 * read it, and the box with what they wrote so far.
 */
function ownTextDialog(
  view: ActivityView,
  kind: "reflection" | "commitment",
  words: { title: string; readers: string; label: string; placeholder: string; max: number; verb: string },
  text?: string,
  error?: string,
): AdaptiveCard {
  return textDialog({
    title: words.title,
    intro: [`**Prompt:** ${cardText(view.prompt)}`, words.readers],
    id: "text",
    label: words.label,
    value: text ?? view.me[kind]?.text ?? "",
    placeholder: words.placeholder,
    max: words.max,
    verb: words.verb,
    data: { activityId: view.id },
    ...(error ? { error } : {}),
  });
}

export function reflectionDialogCard(view: ActivityView, text?: string, error?: string): AdaptiveCard {
  const words = {
    title: "My reflection",
    readers: "Only you will ever see this. It also goes to your My learning.",
    label: "Reflection",
    placeholder: "What comes to mind?",
    max: 4000,
    verb: ACTIVITY_VERBS.saveReflection,
  };
  return ownTextDialog(view, "reflection", words, text, error);
}

export function commitmentDialogCard(view: ActivityView, text?: string, error?: string): AdaptiveCard {
  const words = {
    title: "My commitment",
    readers:
      "What will you try before next time? It appears in your My learning and is followed up at the community's next session.",
    label: "Commitment",
    placeholder: "Before next time I will…",
    max: 1000,
    verb: ACTIVITY_VERBS.saveCommitment,
  };
  return ownTextDialog(view, "commitment", words, text, error);
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
export function shareConflictCard(view: ActivityView, conflict: EditConflict): AdaptiveCard {
  return editConflictCard("Our key insight", conflict, 4000, {
    verb: ACTIVITY_VERBS.saveShare,
    activityId: view.id,
  });
}
