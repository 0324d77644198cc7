import { type QueryKey, useQueryClient } from "@tanstack/react-query";

/**
 * The cache around one item a page shows and changes (a session, a library entry): the server's
 * answer to a change replaces the item, and the lists around it (which show the same item) reload.
 * The item's own actions build on these, so every change of it lands in the cache alike.
 */
export function useItemActions<T>(itemKey: QueryKey, aroundKeys: readonly QueryKey[]) {
  const queryClient = useQueryClient();
  const refreshAround = () =>
    Promise.all(aroundKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  /** Puts the server's answer in place of the item and reloads the lists around it. */
  const applied = (item: T) => {
    queryClient.setQueryData(itemKey, item);
    void refreshAround();
  };
  /** Drops the item from the cache (deleted: going back to its page asks the server, 404). */
  const forget = () => queryClient.removeQueries({ queryKey: itemKey });
  return { queryClient, refreshAround, applied, forget };
}
