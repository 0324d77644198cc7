import type { CommunityHome } from "../domain/home/communityHome.js";
import type { CommunityAnswer } from "./communities.js";
import type { SessionAnswer } from "./sessions.js";

/** `GET /api/communities/:id/home`: the home's one answer, its sessions and community as the tab receives them. */
export type CommunityHomeAnswer = CommunityHome<SessionAnswer, CommunityAnswer>;
