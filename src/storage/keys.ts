import { ValidationError } from "../domain/errors.js";

/**
 * Key design, in one place. Every PartitionKey starts with the tenant id, so one tenant's rows
 * can never be addressed from another tenant's keys, and a tenant's data can be found (and
 * deleted) by prefix.
 *
 * | table        | PartitionKey                         | RowKey        |
 * | ------------ | ------------------------------------ | ------------- |
 * | Communities  | `{tenant}`                           | `{community}` |
 * | Memberships  | `{tenant}|community|{community}`     | `{user}`      |
 * | Memberships  | `{tenant}|user|{user}`               | `{community}` |
 * | Memberships  | `{tenant}|community|{community}|requests` | `{user}` (a request to join a private community) |
 * | Library      | `{tenant}|community|{community}`     | `entry|{entry}`, `change|{at}|{nonce}`, `interaction|{at}|{nonce or key}`, `interaction|{vote's at}|helpful|{entry}|{voter}` (one per helpful vote, goes with it), `migration|{name}` (a one-off repair done) |
 * | Library      | `{tenant}|community|{community}|entry|{entry}` | `vote|{voter}`, `revision|{at}|{nonce}`, `answer|{answer}` (an answer under a question: text, voters, acceptance, its last revisions) |
 * | Sessions     | `{tenant}|community|{community}`     | `session|{session}` |
 * | Sessions     | `{tenant}|community|{community}|session|{session}` | `rsvp|{user}` |
 * | Sessions     | `{tenant}|user|{user}`               | `rsvp|{community}|{session}` (the person's answers) |
 * | Playbooks    | `{tenant}|community|{community}`     | `playbook|{playbook}` |
 * | Playbooks    | `{tenant}|community|{community}|playbook|{playbook}` | `done|{user}|{entry}` |
 * | Activities   | `{tenant}|activity|{activity}`       | `flow|activity`, `flow|control|{seq}`, `flow|pairing`, `highlight|{group}`, `announce|{phase}`; in an activity set up before its rows were spread (no `ownerPartitions` on `flow|activity`) also the rows below |
 * | Activities   | `{tenant}|activity|{activity}|owner|{0…n-1}` | rows owned by one person or group, in the partition their owner's id hashes to: `participant|{user}`, `reflection|{user}`, `late|{user}`, `share|{group}`, `commitment|{user}`, `sub|{kind}|{owner}[|{item}]` |
 * | Activities   | `{tenant}|community|{community}`     | `activity|{inverted time}|{activity}` (newest first) |
 * | Activities   | `{tenant}|conversation|{conversation, URI-encoded}` | `activity|{inverted time}|{activity}`, `outcome|{outcome}`, `report|{meeting end}`, `reference` (where the bot posts) |
 * | Activities   | `{tenant}|channel|{channel or team id, URI-encoded}` | `reference` (a community's channel) |
 * | Activities   | `{tenant}|user|{user}`               | `reflection|{activity}`, `commitment|{activity}`, `action|{outcome}` (My learning), `reference` (their personal chat with the bot) |
 * | Sessions     | `{tenant}|community|{community}`     | `rolepref|{user}` (opt-in to roles), `settings|reminders` |
 * | Sessions     | `{tenant}|community|{community}|session|{session}` | `rota|{occurrence start, ISO}`, `reminder|{occurrence start}|{kind}` (claim: sent once) |
 * | OrgContext   | `{tenant}|org`                       | `user|{user}` (a person's Graph context), `delta` (the directory's delta link) |
 * | OpenActivities | `{tenant}|open`                    | `{activity}`: an activity not closed yet (every instance's announcer reads this small table) |
 * | Commitments  | `{tenant}|user|{owner}`              | `commitment|{commitment}` (the commitment itself, ETag-guarded) |
 * | Commitments  | `{tenant}|community|{community}`     | `commitment|{made at, ISO}|{commitment}` (index: owner id, status, due; no text) |
 * | Commitments  | `{tenant}|checkin`                   | `{claim key}` (claim: a check-in card sent once) |
 * | DueCommitments | `{tenant}|due`                     | `{due day}|{commitment}`: a due-day reminder not sent yet (every instance's scan reads this small table) |
 * | Activities   | `{tenant}|community|{community}|circle` | `seat|{activity}` (the hot seats of an activity's circles), `swap|{swap}` (a trade of places in the hot-seat queue) |
 * | Activities   | `{tenant}|user|{user}`               | `register|{community}|{kind}` (their latest goal, kept across a community's sessions) |
 * | QuestionRoutes | `{tenant}|community|{community}`   | `route|{question}` (who an open question went to and when, who is next; every instance's escalation scan reads this small table), `settings|routing` |
 * | Activities   | `{tenant}|community|{community}|ahead` | `q|{session}|{question}` (a question asked ahead of a session, such as an AMA's) |
 * | Activities   | `{tenant}|community|{community}|topics` | `topic|{topic}` (a micro-teach topic in the community's queue: proposer, pick, the activity that taught it) |
 * | Activities   | `{tenant}|community|{community}|modules` | `module|{module}` (a module's markdown, author, ETag-guarded), `use|{module}|{activity}` (an activity set up from it: the ratings report reads these) |
 * | Activities   | `{tenant}|community|{community}|rubric` | `rubric` (the criteria the community's peer reviews follow, kept by its stewards) |
 * | Insights     | `{tenant}|community|{community}`     | `report` (which version is current), `chunk|{version}|{n}` (the stored reports, gzipped JSON in pieces), `lease` (the instance computing them) |
 *
 * Requests to join have a partition of their own rather than `request|{user}` rows beside the
 * members: the members partition is listed and counted whole (the members list, a recount of
 * `memberCount`), and a request is not a member.
 *
 * A community's entries, its change log and its learning interactions share one partition, so an
 * entry and the rows that go with it are written in one atomic transaction (never half-written).
 */
export const TABLES = {
  communities: "Communities",
  memberships: "Memberships",
  library: "Library",
  sessions: "Sessions",
  playbooks: "Playbooks",
  activities: "Activities",
  orgContext: "OrgContext",
  openActivities: "OpenActivities",
  commitments: "Commitments",
  dueCommitments: "DueCommitments",
  insights: "Insights",
  questionRoutes: "QuestionRoutes",
} as const;

export type TableName = (typeof TABLES)[keyof typeof TABLES];

// Azure Tables forbids / \ # ? and control characters in keys, and limits them to 1 KiB
// (https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model).
// "|" is our separator, so it may not appear inside a part either.
const FORBIDDEN_CHARACTERS = new Set(["/", "\\", "#", "?", "|"].map((ch) => ch.charCodeAt(0)));
const isControl = (code: number) => code <= 0x1f || (code >= 0x7f && code <= 0x9f);
/** Read by code unit, with no copy: every storage call checks its keys (a surrogate is never either). */
const isForbidden = (value: string) => {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (isControl(code) || FORBIDDEN_CHARACTERS.has(code)) return true;
  }
  return false;
};
const MAX_PART_LENGTH = 255;

/** Checks one part of a key; ids come from tokens and URLs, so they are never trusted as-is. */
export function keyPart(value: string, what: string): string {
  if (!value || value.length > MAX_PART_LENGTH || isForbidden(value)) {
    throw new ValidationError(`That ${what} is not valid.`, [{ field: what, message: "invalid identifier" }]);
  }
  return value;
}

export const keys = {
  community: (tenantId: string, communityId: string) => ({
    partitionKey: keyPart(tenantId, "tenant id"),
    rowKey: keyPart(communityId, "community id"),
  }),
  communitiesOfTenant: (tenantId: string) => keyPart(tenantId, "tenant id"),
  membersOf: (tenantId: string, communityId: string) => keys.library(tenantId, communityId),
  membershipsOf: (tenantId: string, userId: string) =>
    `${keyPart(tenantId, "tenant id")}|user|${keyPart(userId, "user id")}`,
  /** Everything of one community's library (entries, change log, interactions). */
  library: (tenantId: string, communityId: string) =>
    `${keyPart(tenantId, "tenant id")}|community|${keyPart(communityId, "community id")}`,
  /** An entry's own rows: its votes and its history. */
  entryRows: (tenantId: string, communityId: string, entryId: string) =>
    `${keys.library(tenantId, communityId)}|entry|${keyPart(entryId, "entry id")}`,
  /** Rows that belong to one item of a community (a session's RSVPs, a playbook's ticks). */
  itemRows: (tenantId: string, communityId: string, kind: string, itemId: string) =>
    `${keys.library(tenantId, communityId)}|${kind}|${keyPart(itemId, `${kind} id`)}`,
  /** A person's own rows across communities. */
  personal: (tenantId: string, userId: string) =>
    `${keyPart(tenantId, "tenant id")}|user|${keyPart(userId, "user id")}`,
  /** `{kind}|{id}`: a row of one kind among others in a partition (the id checked as the `{kind} id`). */
  rowOfKind: (kind: string, id: string, idName = `${kind} id`) => `${kind}|${keyPart(id, idName)}`,
  /** A row key of a kind that sorts by time: `{kind}|{ISO time}|{nonce}` (ISO-8601 UTC sorts as text). */
  timeOrdered: (kind: string, at: string, nonce: string) => `${kind}|${at}|${nonce}`,
  /**
   * The learning interaction a helpful vote stands for, in the community's partition: time first,
   * so the readers' time window is a range scan; the vote's own time, so the vote row (which keeps
   * it) names its fact, and a vote cast again after an unvote is a fact of its own.
   */
  helpfulVoteFact: (at: string, entryId: string, voterId: string) =>
    `interaction|${at}|helpful|${keyPart(entryId, "entry id")}|${keyPart(voterId, "user id")}`,
  /** A day's helpful votes per person voted for (the home's natural teachers), YYYY-MM-DD. */
  helpfulTally: (day: string) => `tally|helpful|${day}`,
  /** A membership row in the community's partition. */
  member: (tenantId: string, communityId: string, userId: string) => ({
    partitionKey: keys.membersOf(tenantId, communityId),
    rowKey: keyPart(userId, "user id"),
  }),
  /** A person's request to join a private community. */
  joinRequest: (tenantId: string, communityId: string, userId: string) => ({
    partitionKey: keys.joinRequestsOf(tenantId, communityId),
    rowKey: keyPart(userId, "user id"),
  }),
  /** All requests to join one community. */
  joinRequestsOf: (tenantId: string, communityId: string) =>
    `${keys.membersOf(tenantId, communityId)}|requests`,
  /** The same membership in the person's partition (lists "my communities" in one query). */
  membershipOfUser: (tenantId: string, userId: string, communityId: string) => ({
    partitionKey: keys.membershipsOf(tenantId, userId),
    rowKey: keyPart(communityId, "community id"),
  }),
};

/** The voter a helpful-vote fact's row key names ({@link keys.helpfulVoteFact}), if it is one. */
export function voterOfHelpfulVoteFact(rowKey: string): string | undefined {
  const parts = rowKey.split("|");
  return parts.length === 5 && parts[0] === "interaction" && parts[2] === "helpful" ? parts[4] : undefined;
}

/**
 * Keys of the Activities table. One activity is one partition, so reading its state is one
 * partition query and every join and submission is its own row in it.
 */
export const activityKeys = {
  /** Everything of one activity. */
  activity: (tenantId: string, activityId: string) =>
    `${keyPart(tenantId, "tenant id")}|activity|${keyPart(activityId, "activity id")}`,
  /**
   * Where an activity's rows owned by one person or group live (participant, submissions, late
   * placement). A meeting's 1,000 people pressing Join in the same second would put 1,000 writes
   * and several thousand point reads a second on one partition, past Azure Tables' target of 2,000
   * entities a second per partition: rows are spread over `partitions` partitions by a hash of the
   * owner's id (the tenant still first). `partitions` ≤ 1 is the layout of activities set up
   * before: everything in the activity's own partition, as it was written.
   */
  ownerPartition: (tenantId: string, activityId: string, ownerId: string, partitions: number) =>
    partitions <= 1
      ? activityKeys.activity(tenantId, activityId)
      : activityKeys.ownerPartitionAt(
          tenantId,
          activityId,
          ownerShard(keyPart(ownerId, "owner id"), partitions),
        ),
  /** The `shard`-th of an activity's owner partitions (for reading them all). */
  ownerPartitionAt: (tenantId: string, activityId: string, shard: number) =>
    `${activityKeys.activity(tenantId, activityId)}|owner|${shard}`,
  /** A community's activities, newest first. */
  ofCommunity: (tenantId: string, communityId: string) => keys.library(tenantId, communityId),
  /**
   * A chat's activities. Teams conversation ids may hold characters keys forbid (`;`-suffixes are
   * fine, but meeting ids are base64 with `/`), so the id is URI-encoded into the key.
   */
  ofConversation: (tenantId: string, conversationId: string) =>
    `${keyPart(tenantId, "tenant id")}|conversation|${keyPart(encodeURIComponent(conversationId), "conversation id")}`,
  /** A person's reflections and commitments across activities. */
  ofPerson: (tenantId: string, userId: string) => keys.personal(tenantId, userId),
  /**
   * The activities not closed yet, one small partition per tenant in a table of their own: every
   * instance's announcer lists the whole table (rows leave it when the activity is closed), so an
   * activity is announced and closed from what is stored, whoever started it and whichever
   * instance is running.
   */
  open: (tenantId: string, activityId: string) => ({
    partitionKey: `${keyPart(tenantId, "tenant id")}|open`,
    rowKey: keyPart(activityId, "activity id"),
  }),
  /** Row keys that sort newest first: `{kind}|{inverted ms}|{id}`. */
  newestFirst: (kind: string, at: string, id: string) =>
    `${kind}|${String(9_999_999_999_999 - Date.parse(at)).padStart(13, "0")}|${keyPart(id, `${kind} id`)}`,
};

/** Keys of what a community's circles keep across sessions (circleMemory.ts), in the Activities table. */
export const circleKeys = {
  log: (tenantId: string, communityId: string) => `${keys.library(tenantId, communityId)}|circle`,
  seat: (activityId: string) => `seat|${keyPart(activityId, "activity id")}`,
  swap: (swapId: string) => `swap|${keyPart(swapId, "swap id")}`,
  topics: (tenantId: string, communityId: string) => `${keys.library(tenantId, communityId)}|topics`,
  topic: (topicId: string) => `topic|${keyPart(topicId, "topic id")}`,
  modules: (tenantId: string, communityId: string) => `${keys.library(tenantId, communityId)}|modules`,
  module: (moduleId: string) => `module|${keyPart(moduleId, "module id")}`,
  /** With an empty activity id: the prefix of the module's uses. */
  moduleUse: (moduleId: string, activityId: string) =>
    `use|${keyPart(moduleId, "module id")}|${activityId ? keyPart(activityId, "activity id") : ""}`,
  rubric: (tenantId: string, communityId: string) => `${keys.library(tenantId, communityId)}|rubric`,
  ahead: (tenantId: string, communityId: string) => `${keys.library(tenantId, communityId)}|ahead`,
  /** With an empty id: the prefix of the session's questions. */
  aheadQuestion: (sessionId: string, questionId: string) =>
    `q|${keyPart(sessionId, "session id")}|${questionId ? keyPart(questionId, "question id") : ""}`,
  register: (communityId: string, kind: string) =>
    `register|${keyPart(communityId, "community id")}|${keyPart(kind, "kind")}`,
};

/** The owner partition an id falls in: FNV-1a of its UTF-16 code units, so every instance agrees. */
export function ownerShard(ownerId: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < ownerId.length; i++) {
    hash ^= ownerId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % partitions;
}

/**
 * Keys of the OrgContext table: a cache of Microsoft Graph's org context. One partition per tenant
 * (a getMany of 300 people is 300 point reads in one partition; the delta sync writes it in
 * transactions of 100); a person's row key names them, so erasure finds it (`user|{id}`).
 */
export const orgContextKeys = {
  partition: (tenantId: string) => `${keyPart(tenantId, "tenant id")}|org`,
  /** People's own time zones, as their Teams client or browser reported them (`user|{id}` rows). */
  zones: (tenantId: string) => `${keyPart(tenantId, "tenant id")}|zones`,
  person: (userId: string) => `user|${keyPart(userId, "user id")}`,
  delta: "delta",
};

/**
 * Keys of the Commitments and DueCommitments tables. A commitment lives in its owner's partition
 * (My learning reads one range; only the owner's key reaches it); the community's index sorts by
 * when it was made, so "made before this session" and a window for the rate are range reads.
 */
export const commitmentKeys = {
  /** A person's commitments. */
  ofOwner: (tenantId: string, ownerId: string) => keys.personal(tenantId, ownerId),
  own: (id: string) => `commitment|${keyPart(id, "commitment id")}`,
  /** A community's commitments, oldest first. */
  ofCommunity: (tenantId: string, communityId: string) => keys.library(tenantId, communityId),
  inCommunity: (createdAt: string, id: string) => `commitment|${createdAt}|${keyPart(id, "commitment id")}`,
  /** Claims of check-ins (a session's card, a due day's card): each is sent once. */
  checkIns: (tenantId: string) => `${keyPart(tenantId, "tenant id")}|checkin`,
  /** Due-day reminders not sent yet. */
  due: (tenantId: string) => `${keyPart(tenantId, "tenant id")}|due`,
  dueRow: (day: string, id: string) => `${keyPart(day, "due date")}|${keyPart(id, "commitment id")}`,
};
