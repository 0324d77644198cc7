import type {
  CommunityAnswer,
  CommunityListAnswer,
  JoinRequestAnswer,
  JoinRequestsAnswer,
  MembersAnswer,
  MemberToAddRequest,
  NewCommunityRequest,
  PersonRequest,
} from "../../contract/communities.js";
import type { ApiClient } from "./ApiClient.js";
import { getItems, getJson } from "./apiRequests.js";

/** A person as the API names them (a steward, someone added from the picker). */
export type Steward = PersonRequest;
/** A community as `GET /api/communities/:id` returns it, seen by the calling user. */
export type Community = CommunityAnswer;
/** A member as `GET /api/communities/:id/members` lists them (stewards first). */
export type Member = MembersAnswer["items"][number];
/** A request to join a private community, waiting for a steward. */
export type JoinRequest = JoinRequestAnswer;

const communityPath = (id: string): string => `/api/communities/${encodeURIComponent(id)}`;

/** Loads one community. */
export function getCommunity(api: ApiClient, id: string, signal?: AbortSignal): Promise<Community> {
  return getJson<Community>(api, communityPath(id), signal);
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
export type NewCommunity = NewCommunityRequest;

/** The communities the caller may connect a tab to: their own and open ones. */
export function listCommunities(api: ApiClient, signal?: AbortSignal): Promise<Community[]> {
  return getItems<CommunityListAnswer>(api, "/api/communities", signal);
}

/** Creates a community; resolves with it as the creator sees it. */
export function createCommunity(api: ApiClient, community: NewCommunity): Promise<Community> {
  return api.request<Community>("POST", "/api/communities", community);
}

/** Asks to join a private community (an open one joins at once); resolves with the community. */
export function requestToJoin(api: ApiClient, id: string): Promise<Community> {
  return api.request<Community>("POST", `${communityPath(id)}/join-requests`);
}

/** The first page of members (up to 200), stewards first. */
export function listMembers(api: ApiClient, id: string, signal?: AbortSignal): Promise<Member[]> {
  return getItems<MembersAnswer>(api, `${communityPath(id)}/members`, signal);
}

/** Stewards: the requests to join waiting for an answer, oldest first. */
export function listJoinRequests(api: ApiClient, id: string, signal?: AbortSignal): Promise<JoinRequest[]> {
  return getItems<JoinRequestsAnswer>(api, `${communityPath(id)}/join-requests`, signal);
}

/** Stewards: approves (the person becomes a member) or declines a request to join. */
export function answerJoinRequest(
  api: ApiClient,
  id: string,
  userId: string,
  decision: "approve" | "decline",
): Promise<void> {
  return api.request<void>(
    "POST",
    `${communityPath(id)}/join-requests/${encodeURIComponent(userId)}/${decision}`,
  );
}

/** Stewards: adds people as members (or stewards); resolves with the community. */
export function addMember(api: ApiClient, id: string, person: Steward, steward: boolean): Promise<Community> {
  const body: MemberToAddRequest = { ...person, steward };
  return api.request<Community>("POST", `${communityPath(id)}/members`, body);
}

/** Stewards: removes a member (a steward loses that role too); resolves with the community. */
export function removeMember(api: ApiClient, id: string, userId: string): Promise<Community> {
  return api.request<Community>("DELETE", `${communityPath(id)}/members/${encodeURIComponent(userId)}`);
}

/** Stewards: names another steward (who becomes a member too). */
export function addSteward(api: ApiClient, id: string, person: Steward): Promise<Community> {
  return api.request<Community>("POST", `${communityPath(id)}/stewards`, person);
}

/** Stewards: takes the steward role from someone; they stay a member. */
export function removeSteward(api: ApiClient, id: string, userId: string): Promise<Community> {
  return api.request<Community>("DELETE", `${communityPath(id)}/stewards/${encodeURIComponent(userId)}`);
}
