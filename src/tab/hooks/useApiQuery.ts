import { type QueryKey, useQuery } from "@tanstack/react-query";
import type { ApiClient } from "../api/ApiClient.js";
import { useApi } from "./useApi.js";

/**
 * A cached read of PeerCircle's API (TanStack Query): `call` is made with the signed-in user's
 * client and the query's abort signal, so a superseded or unmounted read stops downloading.
 */
export function useApiQuery<T>(
  queryKey: QueryKey,
  call: (api: ApiClient, signal: AbortSignal) => Promise<T>,
) {
  const api = useApi();
  return useQuery({ queryKey, queryFn: ({ signal }) => call(api, signal) });
}
