import { normaliseText } from "../../textNormalisation.js";
import { cardHtml, fileLink } from "./attachments.js";
import type { DraftRejection, DraftResult, EntryDraft } from "./entryDraft.js";
import { htmlToMarkdown } from "./htmlToMarkdown.js";
import { MAX_BODY_CHARS, MAX_SOURCE_CHARS } from "./limits.js";
import { linksIn, toPlainText } from "./markdownText.js";
import { plainTextToHtml } from "./plainTextHtml.js";
import { neutraliseUnsafeSchemes, safeWebUrl } from "./safeLinks.js";
import { sanitizeMarkdown } from "./sanitizeMarkdown.js";
import { type AttachmentLink, sanitizeMessageHtml } from "./sanitizeMessageHtml.js";
import { isDeletedMessage, readTeamsMessage, type TeamsMessage } from "./teamsMessagePayload.js";
import { suggestTitle } from "./titleSuggestion.js";
import { truncateMarkdown } from "./truncateMarkdown.js";

/** What the "Save as insight" dialog says when a message cannot be saved, by reason. */
const REJECTION_MESSAGES: Record<DraftRejection, string> = {
  deleted:
    "This message was deleted, so there is nothing left to save. If it held something worth keeping, ask its author to share it again.",
  empty:
    "This message has no text PeerCircle can keep (pictures and other content are not saved). Write the insight in your own words in the PeerCircle tab instead.",
  invalid:
    "Teams didn't send this message in a form PeerCircle can read. Try again, or copy its text into a new entry in the PeerCircle tab.",
};

/**
 * Turns the `messagePayload` of a Teams message action (`composeExtension/fetchTask` or
 * `submitAction`) into an entry draft: the message as safe markdown (`index.ts` says what is
 * kept), its plain text, links, a title suggestion, the author (or, for a bot's message, the
 * app's name) and the link back. A deleted message, one without any text, or a payload that is
 * not a message gives a reason and a sentence to show instead. Never throws, and bounds its work
 * on huge bodies (see `MAX_SOURCE_CHARS`).
 */
export function messageToDraft(payload: unknown): DraftResult {
  if (isDeletedMessage(payload)) return reject("deleted");
  const message = readTeamsMessage(payload);
  if (!message?.postedAt) return reject("invalid");

  const converted = messageMarkdown(message);
  // Read back once as the editor will (paragraphs that read "1. Step 1" become one numbered list),
  // so the text in the dialog is already what saving it unchanged keeps.
  const { markdown: body, truncated } = truncateMarkdown(
    sanitizeMarkdown(converted.markdown),
    MAX_BODY_CHARS,
  );
  const plainText = toPlainText(body);
  // Whitespace, no-break spaces and zero-width characters are not something to save.
  if (!/[^\s\u200B-\u200D\u2060\uFEFF]/.test(plainText)) return reject("empty");

  return {
    ok: true,
    draft: {
      ...originOf(message, message.postedAt),
      body,
      plainText,
      links: linksIn(body),
      titleSuggestion: normaliseText(suggestTitle(message.subject, body)),
      truncated: truncated || converted.sourceCut,
    },
  };
}

/** Where a message came from, without converting its body: what a submit needs to credit it. */
export type MessageOrigin = Pick<EntryDraft, "messageId" | "postedAt" | "link" | "author" | "appName">;

/**
 * The origin of a message-action payload (id, time, link back, author or app), without the body
 * conversion: on submit the body comes from the dialog and is sanitised on its own, so converting
 * the original again would only cost time inside Teams' 5 s invoke limit.
 */
export function messageOrigin(
  payload: unknown,
): { ok: true; origin: MessageOrigin } | Extract<DraftResult, { ok: false }> {
  if (isDeletedMessage(payload)) return reject("deleted");
  const message = readTeamsMessage(payload);
  if (!message?.postedAt) return reject("invalid");
  return { ok: true, origin: originOf(message, message.postedAt) };
}

/** A message's id, time, safe link back, and author (or, for a bot's message, the app's name). */
function originOf(message: TeamsMessage, postedAt: string): MessageOrigin {
  const link = safeWebUrl(message.linkToMessage, { allowHttp: false });
  return {
    messageId: message.id,
    postedAt,
    ...(link ? { link } : {}),
    author: message.user ? { id: message.user.id, displayName: message.user.displayName } : null,
    ...(!message.user && message.appName ? { appName: message.appName } : {}),
  };
}

function reject(reason: DraftRejection): Extract<DraftResult, { ok: false }> {
  return { ok: false, reason, message: REJECTION_MESSAGES[reason] };
}

/**
 * The message body and its attachments as one safe markdown text. Files referenced in the body
 * (`<attachment id>`) become links where they stand; cards and files the body does not place are
 * added after the body, which is where Teams shows them.
 */
function messageMarkdown(message: TeamsMessage): { markdown: string; sourceCut: boolean } {
  const source = cutSource(message.bodyContent, message.bodyType);
  const sourceHtml = message.bodyType === "text" ? plainTextToHtml(source.text) : source.text;

  const filesById = new Map<string, AttachmentLink>();
  for (const attachment of message.attachments) {
    const link = fileLink(attachment);
    if (link && attachment.id) filesById.set(attachment.id, link);
  }
  const body = sanitizeMessageHtml(sourceHtml, (id) => filesById.get(id));

  // Unplaced files get placeholders of their own (by position, so no id needs escaping) and go
  // through the sanitiser like any other link.
  const placed = new Set(body.attachmentIds);
  const extraFiles = new Map<string, AttachmentLink>();
  let extraHtml = "";
  message.attachments.forEach((attachment, index) => {
    const link = fileLink(attachment);
    if (link && !(attachment.id && placed.has(attachment.id))) {
      extraFiles.set(`file-${index}`, link);
      extraHtml += `<p><attachment id="file-${index}"></attachment></p>`;
    }
  });
  const cardsHtml = message.attachments.map(cardHtml).join("");
  const extras = sanitizeMessageHtml(cardsHtml + extraHtml, (id) => extraFiles.get(id));

  // Normalised like every text people submit: no control, bidi or zero-width characters that
  // would show the text differently from what is stored or hide words from search.
  const markdown = normaliseText(neutraliseUnsafeSchemes(htmlToMarkdown(body.html + extras.html))).trim();
  return { markdown, sourceCut: source.cut };
}

/**
 * Bounds the work on a huge body before any parsing. HTML is cut after a tag's closing `>` so no
 * tag is split; the sanitiser closes whatever the cut left open.
 */
function cutSource(content: string, type: "html" | "text"): { text: string; cut: boolean } {
  if (content.length <= MAX_SOURCE_CHARS) return { text: content, cut: false };
  let end = MAX_SOURCE_CHARS;
  if (type === "html") {
    const tagEnd = content.lastIndexOf(">", MAX_SOURCE_CHARS - 1);
    if (tagEnd > MAX_SOURCE_CHARS / 2) end = tagEnd + 1;
  }
  const code = content.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return { text: content.slice(0, end), cut: true };
}
