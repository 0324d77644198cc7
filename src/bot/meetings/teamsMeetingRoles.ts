import type { TeamsAdapter } from "@microsoft/teams-ai";
import { type ConversationReference, TeamsInfo } from "botbuilder";
import type { MeetingRef, MeetingRole, MeetingRoles } from "../../domain/activities/meetingRoles.js";
import type { ConversationReferenceStore } from "../../domain/meetings/conversationReferences.js";

/**
 * Meeting roles from Teams: Bot Framework's Get meeting participant API
 * (`GET {serviceUrl}/v1/meetings/{meetingId}/participants/{aadObjectId}?tenantId=…`, through
 * botbuilder's `TeamsInfo.getMeetingParticipant`), called in the meeting chat's stored
 * conversation (its service URL and the bot's token). Needs the RSC permission
 * `OnlineMeetingParticipant.Read.Chat` (or `ChannelMeetingParticipant.Read.Group` in a channel
 * meeting); Teams answers 403 without it.
 */
export class TeamsMeetingRoles implements MeetingRoles {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly botAppId: string,
    private readonly references: ConversationReferenceStore,
  ) {}

  async roleOf(tenantId: string, meeting: MeetingRef, userId: string): Promise<MeetingRole | undefined> {
    const json = await this.references.get(tenantId, { conversationId: meeting.conversationId });
    // The bot has never been in the meeting chat: Teams cannot be asked from here.
    if (!json) throw new Error("no conversation reference for the meeting chat");
    const reference = JSON.parse(json) as Partial<ConversationReference>;
    let role: string | undefined;
    try {
      await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
        const participant = await TeamsInfo.getMeetingParticipant(
          context,
          meeting.meetingId,
          userId,
          tenantId,
        );
        role = participant.meeting?.role;
      });
    } catch (error) {
      // 404: the meeting has expired or the person is not one of its participants.
      if ((error as { statusCode?: number }).statusCode === 404) return undefined;
      throw error;
    }
    return meetingRoleOf(role);
  }
}

/** Teams' role name ("Organizer", "Presenter", "Attendee") as the domain names it. */
export function meetingRoleOf(role: string | undefined): MeetingRole | undefined {
  switch (role?.trim().toLowerCase()) {
    case "organizer":
      return "organizer";
    case "presenter":
      return "presenter";
    case "attendee":
      return "attendee";
    default:
      return undefined;
  }
}
