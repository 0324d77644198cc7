import type { ApiClient } from "./ApiClient.js";

/** A community's steward as the API lists them. */
export interface Steward {
  id: string;
  displayName: string;
}

/** A community as `GET /api/communities/:id` returns it, seen by the calling user. */
export interface Community {
  id: string;
  name: string;
  purpose: string;
  domain: string;
  tags: string[];
  privacy: "open" | "private";
  stewards: Steward[];
  memberCount: number;
  isMember: boolean;
  isSteward: boolean;
  etag: string;
  /** ISO 8601 timestamp. */
  createdAt: string;
}

const communityPath = (id: string): string => `/api/communities/${encodeURIComponent(id)}`;

/** Loads one community. */
export function getCommunity(api: ApiClient, id: string, signal?: AbortSignal): Promise<Community> {
  return api.request<Community>("GET", communityPath(id), undefined, { signal });
}

/** Makes the calling user a member; resolves with the updated community. */
export function joinCommunity(api: ApiClient, id: string): Promise<Community> {
  return api.request<Community>("POST", `${communityPath(id)}/join`);
}

/** Removes the calling user from the members; resolves with the updated community. */
export function leaveCommunity(api: ApiClient, id: string): Promise<Community> {
  return api.request<Community>("POST", `${communityPath(id)}/leave`);
}

/** What the configuration page sends to create a community (the creator becomes a steward). */
export interface NewCommunity {
  name: string;
  purpose: string;
  domain: string;
  tags: string[];
  privacy: "open" | "private";
  stewards: Steward[];
  /** The Teams team and channel (or chat) whose tab hosts the community. */
  teamId?: string;
  channelId?: string;
}

/** The communities the caller may connect a tab to: their own and open ones. */
export async function listCommunities(api: ApiClient, signal?: AbortSignal): Promise<Community[]> {
  const { items } = await api.request<{ items: Community[] }>("GET", "/api/communities", undefined, {
    signal,
  });
  return items;
}

/** Creates a community; resolves with it as the creator sees it. */
export function createCommunity(api: ApiClient, community: NewCommunity): Promise<Community> {
  return api.request<Community>("POST", "/api/communities", community);
}
