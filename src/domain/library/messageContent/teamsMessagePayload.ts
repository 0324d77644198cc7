import { z } from "zod";

/**
 * The parts of a Teams message-action `messagePayload` (`composeExtension/fetchTask` and
 * `composeExtension/submitAction`) that a draft needs. Only the id is essential: every other field
 * falls back to "absent" when Teams leaves it out or sends an unexpected shape, so that one odd
 * field (a new attachment kind, a null subject) never stops a person from saving a message.
 */

/** A string, or `undefined` when the field is missing, null or not a string. */
const optionalText = z.string().optional().catch(undefined);

const person = z.object({
  id: z.string().trim().min(1),
  displayName: z.string().trim().catch(""),
});

const application = z.object({
  displayName: z.string().trim().catch(""),
});

const attachment = z.object({
  id: optionalText,
  contentType: z.string(),
  contentUrl: optionalText,
  name: optionalText,
  // A card's JSON: Teams sends a string, the Bot Framework sometimes an object.
  content: z.unknown(),
});

/** One attachment of a message, as far as PeerCircle reads it. */
export type MessageAttachment = z.infer<typeof attachment>;

const messagePayload = z.object({
  id: z.union([z.string().trim().min(1), z.number().transform(String)]),
  createdDateTime: optionalText,
  lastModifiedDateTime: optionalText,
  deleted: z.boolean().catch(false).default(false),
  linkToMessage: optionalText,
  subject: optionalText,
  from: z
    .object({
      user: person.optional().catch(undefined),
      application: application.optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
  body: z
    .object({
      contentType: z.string().catch("html").default("html"),
      content: z.string().catch("").default(""),
    })
    .optional()
    .catch(undefined),
  // Attachments are read one by one (below) so that one malformed entry is skipped, not fatal.
  attachments: z.array(z.unknown()).catch([]).default([]),
});

/** A message payload after validation. */
export interface TeamsMessage {
  id: string;
  /** ISO 8601; absent when Teams sent neither a valid created nor last-modified time. */
  postedAt?: string;
  deleted: boolean;
  linkToMessage?: string;
  subject?: string;
  user?: { id: string; displayName: string };
  appName?: string;
  bodyType: "html" | "text";
  bodyContent: string;
  attachments: MessageAttachment[];
}

/** Reads a message payload; `undefined` when it is not a Teams message at all. */
export function readTeamsMessage(payload: unknown): TeamsMessage | undefined {
  const parsed = messagePayload.safeParse(payload);
  if (!parsed.success) return undefined;
  const m = parsed.data;
  const attachments: MessageAttachment[] = [];
  for (const candidate of m.attachments) {
    const a = attachment.safeParse(candidate);
    if (a.success) attachments.push(a.data);
  }
  const appName = m.from?.application?.displayName;
  return {
    id: m.id,
    postedAt: isoTime(m.createdDateTime) ?? isoTime(m.lastModifiedDateTime),
    deleted: m.deleted,
    linkToMessage: m.linkToMessage,
    subject: m.subject,
    user: m.from?.user,
    appName: appName || undefined,
    bodyType: m.body?.contentType.toLowerCase() === "text" ? "text" : "html",
    bodyContent: m.body?.content ?? "",
    attachments,
  };
}

/** Whether the payload says the message was deleted, read before anything else is required. */
export function isDeletedMessage(payload: unknown): boolean {
  return (
    typeof payload === "object" && payload !== null && (payload as { deleted?: unknown }).deleted === true
  );
}

function isoTime(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
