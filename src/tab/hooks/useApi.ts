import type { ApiClient } from "../api/ApiClient.js";
import { useTeamsContext } from "./useTeamsContext.js";

/** PeerCircle's API, authenticated as the signed-in Teams user. */
export function useApi(): ApiClient {
  return useTeamsContext().api;
}
