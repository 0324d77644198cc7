import type {
  CommunityStatus,
  CommunityView,
  JoinRequest,
  MemberView,
} from "../domain/communities/community.js";
import type {
  MemberToAddInput,
  NewCommunityInput,
  PersonInput,
} from "../domain/communities/communitySchemas.js";
import type { ItemsAnswer, TenantFree } from "./answers.js";

/** Communities' requests and answers (`/api/communities…`). Requests are the domain's schemas. */

/**
 * A community as the caller sees it: their relation to it, and on a read of one community whether
 * they asked to join (a private community's non-member) and, for stewards, the requests waiting.
 */
export type CommunityAnswer = TenantFree<CommunityView> & Partial<CommunityStatus>;
/** `GET /api/communities`: the caller's own communities and the open ones. */
export type CommunityListAnswer = ItemsAnswer<CommunityAnswer>;
/** `GET …/members`: a page of members, stewards first. */
export type MembersAnswer = ItemsAnswer<MemberView> & { continuationToken?: string };
/** A request to join, as stewards see it. */
export type JoinRequestAnswer = Omit<JoinRequest, "tenantId" | "communityId">;
/** `GET …/join-requests`: oldest first. */
export type JoinRequestsAnswer = ItemsAnswer<JoinRequestAnswer>;

/** `POST /api/communities`: the creator becomes a steward. */
export type NewCommunityRequest = NewCommunityInput;
/** `POST …/members`: a person from the picker, as a member or a steward too. */
export type MemberToAddRequest = MemberToAddInput;
/** `POST …/stewards`: a person named steward. */
export type PersonRequest = PersonInput;
