import { type UseMutationOptions, useMutation } from "@tanstack/react-query";
import type { ApiClient } from "../api/ApiClient.js";
import { useApi } from "./useApi.js";

/** A write to PeerCircle's API (TanStack mutation): `call` is made with the signed-in user's client. */
export function useApiMutation<T, V = void, C = unknown>(
  call: (api: ApiClient, variables: V) => Promise<T>,
  options: Omit<UseMutationOptions<T, Error, V, C>, "mutationFn"> = {},
) {
  const api = useApi();
  return useMutation({ ...options, mutationFn: (variables: V) => call(api, variables) });
}
