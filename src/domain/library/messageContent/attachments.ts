import { plainTextToHtml } from "./plainTextHtml.js";
import { safeWebUrl } from "./safeLinks.js";
import type { AttachmentLink } from "./sanitizeMessageHtml.js";
import type { MessageAttachment } from "./teamsMessagePayload.js";

/** A file shared in Teams (OneDrive / SharePoint): `contentUrl` is the file, `name` its name. */
const FILE_REFERENCE = "reference";
const ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";
const TEXT_CARDS = ["application/vnd.microsoft.card.hero", "application/vnd.microsoft.card.thumbnail"];

/** A card nested deeper than this is not read further; real cards nest a few containers. */
const MAX_CARD_DEPTH = 12;

/**
 * How a file attachment appears in the entry: its name, linked to the file when the link is https
 * (Teams file links always are; anything else is not followed). Not a file: `undefined`.
 */
export function fileLink(attachment: MessageAttachment): AttachmentLink | undefined {
  if (attachment.contentType !== FILE_REFERENCE) return undefined;
  const href = safeWebUrl(attachment.contentUrl, { allowHttp: false });
  const text = attachment.name?.trim() || fileNameFrom(href) || "Attached file";
  return href ? { text, href } : { text };
}

/**
 * The words of a card attachment as HTML paragraphs: the TextBlocks (and rich text runs and
 * facts) of an Adaptive Card, or the title, subtitle and text of a hero or thumbnail card. Card
 * markdown is treated as plain text. Empty when the card holds no text or is not readable.
 */
export function cardHtml(attachment: MessageAttachment): string {
  const texts: string[] = [];
  if (attachment.contentType === ADAPTIVE_CARD) {
    const card = parseCard(attachment.content);
    if (card) collectAdaptiveCardText(card, texts, 0);
  } else if (TEXT_CARDS.includes(attachment.contentType)) {
    const card = parseCard(attachment.content);
    if (card) for (const key of ["title", "subtitle", "text"]) pushText(texts, card[key]);
  }
  return texts.map(plainTextToHtml).join("");
}

type JsonObject = Record<string, unknown>;

function parseCard(content: unknown): JsonObject | undefined {
  let value = content;
  if (typeof content === "string") {
    try {
      value = JSON.parse(content);
    } catch {
      return undefined;
    }
  }
  return isObject(value) ? value : undefined;
}

function collectAdaptiveCardText(element: JsonObject, texts: string[], depth: number): void {
  if (depth > MAX_CARD_DEPTH) return;
  switch (element.type) {
    case "TextBlock":
      pushText(texts, element.text);
      return;
    case "RichTextBlock":
      if (Array.isArray(element.inlines)) {
        const runs = element.inlines.map((run) => (isObject(run) ? run.text : run));
        pushText(texts, runs.filter((run) => typeof run === "string").join(""));
      }
      return;
    case "FactSet":
      if (Array.isArray(element.facts)) {
        for (const fact of element.facts.filter(isObject)) {
          if (typeof fact.title === "string" && typeof fact.value === "string") {
            pushText(texts, `${fact.title}: ${fact.value}`);
          }
        }
      }
      return;
  }
  // Containers: the card's `body`, Container/Column `items`, ColumnSet `columns`.
  for (const key of ["body", "items", "columns"]) {
    const children = element[key];
    if (Array.isArray(children)) {
      for (const child of children.filter(isObject)) collectAdaptiveCardText(child, texts, depth + 1);
    }
  }
}

function pushText(texts: string[], value: unknown): void {
  if (typeof value === "string" && value.trim()) texts.push(value);
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fileNameFrom(href: string | undefined): string | undefined {
  if (!href) return undefined;
  const last = new URL(href).pathname.split("/").pop();
  if (!last) return undefined;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
