import type { CommunityHomeAnswer } from "../../contract/home.js";
import type { ApiClient } from "./ApiClient.js";

export type { Expert, NewcomerPathway } from "../../domain/home/communityHome.js";

/** `GET /api/communities/:id/home`, with sessions and the community in their wire form. */
export type CommunityHome = CommunityHomeAnswer;

export function getCommunityHome(
  api: ApiClient,
  communityId: string,
  signal?: AbortSignal,
): Promise<CommunityHome> {
  return api.request<CommunityHome>(
    "GET",
    `/api/communities/${encodeURIComponent(communityId)}/home`,
    undefined,
    {
      signal,
    },
  );
}

/** The query key of a community's home. */
export const homeKey = (communityId: string) => ["home", communityId] as const;
