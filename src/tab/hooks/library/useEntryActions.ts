import {
  deleteEntry,
  type Entry,
  requestEntryRemoval,
  unverifyEntry,
  verifyEntry,
} from "../../api/library.js";
import { libraryKeys } from "../../api/libraryKeys.js";
import { useApiMutation } from "../useApiMutation.js";
import { useItemActions } from "../useItemActions.js";

/**
 * What a person can do to an entry besides voting and editing: verify and unverify (stewards),
 * delete, and ask for removal. Each puts the server's answer in the cache and refreshes the
 * community's result lists, which show verification and drop deleted entries.
 */
export function useEntryActions(communityId: string, entryId: string) {
  const { refreshAround, applied, forget } = useItemActions<Entry>(libraryKeys.entry(communityId, entryId), [
    libraryKeys.searches(communityId),
  ]);

  const verify = useApiMutation(
    (api, reviewBy: string | undefined) => verifyEntry(api, communityId, entryId, reviewBy),
    { onSuccess: applied },
  );
  const unverify = useApiMutation((api) => unverifyEntry(api, communityId, entryId), {
    onSuccess: applied,
  });
  const requestRemoval = useApiMutation(
    (api, reason?: string) => requestEntryRemoval(api, communityId, entryId, reason),
    { onSuccess: applied },
  );
  const remove = useApiMutation((api) => deleteEntry(api, communityId, entryId), {
    // The entry stays in the cache until the page has left it (see `forgetDeleted`): dropping it
    // now would re-render the page without it while the confirm dialog is still open.
    onSuccess: () => void refreshAround(),
  });

  return { verify, unverify, requestRemoval, remove, forgetDeleted: forget };
}
