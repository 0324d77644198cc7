import type { MyTiesAnswer } from "../../domain/insights/personalTies.js";
import type { ApiClient } from "./ApiClient.js";
import { getJson } from "./apiRequests.js";

export type {
  CommunityTies,
  KindCounts,
  MyTiesAnswer,
  TiePartner,
  TieSide,
} from "../../domain/insights/personalTies.js";

/** `GET /api/me/ties`: my own ties in each community I belong to (nobody else's). */
export function getMyTies(api: ApiClient, signal?: AbortSignal): Promise<MyTiesAnswer> {
  return getJson<MyTiesAnswer>(api, "/api/me/ties", signal);
}

export const myTiesKey = ["me", "ties"] as const;
