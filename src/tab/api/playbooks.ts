import type { PlaybookAnswer, PlaybookListAnswer, PlaybookRequest } from "../../contract/playbooks.js";
import type { ApiClient } from "./ApiClient.js";
import { communityCollection, getItems, sendFromVersion } from "./apiRequests.js";

/** One step of a playbook: a library entry with an optional note from the steward. */
export type { PlaybookItem } from "../../domain/playbooks/playbook.js";
/** A playbook as the signed-in person sees it (`/api/communities/:id/playbooks`). */
export type Playbook = PlaybookAnswer;
/** What a steward sends to compile or change a playbook. */
export type PlaybookDraft = PlaybookRequest;

const playbooks = communityCollection<Playbook, PlaybookDraft, PlaybookDraft>("playbooks", "PUT");

export function listPlaybooks(
  api: ApiClient,
  communityId: string,
  signal?: AbortSignal,
): Promise<Playbook[]> {
  return getItems<PlaybookListAnswer>(api, playbooks.all(communityId), signal);
}

export const getPlaybook = playbooks.get;
export const createPlaybook = playbooks.create;
/** Saves a change made from version `etag`. */
export const updatePlaybook = playbooks.update;
export const deletePlaybook = playbooks.remove;

/** A steward publishes a proposed playbook, from the version they reviewed. */
export function publishPlaybook(api: ApiClient, communityId: string, playbookId: string, etag: string) {
  return sendFromVersion<Playbook>(
    api,
    "POST",
    `${playbooks.one(communityId, playbookId)}/publish`,
    {},
    etag,
  );
}

/** Ticks a step off (`done`) or back on, for the caller only. */
export function tickPlaybookStep(
  api: ApiClient,
  communityId: string,
  playbookId: string,
  entryId: string,
  done: boolean,
): Promise<Playbook> {
  return api.request<Playbook>(
    done ? "PUT" : "DELETE",
    `${playbooks.one(communityId, playbookId)}/done/${encodeURIComponent(entryId)}`,
  );
}

/** The playbook with one step ticked or unticked, as the server will store it. */
export function withStepDone(playbook: Playbook, entryId: string, done: boolean): Playbook {
  const others = playbook.done.filter((id) => id !== entryId);
  return { ...playbook, done: done ? [...others, entryId] : others };
}

/** How many of the playbook's steps the person ticked off. */
export function progressOf(playbook: Playbook): { done: number; total: number } {
  const steps = new Set(playbook.items.map((item) => item.entryId));
  return { done: playbook.done.filter((id) => steps.has(id)).length, total: steps.size };
}

/** Query keys of the playbooks. */
export const playbookKeys = {
  all: (communityId: string) => ["playbooks", communityId] as const,
  list: (communityId: string) => ["playbooks", communityId, "list"] as const,
  one: (communityId: string, playbookId: string) => ["playbooks", communityId, "one", playbookId] as const,
};
