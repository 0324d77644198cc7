import type { PersonRef } from "../../domain/identity.js";
import { ENTRY_TYPE_LABELS, type EntryType } from "../../domain/library/entry.js";
import { type AdaptiveCard, adaptiveCard } from "./adaptiveCard.js";
import { cardText, highlighted, shorten } from "./cardText.js";

/** What an entry card shows: enough to judge it, with a way to open it. */
export interface EntryCardModel {
  title: string;
  type: EntryType;
  tags: string[];
  author: PersonRef;
  communityName: string;
  helpfulCount: number;
  verified: boolean;
  stale?: boolean;
  /** Plain text preview (not markdown). */
  preview: string;
  /** Highlight ranges into `title` and `preview` from a search. */
  titleHighlights?: [number, number][];
  previewHighlights?: [number, number][];
  openUrl: string;
  sourceUrl?: string;
}

/** Preview text is kept short so a search result card stays far under Teams' 28 KB limit. */
const PREVIEW_CHARS = 600;

/** An entry as a card: for Find insight results, link unfurling and save confirmations. */
export function entryCard(model: EntryCardModel, lead?: string): AdaptiveCard {
  const facts = [
    { title: "Type", value: ENTRY_TYPE_LABELS[model.type] },
    { title: "By", value: cardText(model.author.displayName) },
    { title: "Community", value: cardText(model.communityName) },
    { title: "Helpful", value: String(model.helpfulCount) },
  ];
  if (model.tags.length > 0) facts.push({ title: "Tags", value: cardText(model.tags.join(", ")) });
  const preview =
    model.preview.length > PREVIEW_CHARS ? shorten(model.preview, PREVIEW_CHARS) : model.preview;
  const badges = [model.verified ? "✔ Verified" : "", model.stale ? "⚠ Review due" : ""]
    .filter(Boolean)
    .join("  ");
  const actions: Record<string, unknown>[] = [
    { type: "Action.OpenUrl", title: "Open entry", url: model.openUrl },
  ];
  if (model.sourceUrl)
    actions.push({ type: "Action.OpenUrl", title: "Original message", url: model.sourceUrl });
  return adaptiveCard(
    [
      ...(lead
        ? [{ type: "TextBlock", text: cardText(lead), wrap: true, weight: "Bolder", color: "Good" }]
        : []),
      {
        type: "TextBlock",
        text: model.titleHighlights ? highlighted(model.title, model.titleHighlights) : cardText(model.title),
        size: "Medium",
        weight: "Bolder",
        wrap: true,
        style: "heading",
      },
      ...(badges ? [{ type: "TextBlock", text: badges, isSubtle: true, spacing: "None", wrap: true }] : []),
      {
        type: "TextBlock",
        text: model.previewHighlights
          ? highlighted(
              preview,
              model.previewHighlights.filter(([, end]) => end <= preview.length),
            )
          : cardText(preview),
        wrap: true,
        maxLines: 8,
      },
      { type: "FactSet", facts },
    ],
    actions,
  );
}
