import { ENTRY_TYPE_LABELS, ENTRY_TYPES, type EntryType } from "../../domain/library/entry.js";
import { ENTRY_LIMITS } from "../../domain/library/entrySchemas.js";
import { type AdaptiveCard, adaptiveCard } from "./adaptiveCard.js";
import { cardText } from "./cardText.js";

/** What the Save-as-insight dialog is filled with. */
export interface SaveInsightForm {
  communities: { id: string; name: string }[];
  communityId: string;
  type: EntryType;
  title: string;
  body: string;
  summary: string;
  /** Tags already used in the person's communities, offered for picking. */
  knownTags: string[];
  tags: string[];
  newTags: string;
  share: boolean;
  authorName: string;
  postedAt: string;
  truncated: boolean;
  /** Shown at the top when a submit was refused, so the person can fix it without retyping. */
  error?: string;
}

/** The data every submit of the dialog carries besides the inputs. */
export const SAVE_INSIGHT_ACTION = "saveInsight";

/**
 * The Save-as-insight dialog as an Adaptive Card (works in desktop, web and mobile dialogs):
 * community, type, title, text, summary, tags, and whether to share a card afterwards.
 */
export function saveInsightDialogCard(form: SaveInsightForm): AdaptiveCard {
  const posted = new Date(form.postedAt);
  // Teams' DATE function shows the day in the reader's own time zone and language.
  const when = Number.isNaN(posted.getTime())
    ? ""
    : ` · {{DATE(${posted.toISOString().replace(/\.\d{3}Z$/, "Z")}, SHORT)}}`;
  const tagChoices = [...new Set([...form.knownTags, ...form.tags])]
    .sort()
    .map((t) => ({ title: t, value: t }));
  return adaptiveCard(
    [
      ...(form.error
        ? [
            {
              type: "TextBlock",
              text: cardText(form.error),
              color: "Attention",
              weight: "Bolder",
              wrap: true,
            },
          ]
        : []),
      {
        type: "TextBlock",
        text: `From **${cardText(form.authorName)}**${when}`,
        isSubtle: true,
        wrap: true,
      },
      ...(form.truncated
        ? [
            {
              type: "TextBlock",
              text: `The message was long: PeerCircle kept its first ${ENTRY_LIMITS.body.toLocaleString("en")} characters.`,
              isSubtle: true,
              wrap: true,
            },
          ]
        : []),
      {
        type: "Input.ChoiceSet",
        id: "communityId",
        label: "Community",
        isRequired: true,
        errorMessage: "Pick the community to save to.",
        style: "compact",
        value: form.communityId,
        choices: form.communities.map((c) => ({ title: c.name, value: c.id })),
      },
      {
        type: "Input.ChoiceSet",
        id: "type",
        label: "Type",
        isRequired: true,
        errorMessage: "Pick what kind of entry this is.",
        style: "compact",
        value: form.type,
        choices: ENTRY_TYPES.map((t) => ({ title: ENTRY_TYPE_LABELS[t], value: t })),
      },
      {
        type: "Input.Text",
        id: "title",
        label: "Title",
        isRequired: true,
        errorMessage: "Give the insight a title.",
        maxLength: ENTRY_LIMITS.title,
        value: form.title,
      },
      {
        type: "Input.Text",
        id: "body",
        label: "Text",
        isMultiline: true,
        isRequired: true,
        errorMessage: "There is nothing to save.",
        maxLength: ENTRY_LIMITS.body,
        value: form.body,
      },
      {
        type: "Input.Text",
        id: "summary",
        label: "Summary (optional)",
        isMultiline: true,
        maxLength: ENTRY_LIMITS.summary,
        placeholder: "In one or two sentences: what should people take away?",
        value: form.summary,
      },
      ...(tagChoices.length > 0
        ? [
            {
              type: "Input.ChoiceSet",
              id: "tags",
              label: "Tags",
              isMultiSelect: true,
              style: "compact",
              value: form.tags.join(","),
              choices: tagChoices,
            },
          ]
        : []),
      {
        type: "Input.Text",
        id: "newTags",
        label: tagChoices.length > 0 ? "New tags (optional)" : "Tags (optional)",
        placeholder: "comma-separated, e.g. pipelines, on-call",
        value: form.newTags,
      },
      {
        type: "Input.Toggle",
        id: "share",
        title: "Share a card in this chat after saving",
        wrap: true,
        value: form.share ? "true" : "false",
        valueOn: "true",
        valueOff: "false",
      },
    ],
    [
      {
        type: "Action.Submit",
        title: "Save to library",
        style: "positive",
        data: { action: SAVE_INSIGHT_ACTION },
      },
    ],
  );
}
