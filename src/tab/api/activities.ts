/**
 * Meeting activities (think-pair-share) as the tab's HTTP API serves them (`/api/activities`). The
 * shapes are the domain's own (type-only imports from its pure view files), so the two cannot drift.
 */
import {
  type ActivityGroupsAnswer,
  type ActivitySnapshot,
  HELD_SUBMISSIONS_HEADER,
  type SavedSubmissionAnswer,
} from "../../contract/activities.js";
import type { PairingRule, PairShare } from "../../domain/activities/activity.js";
import type { GroupView, SubmissionView } from "../../domain/activities/activityViews.js";
import type { QueuePlace } from "../../domain/activities/circleMemory.js";
import type { RubricView } from "../../domain/activities/communityRubrics.js";
import type { HeldRole } from "../../domain/activities/heldRoles.js";
import type { ApiClient } from "./ApiClient.js";
import { ApiError } from "./ApiError.js";
import { getJson } from "./apiRequests.js";

export type { ActivitySnapshot } from "../../contract/activities.js";
export type { PairingRule, PairShare } from "../../domain/activities/activity.js";
export { PAIRING_RULES } from "../../domain/activities/activity.js";
export type {
  ActivityView,
  GroupView,
  SubmissionView,
  WallItem,
} from "../../domain/activities/activityViews.js";

/** A snapshot with how far the server's clock is ahead of this one, so countdowns agree with it. */
export interface ActivityState {
  snapshot: ActivitySnapshot;
  /** Server time minus local time, in milliseconds. */
  clockOffsetMs: number;
}

/** A submission I saved, to put in place in the activity as I last had it. */
export interface SavedChange {
  saved: SubmissionView;
}

/** What an action changed: the whole activity as the server answered it, or what I saved. */
export type ActivityChange = ActivityState | SavedChange;

export function isSavedChange(change: ActivityChange): change is SavedChange {
  return "saved" in change;
}

/**
 * The activity as I had it, with what I just saved in place (pure). Everyone else's changes,
 * counts included, come with the next poll: the version stays the one I had, so that poll
 * answers in full if anything changed (and, once my list differs from the server's, with every
 * submission: the list I hold is no longer one the server versioned).
 */
export function withSaved(state: ActivityState, saved: SubmissionView): ActivityState {
  const view = state.snapshot.activity;
  if (!view) return state;
  const { text, at, etag, by } = saved;
  let me = view.me;
  let submissions = view.submissions;
  if (saved.kind === "reflection") me = { ...me, reflection: { text, at, etag: etag ?? "" } };
  else if (saved.kind === "commitment") me = { ...me, commitment: { text, at } };
  else if (saved.kind === "share")
    me = {
      ...me,
      share: {
        groupId: saved.ownerId,
        text,
        createdBy: me.share?.createdBy ?? by,
        editedBy: by,
        at,
        requestId: me.share?.requestId ?? "",
        etag: etag ?? "",
      },
    };
  else {
    const same = (s: SubmissionView) =>
      s.kind === saved.kind && s.ownerId === saved.ownerId && s.itemId === saved.itemId;
    const before = submissions.find(same);
    submissions = before
      ? submissions.map((s) =>
          same(s)
            ? {
                ...saved,
                ...(s.votes === undefined ? {} : { votes: s.votes, myVote: s.myVote ?? false }),
                ...(s.promoted === undefined ? {} : { promoted: s.promoted }),
              }
            : s,
        )
      : [...submissions, saved];
  }
  if (submissions === view.submissions)
    return { ...state, snapshot: { ...state.snapshot, activity: { ...view, me } } };
  // The submissions are no longer the ones the server versioned: the next poll brings them all.
  const { submissionsVersion: _, ...snapshot } = state.snapshot;
  return { ...state, snapshot: { ...snapshot, activity: { ...view, me, submissions } } };
}

/** What the facilitator form sends. */
export interface NewActivity {
  communityId: string;
  conversationId: string;
  meetingId?: string;
  /** A format the engine runs (think-pair-share unless given). */
  format?: string;
  prompt: string;
  /** Minutes per phase id; the format's defaults fill the rest. */
  minutes: Record<string, number>;
  pairingRule: PairingRule;
  /** A micro-teach's topic from the community's queue (its teacher teaches). */
  topicId?: string;
  /** The community's module whose sections are the phases (a format with `phasesFrom`). */
  moduleId?: string;
  /** A format written per criterion: its rubric (left out: the community's). */
  rubric?: string[];
  /** Who holds the format's held roles; a role left out: the topic's teacher, the rota's, the facilitator. */
  roles?: Partial<Record<HeldRole, { id: string; displayName: string }>>;
}

/** A facilitator control, as the side panel's buttons send it. */
export type ActivityControl =
  | { kind: "start" | "pause" | "resume" | "end" }
  | { kind: "next"; phaseIndex: number }
  | { kind: "extend"; phaseIndex: number; minutes: number };

const BASE = "/api/activities";
const one = (activityId: string) => `${BASE}/${encodeURIComponent(activityId)}`;

function stateOf(snapshot: ActivitySnapshot): ActivityState {
  const offset = Date.parse(snapshot.serverNow) - Date.now();
  return { snapshot, clockOffsetMs: Number.isFinite(offset) ? offset : 0 };
}

/** The header naming the submissions `previous` holds, so an answer may leave them out. */
function heldBy(previous: Pick<ActivityState, "snapshot"> | undefined): Record<string, string> {
  const held = previous?.snapshot.activity ? previous.snapshot.submissionsVersion : undefined;
  return held ? { [HELD_SUBMISSIONS_HEADER]: held } : {};
}

/** The answer, with the submissions `previous` holds put back where the answer left them out. */
function withHeld(
  answer: ActivitySnapshot,
  previous: Pick<ActivityState, "snapshot"> | undefined,
): ActivityState {
  const held = previous?.snapshot.activity;
  if (!answer.submissionsHeld || !answer.activity) return stateOf(answer);
  if (!held || held.id !== answer.activity.id)
    throw new Error("The answer left out submissions this panel does not hold.");
  const { submissionsHeld: _, ...rest } = answer;
  return stateOf({ ...rest, activity: { ...answer.activity, submissions: held.submissions } });
}

/** A read that answers 304 when `previous` is still current, which then stays as it is. */
async function poll(
  api: ApiClient,
  path: string,
  previous: ActivityState | undefined,
  signal?: AbortSignal,
): Promise<ActivityState> {
  try {
    const headers: Record<string, string> = {
      ...(previous ? { "If-None-Match": previous.snapshot.version } : {}),
      ...heldBy(previous),
    };
    return withHeld(
      await api.request<ActivitySnapshot>("GET", path, undefined, { headers, signal }),
      previous,
    );
  } catch (error) {
    if (previous && error instanceof ApiError && error.status === 304) return previous;
    throw error;
  }
}

/** The activity running (or set up) in a meeting's chat; `activity` is null when there is none. */
export function getCurrentActivity(
  api: ApiClient,
  conversationId: string,
  previous?: ActivityState,
  signal?: AbortSignal,
): Promise<ActivityState> {
  return poll(api, `${BASE}?conversationId=${encodeURIComponent(conversationId)}`, previous, signal);
}

/** One activity as the caller sees it. */
export function getActivity(
  api: ApiClient,
  activityId: string,
  previous?: ActivityState,
  signal?: AbortSignal,
): Promise<ActivityState> {
  return poll(api, one(activityId), previous, signal);
}

/** Sets an activity up; the caller becomes its facilitator. `requestId` makes a retried click harmless. */
export async function createActivity(api: ApiClient, input: NewActivity, requestId: string) {
  return stateOf(await api.request<ActivitySnapshot>("POST", BASE, { ...input, requestId }));
}

/** Joins the activity; `previous` (what the panel shows) spares the answer the submissions it holds. */
export async function joinActivity(
  api: ApiClient,
  activityId: string,
  previous?: Pick<ActivityState, "snapshot">,
) {
  const answer = await api.request<ActivitySnapshot>("POST", `${one(activityId)}/join`, undefined, {
    headers: heldBy(previous),
  });
  return withHeld(answer, previous);
}

/**
 * Whether I may steer the activity (controls, highlights, the stage): its facilitator, or the
 * organiser or a presenter of its meeting, as Teams knows my role.
 */
export async function maySteerActivity(api: ApiClient, activityId: string, signal?: AbortSignal) {
  const answer = await getJson<{ maySteer: boolean }>(api, `${one(activityId)}/steering`, signal);
  return answer.maySteer;
}

/** The current round's groups with their members: the group list of someone who steers but is not the facilitator. */
export async function getActivityGroups(
  api: ApiClient,
  activityId: string,
  signal?: AbortSignal,
): Promise<GroupView[]> {
  return (await getJson<ActivityGroupsAnswer>(api, `${one(activityId)}/groups`, signal)).groups;
}

export async function controlActivity(
  api: ApiClient,
  activityId: string,
  control: ActivityControl,
  requestId: string,
) {
  return stateOf(
    await api.request<ActivitySnapshot>("POST", `${one(activityId)}/controls`, { ...control, requestId }),
  );
}

/**
 * Sends one submission of any kind the activity's format takes, through the server's one
 * submission path. `etag` is the version I edited: a change made elsewhere meanwhile answers 412
 * (for a group's text, with both versions: see {@link isShareConflict}).
 */
export function submit(
  api: ApiClient,
  activityId: string,
  kind: string,
  text: string,
  options: SubmitOptions = {},
): Promise<SavedChange> {
  return put(api, activityId, kind, { text }, options);
}

/**
 * Saves a kind written per criterion (a peer review's feedback, the author's changes): one text
 * per criterion of the rubric, in its order. A person's own with `etag`; an item with `requestId`.
 */
export function submitCriteria(
  api: ApiClient,
  activityId: string,
  kind: string,
  criteria: readonly string[],
  options: SubmitOptions = {},
): Promise<SavedChange> {
  return put(api, activityId, kind, { criteria }, options);
}

type SubmitOptions = { etag?: string | undefined; requestId?: string };

/** One submission through the server's one path: the body, its request id and the version edited. */
async function put(
  api: ApiClient,
  activityId: string,
  kind: string,
  body: { text: string } | { criteria: readonly string[] },
  options: SubmitOptions,
): Promise<SavedChange> {
  const answer = await api.request<SavedSubmissionAnswer>(
    "PUT",
    `${one(activityId)}/submissions/${encodeURIComponent(kind)}`,
    { ...body, ...(options.requestId ? { requestId: options.requestId } : {}) },
    options.etag ? { headers: { "If-Match": options.etag } } : {},
  );
  return { saved: answer.saved };
}

/** Saves my private reflection; `etag` is the version I edited. */
export function saveReflection(api: ApiClient, activityId: string, text: string, etag?: string) {
  return submit(api, activityId, "reflection", text, { etag });
}

/** Saves our pair's key insight on top of version `etag` (none for the first one). */
export function saveShare(
  api: ApiClient,
  activityId: string,
  text: string,
  etag: string | undefined,
  requestId: string,
) {
  return submit(api, activityId, "share", text, { etag, requestId });
}

/** True for the answer "your partner saved meanwhile" to {@link saveShare}. */
export function isShareConflict(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 409 || error.status === 412);
}

/** Both versions in one text, for the person to tidy: nothing of either is dropped. */
export function mergeShares(current: string, mine: string): string {
  if (current.includes(mine)) return current;
  if (mine.includes(current)) return mine;
  return `${current}\n\n${mine}`;
}

export async function setHighlight(api: ApiClient, activityId: string, groupId: string, on: boolean) {
  return stateOf(
    await api.request<ActivitySnapshot>(
      on ? "PUT" : "DELETE",
      `${one(activityId)}/highlights/${encodeURIComponent(groupId)}`,
    ),
  );
}

export function saveCommitment(api: ApiClient, activityId: string, text: string) {
  return submit(api, activityId, "commitment", text);
}

/** Query keys of meeting activities. */
export const activityKeys = {
  all: ["activities"] as const,
  meeting: (conversationId: string) => ["activities", "meeting", conversationId] as const,
};

/** The share I belong to, with its current version. */
export type MyShare = PairShare;

export type { QueuePlace };

/** A community's hot-seat queue (its circles' order for the hot seat). */
export async function getHotSeatQueue(api: ApiClient, communityId: string, signal?: AbortSignal) {
  const answer = await api.request<{ queue: QueuePlace[] }>(
    "GET",
    `/api/communities/${encodeURIComponent(communityId)}/hot-seat-queue`,
    undefined,
    signal ? { signal } : {},
  );
  return answer.queue;
}

/** Two people trade places in the queue (one's own place, or a steward's swap); once per request. */
export async function swapHotSeat(
  api: ApiClient,
  communityId: string,
  a: string,
  b: string,
  requestId: string,
) {
  const answer = await api.request<{ queue: QueuePlace[] }>(
    "POST",
    `/api/communities/${encodeURIComponent(communityId)}/hot-seat-queue/swaps`,
    { a, b, requestId },
  );
  return answer.queue;
}

/** The author publishes their own submission of a publishable kind to the library, without their name. */
export async function publishSubmission(api: ApiClient, activityId: string, kind: string) {
  return api.request<{ entryId: string }>(
    "POST",
    `${one(activityId)}/submissions/${encodeURIComponent(kind)}/publish`,
  );
}

/** One person's item of an activity, of a kind (a theme, a heuristic, a question). */
export interface ActivityItemRef {
  kind: string;
  ownerId: string;
  itemId: string;
}

/** The path of one item of an activity (a theme, a heuristic) and a mark on it. */
const itemMark = (activityId: string, item: ActivityItemRef, mark: string) =>
  `${one(activityId)}/submissions/${[item.kind, item.ownerId, item.itemId].map(encodeURIComponent).join("/")}/${mark}`;

/** Puts a mark of mine on someone's item (`on`), or takes it back. */
async function toggleItemMark(
  api: ApiClient,
  activityId: string,
  item: ActivityItemRef,
  mark: "vote" | "promotion",
  on: boolean,
) {
  return stateOf(
    await api.request<ActivitySnapshot>(on ? "PUT" : "DELETE", itemMark(activityId, item, mark)),
  );
}

/** My vote for someone's item of a votable kind (a theme), or taking it back. */
export function voteFor(api: ApiClient, activityId: string, item: ActivityItemRef, on: boolean) {
  return toggleItemMark(api, activityId, item, "vote", on);
}

/** The teacher or expert answers an item (a question), or changes their answer; once per request. */
export async function answerItem(
  api: ApiClient,
  activityId: string,
  item: ActivityItemRef,
  text: string,
  requestId: string,
) {
  return stateOf(
    await api.request<ActivitySnapshot>("PUT", itemMark(activityId, item, "answer"), { text, requestId }),
  );
}

/** A community's micro-teach topics (picked first), the rota's micro-teacher, and whether I may pick. */
export interface TopicQueue {
  topics: {
    id: string;
    text: string;
    proposer: { id: string; displayName: string };
    picked?: { teacher: { id: string; displayName: string } };
    mine: boolean;
  }[];
  rotaTeacher?: { id: string; displayName: string };
  canPick: boolean;
}

export async function getTopicQueue(api: ApiClient, communityId: string, signal?: AbortSignal) {
  return getJson<TopicQueue>(
    api,
    `/api/communities/${encodeURIComponent(communityId)}/micro-teach-topics`,
    signal,
  );
}

/** The community's rubric (the criteria its peer reviews follow; none kept: empty). */
export async function getRubric(api: ApiClient, communityId: string, signal?: AbortSignal) {
  return getJson<RubricView>(api, `/api/communities/${encodeURIComponent(communityId)}/rubric`, signal);
}

/** A steward keeps the community's rubric (`etag`: the version shown, once there is one). */
export async function saveRubric(api: ApiClient, communityId: string, criteria: string[], etag?: string) {
  return api.request<RubricView>(
    "PUT",
    `/api/communities/${encodeURIComponent(communityId)}/rubric`,
    { criteria },
    etag ? { headers: { "If-Match": etag } } : {},
  );
}

/** Those who steer promote an item into the playbook the close proposes, or take it back. */
export function promoteItem(api: ApiClient, activityId: string, item: ActivityItemRef, on: boolean) {
  return toggleItemMark(api, activityId, item, "promotion", on);
}
