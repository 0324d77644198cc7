import type { Application, TurnState } from "@microsoft/teams-ai";
import { type Attachment, CardFactory, type MessagingExtensionResult, type TurnContext } from "botbuilder";
import { z } from "zod";
import type { CommunityService } from "../domain/communities/communityService.js";
import { DomainError } from "../domain/errors.js";
import { ENTRY_TYPES, type EntryType } from "../domain/library/entry.js";
import type { EntryView } from "../domain/library/entryView.js";
import { insightFromMessageFormSchema, tagsFromText } from "../domain/library/insightFromMessage.js";
import type { LibraryService } from "../domain/library/libraryService.js";
import {
  type EntryDraft,
  messageOrigin,
  messageToDraft,
  toPlainText,
} from "../domain/library/messageContent/index.js";
import type { SessionService } from "../domain/sessions/sessionService.js";
import type { Logger } from "../observability/logger.js";
import { entryCard } from "./cards/entryCard.js";
import { type SaveInsightForm, saveInsightDialogCard } from "./cards/saveInsightDialogCard.js";
import { dialog, friendly, memberCommunities, parsePayload } from "./invokes.js";
import {
  type AppLinks,
  entryDeepLink,
  parseEntryWebUrl,
  parseSessionWebUrl,
  type SessionLinkTarget,
  sessionDeepLink,
} from "./links.js";
import { reminderCard } from "./reminders/reminderCard.js";
import { callerFromActivity } from "./teamsCaller.js";
import { FIND_INSIGHT_COMMAND, SAVE_INSIGHT_COMMAND } from "./wireNames.js";

/** What the message extension needs from the composition root. */
export interface MessageExtensionDependencies {
  communities: CommunityService;
  library: LibraryService;
  /** Sessions, for unfurling a session's link. */
  sessions: SessionService;
  links: AppLinks;
  allowedTenants: ReadonlySet<string>;
  logger: Logger;
}

/** Search results per query: Teams shows about 10; more only costs time inside the 5 s invoke limit. */
const MAX_RESULTS = 15;

/** The dialog's inputs: the entry's fields (read by the library) and whether to share a card after. */
const saveInsightPayloadSchema = insightFromMessageFormSchema.extend({
  share: z.string().default("false"),
});

const SAVE_INSIGHT_TITLE = "Save as insight";

/**
 * Registers the message extension: "Save as insight" (message action: fetchTask → dialog,
 * submitAction → entry), "Find insight" (search) and link unfurling of PeerCircle entry links.
 */
export function registerMessageExtensions(
  app: Application<TurnState>,
  deps: MessageExtensionDependencies,
): void {
  const { communities, library, links, allowedTenants } = deps;

  app.messageExtensions.fetchTask(SAVE_INSIGHT_COMMAND, (context) =>
    friendly(deps, context, async () => {
      const caller = callerFromActivity(context, allowedTenants);
      const drafted = messageToDraft(messagePayloadOf(context));
      if (!drafted.ok) return drafted.message;
      const mine = await memberCommunities(deps.communities, caller, context);
      if (mine.length === 0) {
        return "You are not in a PeerCircle community yet. Join one in its channel's PeerCircle tab (or add the tab to a channel to start one), then save this message.";
      }
      return dialog(SAVE_INSIGHT_TITLE, saveInsightDialogCard(formFor(drafted.draft, mine)));
    }),
  );

  app.messageExtensions.submitAction(SAVE_INSIGHT_COMMAND, (context, _state, raw) =>
    friendly(deps, context, async () => {
      const caller = callerFromActivity(context, allowedTenants);
      const form = parsePayload(saveInsightPayloadSchema, raw);
      try {
        const { entry, community, created } = await library.saveInsightFromMessage(
          caller,
          { payload: messagePayloadOf(context), conversationId: context.activity.conversation.id },
          form,
        );
        // Asked to share: the card goes into the chat, whether it was saved now or before.
        if (form.share === "true") {
          return {
            type: "result",
            attachmentLayout: "list",
            attachments: [
              CardFactory.adaptiveCard(
                entryCard(
                  cardModel(entry, community.name, links),
                  created ? "Saved as an insight" : `Already in ${community.name}'s library`,
                ),
              ),
            ],
          } satisfies MessagingExtensionResult;
        }
        if (!created) {
          return dialog(
            "Already saved",
            entryCard(
              cardModel(entry, community.name, links),
              `This message is already in ${community.name}'s library.`,
            ),
          );
        }
        return `Saved “${entry.title}” to ${community.name}.`;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        // Keep everything the person typed and say what to fix.
        const origin = messageOrigin(messagePayloadOf(context));
        if (!origin.ok) return origin.message;
        const mine = await memberCommunities(deps.communities, caller, context);
        return dialog(
          SAVE_INSIGHT_TITLE,
          saveInsightDialogCard(
            formFor({ ...origin.origin, titleSuggestion: "", body: "", truncated: false }, mine, {
              communityId: form.communityId,
              type: (ENTRY_TYPES as readonly string[]).includes(form.type)
                ? (form.type as EntryType)
                : "insight",
              title: form.title,
              body: form.body,
              summary: form.summary,
              tags: tagsFromText(form.tags),
              newTags: form.newTags,
              share: form.share === "true",
              error: error.message,
            }),
          ),
        );
      }
    }),
  );

  app.messageExtensions.query(FIND_INSIGHT_COMMAND, async (context, _state, query) => {
    try {
      const caller = callerFromActivity(context, allowedTenants);
      const text = typeof query.parameters.query === "string" ? query.parameters.query.trim() : "";
      const results = await library.searchMine(caller, {
        ...(text ? { text } : {}),
        limit: Math.min(query.count || 10, MAX_RESULTS),
      });
      if (results.length === 0) {
        return {
          type: "message",
          text: text
            ? `Nothing in your communities matches “${text}” yet.`
            : "Your communities' libraries are empty so far.",
        };
      }
      const attachments = results.map((r) => {
        const titleRanges = r.highlights.find((h) => h.field === "title")?.ranges;
        const snippetRanges = r.highlights.find((h) => h.field === "snippet")?.ranges;
        const card = entryCard({
          title: r.title,
          type: r.type,
          tags: r.tags,
          author: r.author,
          communityName: r.communityName,
          helpfulCount: r.helpfulCount,
          verified: r.verified,
          stale: r.stale,
          preview: r.snippet,
          ...(titleRanges ? { titleHighlights: titleRanges } : {}),
          ...(snippetRanges ? { previewHighlights: snippetRanges } : {}),
          openUrl: entryDeepLink(links, r.communityId, r.id),
        });
        const preview = CardFactory.thumbnailCard(r.title, `${r.communityName} · ${r.snippet.slice(0, 120)}`);
        return { ...CardFactory.adaptiveCard(card), preview } as Attachment & { preview: Attachment };
      });
      return { type: "result", attachmentLayout: "list", attachments };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { type: "message", text: error.message };
    }
  });

  app.messageExtensions.queryLink(async (context, _state, url) => {
    const session = parseSessionWebUrl(links, url);
    if (session) return unfurlSession(deps, context, session);
    const target = parseEntryWebUrl(links, url);
    if (!target) return { type: "result", attachmentLayout: "list", attachments: [] };
    try {
      const caller = callerFromActivity(context, allowedTenants);
      const entry = await library.get(caller, target.communityId, target.entryId);
      const community = await communities.get(caller, target.communityId);
      const card = entryCard(cardModel(entry, community.name, links));
      const preview = CardFactory.thumbnailCard(entry.title, community.name);
      return {
        type: "result",
        attachmentLayout: "list",
        attachments: [{ ...CardFactory.adaptiveCard(card), preview }],
      };
    } catch (error) {
      // Someone who may not see the entry gets no preview (and learns nothing about it).
      if (error instanceof DomainError) return { type: "result", attachmentLayout: "list", attachments: [] };
      throw error;
    }
  });
}

/** A session link pasted in a chat: its card (when, format, roles, join and open), for members. */
async function unfurlSession(
  deps: MessageExtensionDependencies,
  context: TurnContext,
  target: SessionLinkTarget,
): Promise<MessagingExtensionResult> {
  const none: MessagingExtensionResult = { type: "result", attachmentLayout: "list", attachments: [] };
  try {
    const caller = callerFromActivity(context, deps.allowedTenants);
    const session = await deps.sessions.get(caller, target.communityId, target.sessionId);
    const card = reminderCard(
      {
        title: session.title,
        format: session.format,
        startsAt: session.nextOccurrences?.[0]?.startsAt ?? session.startsAt,
        durationMinutes: session.durationMinutes,
        roles: [],
        ...(session.joinUrl ? { joinUrl: session.joinUrl } : {}),
        link: sessionDeepLink(deps.links, target.communityId, target.sessionId),
      },
      "",
    );
    const preview = CardFactory.thumbnailCard(session.title, "PeerCircle session");
    return {
      type: "result",
      attachmentLayout: "list",
      attachments: [{ ...CardFactory.adaptiveCard(card), preview }],
    };
  } catch (error) {
    // Someone who may not see the session gets no preview (and learns nothing about it).
    if (error instanceof DomainError) return none;
    throw error;
  }
}

function messagePayloadOf(context: TurnContext): unknown {
  return (context.activity.value as { messagePayload?: unknown } | undefined)?.messagePayload;
}

function formFor(
  draft: Pick<EntryDraft, "titleSuggestion" | "body" | "author" | "appName" | "postedAt" | "truncated">,
  mine: { id: string; name: string; tags: string[] }[],
  filled: Partial<SaveInsightForm> = {},
): SaveInsightForm {
  return {
    communities: mine.map((c) => ({ id: c.id, name: c.name })),
    communityId: mine[0]?.id ?? "",
    type: "insight",
    title: draft.titleSuggestion,
    body: draft.body,
    summary: "",
    knownTags: [...new Set(mine.flatMap((c) => c.tags))],
    tags: [],
    newTags: "",
    share: false,
    authorName: draft.author?.displayName ?? draft.appName ?? "an app",
    postedAt: draft.postedAt,
    truncated: draft.truncated,
    ...filled,
  };
}

function cardModel(entry: EntryView, communityName: string, links: AppLinks) {
  return {
    title: entry.title,
    type: entry.type,
    tags: entry.tags,
    author: entry.author,
    communityName,
    helpfulCount: entry.helpfulCount,
    verified: entry.verification !== undefined,
    stale: entry.stale,
    preview: entry.summary || toPlainText(entry.body),
    openUrl: entryDeepLink(links, entry.communityId, entry.id),
    ...(entry.source.kind === "message" && entry.source.link ? { sourceUrl: entry.source.link } : {}),
  };
}
