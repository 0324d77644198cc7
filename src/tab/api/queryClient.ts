import { QueryClient } from "@tanstack/react-query";
import { toApiError } from "./ApiError.js";

/**
 * Whether a failed request is worth one quiet retry: the network dropped or the server had a
 * moment (5xx). A timeout already waited 20 s and a 4xx will answer the same again.
 */
function isTransient(error: unknown): boolean {
  const apiError = toApiError(error);
  return apiError.code === "network" || apiError.status >= 500;
}

/**
 * The tab's cache of API data. Data counts as fresh for 30 s (moving between library and entry
 * pages shows it at once) and is revalidated in the background after that, when the tab regains
 * focus, and after every change the person makes.
 */
export function createTabQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => failureCount < 1 && isTransient(error),
      },
      mutations: { retry: 0 },
    },
  });
}
