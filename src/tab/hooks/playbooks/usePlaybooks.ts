import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { type ApiError, toApiError } from "../../api/ApiError.js";
import { homeKey } from "../../api/home.js";
import {
  createPlaybook,
  deletePlaybook,
  getPlaybook,
  listPlaybooks,
  type Playbook,
  type PlaybookDraft,
  playbookKeys,
  publishPlaybook,
  tickPlaybookStep,
  updatePlaybook,
  withStepDone,
} from "../../api/playbooks.js";
import { useApi } from "../useApi.js";
import { useApiQuery } from "../useApiQuery.js";

/** The community's playbooks with the caller's progress. */
export function usePlaybookList(communityId: string) {
  return useApiQuery(playbookKeys.list(communityId), (api, signal) =>
    listPlaybooks(api, communityId, signal),
  );
}

/** One playbook with the caller's progress. */
export function usePlaybook(communityId: string, playbookId: string) {
  return useApiQuery(playbookKeys.one(communityId, playbookId), (api, signal) =>
    getPlaybook(api, communityId, playbookId, signal),
  );
}

/** What {@link usePlaybookTick} returns. */
export interface PlaybookTick {
  /** Ticks a step off or back on; the checkbox changes at once and rolls back if the server says no. */
  set: (entryId: string, done: boolean) => void;
  /** The last tick that failed, until the next one. */
  error: ApiError | null;
}

/**
 * The person's own tick on a playbook step, optimistic: the cached playbook changes at the click
 * and that one step goes back if its request fails. Ticks are sent one after another (`scope`), so
 * quick clicks reach the server in the order they were made. A queued tick only starts its
 * lifecycle when the one before it ends, so the optimistic change is made at the click, and every
 * server answer is shown with the ticks still on their way laid over it.
 */
export function usePlaybookTick(communityId: string, playbookId: string): PlaybookTick {
  const api = useApi();
  const queryClient = useQueryClient();
  const key = playbookKeys.one(communityId, playbookId);
  // Ticks sent but not answered yet: entry id → the latest state asked for and how many are out.
  const pending = useRef(new Map<string, { done: boolean; count: number }>());

  const withPending = (playbook: Playbook) =>
    [...pending.current].reduce((p, [entryId, tick]) => withStepDone(p, entryId, tick.done), playbook);

  const mutation = useMutation({
    scope: { id: `playbookTick:${communityId}:${playbookId}` },
    mutationFn: ({ entryId, done }: { entryId: string; done: boolean }) =>
      tickPlaybookStep(api, communityId, playbookId, entryId, done),
    onSettled: (answer, error, { entryId, done }) => {
      const tick = pending.current.get(entryId);
      if (tick && --tick.count === 0) pending.current.delete(entryId);
      if (answer) queryClient.setQueryData<Playbook>(key, withPending(answer));
      // Roll back only this step, and only if no later click on it is still on its way.
      else if (error && !pending.current.has(entryId))
        queryClient.setQueryData<Playbook>(
          key,
          (current) => current && withStepDone(current, entryId, !done),
        );
      if (pending.current.size > 0) return;
      if (error) void queryClient.invalidateQueries({ queryKey: key, exact: true });
      // The list shows progress, and the home's newcomer pathway counts the starter reads.
      void queryClient.invalidateQueries({ queryKey: playbookKeys.list(communityId) });
      void queryClient.invalidateQueries({ queryKey: homeKey(communityId) });
    },
  });

  return {
    set: (entryId, done) => {
      const tick = pending.current.get(entryId);
      pending.current.set(entryId, { done, count: (tick?.count ?? 0) + 1 });
      // A refetch landing now would overwrite the optimistic tick with an older state.
      void queryClient.cancelQueries({ queryKey: key, exact: true });
      queryClient.setQueryData<Playbook>(key, (current) => current && withStepDone(current, entryId, done));
      mutation.mutate({ entryId, done });
    },
    error: mutation.isError ? toApiError(mutation.error) : null,
  };
}

/** Compiles a new playbook, or saves a change to one made from a known version. */
export function useSavePlaybook(communityId: string, existing?: Playbook) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draft: PlaybookDraft) =>
      existing
        ? updatePlaybook(api, communityId, existing.id, draft, existing.etag)
        : createPlaybook(api, communityId, draft),
    onSuccess: (saved) => {
      queryClient.setQueryData(playbookKeys.one(communityId, saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: playbookKeys.list(communityId) });
      void queryClient.invalidateQueries({ queryKey: homeKey(communityId) });
    },
  });
}

/** Publishes a proposed playbook (stewards): members see it from then on. */
export function usePublishPlaybook(communityId: string, playbook: Playbook) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => publishPlaybook(api, communityId, playbook.id, playbook.etag),
    onSuccess: (saved) => {
      queryClient.setQueryData(playbookKeys.one(communityId, saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: playbookKeys.list(communityId) });
    },
  });
}

/** Deletes a playbook (stewards). */
export function useDeletePlaybook(communityId: string, playbookId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deletePlaybook(api, communityId, playbookId),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: playbookKeys.one(communityId, playbookId) });
      void queryClient.invalidateQueries({ queryKey: playbookKeys.list(communityId) });
      void queryClient.invalidateQueries({ queryKey: homeKey(communityId) });
    },
  });
}
