import type { ApiClient } from "../api/ApiClient";
import { useTeamsContext } from "./useTeamsContext";

/** PeerCircle's API, authenticated as the signed-in Teams user. */
export function useApi(): ApiClient {
  return useTeamsContext().api;
}
