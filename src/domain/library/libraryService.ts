import { randomUUID } from "node:crypto";
import { type CommunityView, stewardsOnly } from "../communities/community.js";
import type { CommunityService } from "../communities/communityService.js";
import { CountSettler, retryOnConflict } from "../concurrency.js";
import {
  ConcurrencyError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  orNotFound,
  ValidationError,
} from "../errors.js";
import { type Caller, callerAsPerson, type PersonRef } from "../identity.js";
import {
  type Lesson,
  recordSessionTeaching,
  recordTaught,
  type SessionAttendance,
  type SessionRoleHolders,
} from "../insights/learningFacts.js";
import { parseInput } from "../validation.js";
import type { Entry, EntrySource } from "./entry.js";
import type { EntryRepository, EntryRevision } from "./entryRepository.js";
import {
  type EntryChangesInput,
  entryChangesSchema,
  type NewEntryInput,
  newEntrySchema,
  verificationSchema,
} from "./entrySchemas.js";
import { type EntryView, entryView } from "./entryView.js";
import {
  type InsightFromMessageForm,
  insightFromMessageFormSchema,
  tagsFromText,
} from "./insightFromMessage.js";
import type { LibrarySearch, LibrarySearchHit } from "./librarySearch.js";
import { messageOrigin, sanitizeMarkdown } from "./messageContent/index.js";
import { messageEntryId } from "./messageEntryId.js";
import { type QuotableEntry, quotableFromHeld, quotableOf } from "./quotableEntry.js";
import {
  newestRequestFirst,
  type RemovalRequestInput,
  type RemovalRequestPage,
  type RemovalRequestPageInput,
  removalRequestOf,
  removalRequestPageSchema,
  removalRequestSchema,
  withoutRemovalRequest,
} from "./removalRequests.js";
import type { EntrySearchPage, EntrySearchQuery } from "./search/searchTypes.js";

/** Where a saved message came from, as the message extension knows it. */
export interface SavedMessageOrigin {
  messageId: string;
  conversationId: string;
  link: string;
  postedAt: string;
  /** The message's author; null when an app posted it (the saver is credited then). */
  author: PersonRef | null;
}

/** The result of saving: the entry, its community, and whether this call created it or found it already saved. */
export interface SaveResult {
  entry: EntryView;
  community: CommunityView;
  created: boolean;
}

/** The rules of the insight library: who adds, sees, edits, votes, verifies and removes entries. */
export class LibraryService {
  private readonly helpfulCounts = new CountSettler();

  constructor(
    private readonly entries: EntryRepository,
    private readonly communities: CommunityService,
    private readonly search: LibrarySearch,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Writes a new entry directly (tab). Members only. */
  async create(caller: Caller, communityId: string, input: NewEntryInput): Promise<EntryView> {
    const me = callerAsPerson(caller);
    const { entry } = await this.add(caller, communityId, input, { kind: "direct" }, me, randomUUID());
    return entry;
  }

  /**
   * Puts a question the library could not answer into it as an open question (a Q&A entry
   * without an accepted answer), asked by the caller. `id` is derived from where it was asked, so
   * a retried request finds the entry it made instead of adding a second one.
   */
  async openQuestion(
    caller: Caller,
    communityId: string,
    question: { title: string; body: string; tags?: string[] },
    id: string,
  ): Promise<SaveResult> {
    const me = callerAsPerson(caller);
    return this.add(caller, communityId, { ...question, type: "qa" }, { kind: "direct" }, me, id);
  }

  /**
   * Saves a Teams message as an entry, crediting its author. Saving the same message into the same
   * community again (or a retried invoke) returns the existing entry with `created: false`.
   */
  async saveFromMessage(
    caller: Caller,
    communityId: string,
    origin: SavedMessageOrigin,
    input: NewEntryInput,
  ): Promise<SaveResult> {
    const source: EntrySource = {
      kind: "message",
      messageId: origin.messageId,
      conversationId: origin.conversationId,
      link: origin.link,
      postedAt: origin.postedAt,
    };
    const author = origin.author ?? callerAsPerson(caller);
    const id = messageEntryId(origin.conversationId, origin.messageId);
    return this.add(caller, communityId, input, source, author, id);
  }

  /**
   * "Save as insight" on a Teams message, in one call: the message as Teams sent it (its id, link,
   * time and author read here; a deleted or unreadable one refused), the dialog's inputs as typed
   * (tags split once, here), then {@link saveFromMessage}'s rules.
   */
  async saveInsightFromMessage(
    caller: Caller,
    message: { payload: unknown; conversationId: string },
    form: InsightFromMessageForm,
  ): Promise<SaveResult> {
    const origin = messageOrigin(message.payload);
    if (!origin.ok) throw new ValidationError(origin.message);
    const { communityId, type, title, body, summary, tags, newTags } = parseInput(
      insightFromMessageFormSchema,
      form,
    );
    return this.saveFromMessage(
      caller,
      communityId,
      {
        messageId: origin.origin.messageId,
        conversationId: message.conversationId,
        link: origin.origin.link ?? "",
        postedAt: origin.origin.postedAt,
        author: origin.origin.author,
      },
      // The type as typed: the entry's schema (in add) refuses one the library does not know.
      { type: type as NewEntryInput["type"], title, body, summary, tags: tagsFromText(tags, newTags) },
    );
  }

  /**
   * Saves what a meeting produced (a pair's shared insight, a decision, an action item) as an entry
   * linked to its session or meeting. `id` is derived from what produced it, so saving it again (a
   * retried close) returns the existing entry with `created: false`. The caller must be a member.
   */
  async saveFromMeeting(
    caller: Caller,
    communityId: string,
    origin: { id: string; source: Extract<EntrySource, { kind: "session" | "meeting" }>; author: PersonRef },
    input: NewEntryInput,
  ): Promise<SaveResult> {
    return this.add(caller, communityId, input, origin.source, origin.author, origin.id);
  }

  /**
   * A lesson its author publishes from a confidential activity (mastermind), de-identified: the
   * entry names the pseudonymous author as author and saver, never the caller, and is not linked
   * to the meeting. Saved once per id.
   */
  async publishDeidentified(
    caller: Caller,
    communityId: string,
    lesson: { id: string; author: PersonRef; title: string; body: string; tags: string[] },
  ): Promise<{ entryId: string }> {
    const input = { type: "insight" as const, title: lesson.title, body: lesson.body, tags: lesson.tags };
    const result = await this.add(
      caller,
      communityId,
      input,
      { kind: "direct" },
      lesson.author,
      lesson.id,
      lesson.author,
    );
    return { entryId: result.entry.id };
  }

  /**
   * Records that people learned from each other in a meeting (a pair's conversation): one
   * interaction each way. `key` makes it idempotent per pair and activity.
   */
  async recordPairConversation(
    tenantId: string,
    communityId: string,
    members: readonly PersonRef[],
    at: string,
    key: string,
  ): Promise<void> {
    for (const from of members)
      for (const to of members) {
        if (from.id === to.id) continue;
        await this.entries.recordInteraction({
          tenantId,
          communityId,
          kind: "paired",
          from,
          to,
          at,
          key: `${key}-${from.id}-${to.id}`,
        });
      }
  }

  /**
   * Records that people learned from a teacher (a micro-teach): one "taught" fact per learner,
   * once per activity and learner (`key` names the activity).
   */
  async recordTeaching(
    tenantId: string,
    communityId: string,
    teaching: { teacher: PersonRef; learners: readonly PersonRef[] },
    at: string,
    key: string,
  ): Promise<void> {
    for (const learner of teaching.learners)
      await this.entries.recordInteraction({
        tenantId,
        communityId,
        kind: "taught",
        from: learner,
        to: teaching.teacher,
        at,
        key: `${key}-${learner.id}`,
      });
  }

  /**
   * Records that people took part in an activity (attended a session), once per activity and
   * person: `key` names the activity.
   */
  async recordAttendance(
    tenantId: string,
    communityId: string,
    attendees: readonly PersonRef[],
    at: string,
    key: string,
  ): Promise<void> {
    for (const person of attendees)
      await this.entries.recordInteraction({
        tenantId,
        communityId,
        kind: "attended",
        from: person,
        to: person,
        at,
        key: `${key}-attended-${person.id}`,
      });
  }

  /**
   * Records that the people present at a calendar session's activity learned from its
   * micro-teacher, when it had one ("taught" facts; see insights/learningFacts.ts).
   */
  recordSessionTeaching(sessions: SessionRoleHolders, attendance: SessionAttendance): Promise<number> {
    return recordSessionTeaching(sessions, this.entries, attendance);
  }

  /** Records a lesson: every learner learned from the teacher ("taught" facts, idempotent per key). */
  recordTaught(lesson: Lesson): Promise<number> {
    return recordTaught(this.entries, lesson);
  }

  /** Finds the entry a message was already saved as in this community, if any. */
  async findSavedMessage(caller: Caller, communityId: string, conversationId: string, messageId: string) {
    const entry = await this.entries.get(
      caller.tenantId,
      communityId,
      messageEntryId(conversationId, messageId),
    );
    if (!entry) return undefined;
    return this.view(caller, await this.communities.get(caller, communityId), entry);
  }

  async get(caller: Caller, communityId: string, entryId: string): Promise<EntryView> {
    const community = await this.communities.get(caller, communityId);
    return this.view(caller, community, await this.require(caller.tenantId, communityId, entryId));
  }

  /**
   * Entries of one community the caller may read, for quoting: from the words the search engine
   * holds (no storage read: the engine's copy follows every edit and erasure through the change
   * log, as the search that found them did), else from storage. One
   * membership check (cached on the hot path); entries gone, or whose removal was asked for (the
   * engine drops them too), are left out.
   */
  async quotable(caller: Caller, communityId: string, entryIds: string[]): Promise<QuotableEntry[]> {
    await this.communities.readable(caller, communityId);
    const held = this.search.heldTexts?.(caller.tenantId, communityId, entryIds) ?? [];
    const found = new Map<string, QuotableEntry>();
    for (const h of held) found.set(h.id, quotableFromHeld(communityId, h));
    const missing = entryIds.filter((id) => !found.has(id));
    if (missing.length > 0) {
      const read = await Promise.all(missing.map((id) => this.entries.get(caller.tenantId, communityId, id)));
      for (const e of read) if (e && !e.removalRequestedBy) found.set(e.id, quotableOf(e));
    }
    return entryIds.flatMap((id) => found.get(id) ?? []);
  }

  /** Edits an entry from the version the editor saw; the previous version goes to the history. */
  async update(
    caller: Caller,
    communityId: string,
    entryId: string,
    changes: EntryChangesInput,
    etag: string,
  ): Promise<EntryView> {
    const data = parseInput(entryChangesSchema, changes);
    const community = await this.communities.get(caller, communityId);
    const current = await this.view(
      caller,
      community,
      await this.require(caller.tenantId, communityId, entryId),
    );
    if (!current.canEdit)
      throw new ForbiddenError("Only the entry's author, who saved it, or a steward can edit it.");
    if (current.etag !== etag) {
      throw new ConcurrencyError(
        "Someone else edited this entry meanwhile. Reload it to see their changes, then edit again.",
      );
    }
    const at = this.now().toISOString();
    const editor = callerAsPerson(caller);
    const updated = await this.entries.update(
      {
        ...stripView(current),
        ...(data.type !== undefined ? { type: data.type } : {}),
        ...(data.title !== undefined ? { title: data.title } : {}),
        ...(data.body !== undefined ? { body: sanitizeMarkdown(data.body) } : {}),
        ...(data.summary !== undefined ? { summary: data.summary } : {}),
        ...(data.tags !== undefined ? { tags: unique(data.tags) } : {}),
        ...(data.answered !== undefined ? { answered: data.answered } : {}),
        updatedAt: at,
      },
      revisionOf(current, editor, at),
    );
    this.search.noteChange(caller.tenantId, communityId, entryId, updated);
    return this.view(caller, community, updated);
  }

  /** Removes an entry with its votes and history: whoever saved it, or a steward. */
  async delete(caller: Caller, communityId: string, entryId: string): Promise<void> {
    const community = await this.communities.get(caller, communityId);
    const entry = await this.entries.get(caller.tenantId, communityId, entryId);
    if (!entry) return; // already gone: deleting twice is harmless
    const view = await this.view(caller, community, entry);
    if (!view.canDelete) {
      throw new ForbiddenError(
        view.canRequestRemoval
          ? "You wrote the original message: ask for its removal and a steward will take it out."
          : "Only who saved this entry or a steward can delete it.",
      );
    }
    await this.entries.delete(caller.tenantId, communityId, entryId);
    this.search.noteChange(caller.tenantId, communityId, entryId, undefined);
  }

  /**
   * The original author asks for an entry made from their message to be removed, optionally saying
   * why. The entry leaves search until a steward deletes it or keeps it.
   */
  async requestRemoval(
    caller: Caller,
    communityId: string,
    entryId: string,
    input: RemovalRequestInput = {},
  ): Promise<EntryView> {
    const { reason } = parseInput(removalRequestSchema, input ?? {});
    const community = await this.communities.get(caller, communityId);
    const current = await this.view(
      caller,
      community,
      await this.require(caller.tenantId, communityId, entryId),
    );
    if (current.author.id !== caller.userId)
      throw new ForbiddenError("Only the original author can ask for removal.");
    const updated = await this.guardedChange(caller.tenantId, communityId, entryId, (e) => {
      const { removalReason: _previous, ...rest } = e;
      return {
        ...rest,
        removalRequestedBy: callerAsPerson(caller),
        removalRequestedAt: this.now().toISOString(),
        ...(reason ? { removalReason: reason } : {}),
      };
    });
    return this.view(caller, community, updated);
  }

  /**
   * Marks an entry helpful (or not any more). One vote per person; repeating changes nothing.
   * Voting is taking part: in an open community it joins a non-member (`joinedCommunity`).
   */
  async vote(
    caller: Caller,
    communityId: string,
    entryId: string,
    helpful: boolean,
  ): Promise<EntryView & { joinedCommunity?: true }> {
    let community = await this.communities.get(caller, communityId);
    const entry = await this.require(caller.tenantId, communityId, entryId);
    let joined: { joinedCommunity?: true } = {};
    if (helpful && !community.isMember) {
      const participation = await this.communities.participate(caller, communityId);
      community = participation.community;
      if (participation.joinedCommunity) joined = { joinedCommunity: true };
    }
    return { ...(await this.voteAs(caller, community, entry, helpful)), ...joined };
  }

  private async voteAs(
    caller: Caller,
    community: CommunityView,
    entry: Entry,
    helpful: boolean,
  ): Promise<EntryView> {
    const { communityId, id: entryId } = entry;
    const voter = callerAsPerson(caller);
    // Voting for someone else's entry is learning from them (one interaction per vote, see addVote).
    const learnedFrom = entry.author.id === caller.userId ? undefined : entry.author;
    const { tenantId } = caller;
    const changed = helpful
      ? await this.entries.addVote({
          tenantId,
          communityId,
          entryId,
          voter,
          at: this.now().toISOString(),
          learnedFrom,
        })
      : await this.entries.removeVote(tenantId, communityId, entryId, caller.userId);
    if (!changed) return this.view(caller, community, entry);
    // The vote has landed: the answer is a success from here on. The count is a cache of the vote
    // rows, settled from a recount (settleCount), so concurrent voters cannot leave it wrong.
    const settled = await this.helpfulCounts.settle(JSON.stringify([tenantId, communityId, entryId]), {
      read: async () => {
        const current = await this.entries.get(tenantId, communityId, entryId);
        return current && { value: current, count: current.helpfulCount };
      },
      recount: () => this.entries.countVotes(tenantId, communityId, entryId),
      write: (count) => this.entries.setHelpfulCount(tenantId, communityId, entryId, count),
    });
    if (!settled) throw new NotFoundError("This entry does not exist any more.");
    const updated = { ...settled.value, helpfulCount: settled.count };
    this.search.noteChange(caller.tenantId, communityId, entryId, updated);
    return this.view(caller, community, updated);
  }

  /** A steward verifies an entry, optionally with a date to review it again by. */
  async verify(
    caller: Caller,
    communityId: string,
    entryId: string,
    input: { reviewBy?: string },
  ): Promise<EntryView> {
    const { reviewBy } = parseInput(verificationSchema, input);
    const community = await this.requireSteward(caller, communityId);
    const updated = await this.guardedChange(caller.tenantId, communityId, entryId, (e) => ({
      ...e,
      verification: {
        by: callerAsPerson(caller),
        at: this.now().toISOString(),
        ...(reviewBy ? { reviewBy: reviewBy.slice(0, 10) } : {}),
      },
    }));
    return this.view(caller, community, updated);
  }

  async unverify(caller: Caller, communityId: string, entryId: string): Promise<EntryView> {
    const community = await this.requireSteward(caller, communityId);
    const updated = await this.guardedChange(
      caller.tenantId,
      communityId,
      entryId,
      ({ verification: _v, ...e }) => e,
    );
    return this.view(caller, community, updated);
  }

  async history(caller: Caller, communityId: string, entryId: string): Promise<EntryRevision[]> {
    await this.communities.get(caller, communityId);
    await this.require(caller.tenantId, communityId, entryId);
    return this.entries.listRevisions(caller.tenantId, communityId, entryId);
  }

  /** Searches one community's library the caller may see. */
  async searchCommunity(
    caller: Caller,
    communityId: string,
    query: EntrySearchQuery,
  ): Promise<EntrySearchPage> {
    await this.communities.readable(caller, communityId);
    return this.search.search(caller.tenantId, [communityId], query);
  }

  /**
   * Searches every community the caller belongs to as one library: one ranking across them, so
   * the best answer comes first whichever community holds it.
   */
  async searchMine(
    caller: Caller,
    query: EntrySearchQuery,
    listed?: readonly CommunityView[],
  ): Promise<(LibrarySearchHit & { communityName: string })[]> {
    // `listed`: the caller's communities as `listVisible(caller)` just gave them (the caller's own
    // list: it is filtered to memberships here as ever), so one turn need not list them twice.
    const mine = (listed ?? (await this.communities.listVisible(caller))).filter((c) => c.isMember);
    if (mine.length === 0) return [];
    const limit = Math.min(query.limit ?? 10, 25);
    const names = new Map(mine.map((c) => [c.id, c.name]));
    const page = await this.search.search(
      caller.tenantId,
      mine.map((c) => c.id),
      { ...query, offset: 0, limit },
    );
    return page.items.map((item) => ({ ...item, communityName: names.get(item.communityId) ?? "" }));
  }

  /** Entries like this one: same tags or words in the title. */
  async related(
    caller: Caller,
    communityId: string,
    entryId: string,
    limit = 5,
  ): Promise<EntrySearchPage["items"]> {
    const entry = await this.get(caller, communityId, entryId);
    // Tags first: a query counts its first MAX_QUERY_TERMS words, and a long title must not crowd them out.
    const text = [...entry.tags, entry.title].join(" ");
    const page = await this.search.search(caller.tenantId, [communityId], {
      text,
      anyWord: true,
      limit: limit + 1,
    });
    return page.items.filter((i) => i.id !== entryId).slice(0, limit);
  }

  /**
   * The entries of a community whose original authors asked for their removal, newest request
   * first, for stewards to decide on. Others get a ForbiddenError.
   */
  async listRemovalRequests(
    caller: Caller,
    communityId: string,
    page: RemovalRequestPageInput = {},
  ): Promise<RemovalRequestPage> {
    const { offset, limit } = parseInput(removalRequestPageSchema, page);
    await this.requireSteward(caller, communityId, "review removal requests");
    const requests = (await this.entries.listRemovalRequested(caller.tenantId, communityId))
      .flatMap((entry) => removalRequestOf(entry) ?? [])
      .sort(newestRequestFirst);
    return { items: requests.slice(offset, offset + limit), total: requests.length, offset };
  }

  /**
   * A steward keeps an entry its author asked to remove: the request is cleared, the decision (who,
   * when, whose request) goes into the entry's history, and the entry returns to search on every
   * instance (the update appends to the change log). Dismissing a request already decided changes
   * nothing.
   */
  async dismissRemovalRequest(caller: Caller, communityId: string, entryId: string): Promise<EntryView> {
    const community = await this.requireSteward(
      caller,
      communityId,
      "keep entries whose removal was asked for",
    );
    const steward = callerAsPerson(caller);
    const updated = await retryOnConflict(async () => {
      const current = await this.require(caller.tenantId, communityId, entryId);
      const request = removalRequestOf(current);
      if (!request) return current;
      const at = this.now().toISOString();
      return this.entries.update(
        { ...withoutRemovalRequest(current), updatedAt: at },
        {
          ...revisionOf(current, steward, at),
          decision: {
            kind: "removalRequestDismissed",
            requestedBy: request.requestedBy,
            ...(current.removalRequestedAt ? { requestedAt: current.removalRequestedAt } : {}),
            ...(request.reason ? { reason: request.reason } : {}),
          },
        },
      );
    });
    this.search.noteChange(caller.tenantId, communityId, entryId, updated);
    return this.view(caller, community, updated);
  }

  private async add(
    caller: Caller,
    communityId: string,
    input: NewEntryInput,
    source: EntrySource,
    author: PersonRef,
    id: string,
    /** Who saved it, as readers see it (a de-identified lesson: the author's pseudonym). */
    shownSaver?: PersonRef,
  ): Promise<SaveResult> {
    const data = parseInput(newEntrySchema, input);
    const community = await this.memberCommunity(caller, communityId);
    const body = sanitizeMarkdown(data.body);
    if (!body.trim())
      throw new ValidationError("There is nothing left to save once unsafe content is removed.");
    const at = this.now().toISOString();
    const savedBy = shownSaver ?? callerAsPerson(caller);
    let entry: Entry;
    try {
      entry = await this.entries.create({
        tenantId: caller.tenantId,
        communityId,
        id,
        type: data.type,
        title: data.title,
        body,
        summary: data.summary,
        tags: unique(data.tags),
        author,
        savedBy,
        source,
        createdAt: at,
        updatedAt: at,
        helpfulCount: 0,
      });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const existing = await this.require(caller.tenantId, communityId, id);
      return { entry: await this.view(caller, community, existing), community, created: false };
    }
    this.search.noteChange(caller.tenantId, communityId, id, entry);
    // Nobody has voted on an entry that did not exist a moment ago: no need to ask storage.
    return {
      entry: entryView(entry, caller, community.isSteward, false, this.now()),
      community,
      created: true,
    };
  }

  private async guardedChange(
    tenantId: string,
    communityId: string,
    entryId: string,
    change: (e: Entry) => Entry,
  ) {
    const updated = await retryOnConflict(async () =>
      this.entries.update({
        ...change(await this.require(tenantId, communityId, entryId)),
        updatedAt: this.now().toISOString(),
      }),
    );
    this.search.noteChange(tenantId, communityId, entryId, updated);
    return updated;
  }

  /** The community, if the caller may add to it (a member). */
  private memberCommunity(caller: Caller, communityId: string): Promise<CommunityView> {
    return this.communities.requireMember(caller, communityId, "add to its library");
  }

  private async requireSteward(
    caller: Caller,
    communityId: string,
    action = "verify entries",
  ): Promise<CommunityView> {
    return stewardsOnly(
      await this.communities.get(caller, communityId),
      `Only the community's stewards can ${action}.`,
    );
  }

  private async require(tenantId: string, communityId: string, entryId: string): Promise<Entry> {
    return orNotFound(
      await this.entries.get(tenantId, communityId, entryId),
      "This entry does not exist any more.",
    );
  }

  private async view(caller: Caller, community: CommunityView, entry: Entry): Promise<EntryView> {
    const hasVoted = await this.entries.hasVoted(caller.tenantId, entry.communityId, entry.id, caller.userId);
    return entryView(entry, caller, community.isSteward, hasVoted, this.now());
  }
}

function stripView(view: EntryView): Entry {
  const {
    stale: _s,
    hasVoted: _h,
    canEdit: _e,
    canDelete: _d,
    canVerify: _v,
    canRequestRemoval: _r,
    ...entry
  } = view;
  return entry;
}

function revisionOf(entry: Entry, editedBy: PersonRef, at: string): EntryRevision {
  return {
    entryId: entry.id,
    at,
    editedBy,
    title: entry.title,
    body: entry.body,
    summary: entry.summary,
    tags: entry.tags,
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
