import type { Caller } from "../identity.js";

/** What a meeting event tells about the meeting. */
export interface MeetingFacts {
  /** The meeting chat (`19:meeting_…@thread.v2`), or a channel's conversation. */
  conversationId: string;
  /** The team, for a channel meeting. */
  teamId?: string;
  /** The join link Teams sends with the start event, when it does. */
  joinUrl?: string;
}

/** Where a meeting belongs: its community and, when a calendar session names it, the session. */
export interface MeetingPlace {
  communityId: string;
  communityName: string;
  sessionId?: string;
  /** How it was found (logged; tests check it). */
  via: "channel" | "session" | "activity";
}

/** What finding the place needs to read, as the composition root provides it. */
export interface MeetingPlaceLookups {
  /** The communities the caller can see (the person whose turn carried the event). */
  communitiesOf(caller: Caller): Promise<{ id: string; name: string; teamId?: string; isMember: boolean }[]>;
  /** A community's sessions as stored (their join links). */
  sessionsOf(
    caller: Caller,
    communityId: string,
  ): Promise<{ id: string; joinUrl?: string; cancelled: boolean }[]>;
  /** The communities (and sessions) of the activities run in a chat, newest first. */
  activitiesOf(
    tenantId: string,
    conversationId: string,
  ): Promise<{ communityId: string; sessionId?: string }[]>;
}

/**
 * Finds the community of a meeting of any kind: a channel meeting by its team; a private meeting by
 * the calendar session whose join link names its chat (a Teams join link carries the chat's thread
 * id) or equals the link of the event; failing that, by the activities run in the same chat before.
 */
export async function placeOfMeeting(
  caller: Caller,
  facts: MeetingFacts,
  lookups: MeetingPlaceLookups,
): Promise<MeetingPlace | undefined> {
  const communities = await lookups.communitiesOf(caller);
  const named = (id: string) => communities.find((c) => c.id === id)?.name;
  if (facts.teamId) {
    const community = communities.find((c) => c.teamId === facts.teamId);
    if (community) return { communityId: community.id, communityName: community.name, via: "channel" };
  }
  for (const community of communities.filter((c) => c.isMember)) {
    const sessions = await lookups.sessionsOf(caller, community.id);
    const session = sessions.find((s) => !s.cancelled && s.joinUrl && joinUrlNames(s.joinUrl, facts));
    if (session)
      return {
        communityId: community.id,
        communityName: community.name,
        sessionId: session.id,
        via: "session",
      };
  }
  for (const activity of await lookups.activitiesOf(caller.tenantId, facts.conversationId)) {
    const name = named(activity.communityId);
    if (name)
      return {
        communityId: activity.communityId,
        communityName: name,
        ...(activity.sessionId ? { sessionId: activity.sessionId } : {}),
        via: "activity",
      };
  }
  return undefined;
}

/** Whether a session's join link is this meeting's: the same link, or one naming its chat. */
export function joinUrlNames(joinUrl: string, facts: MeetingFacts): boolean {
  const link = decoded(joinUrl);
  if (facts.joinUrl && withoutQuery(link) === withoutQuery(decoded(facts.joinUrl))) return true;
  return facts.conversationId.startsWith("19:") && link.includes(`/${facts.conversationId}/`);
}

function decoded(url: string): string {
  try {
    return decodeURIComponent(url.trim());
  } catch {
    return url.trim();
  }
}

function withoutQuery(url: string): string {
  return url.split("?")[0]?.replace(/\/+$/, "").toLowerCase() ?? url;
}
