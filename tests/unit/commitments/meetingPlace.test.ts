import { describe, expect, it } from "vitest";
import { joinUrlNames, placeOfMeeting } from "../../../src/domain/commitments/meetingPlace.js";

const chat = "19:meeting_NzQ2YjFk@thread.v2";
const link = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(chat)}/0?context=%7b%22Tid%22%3a%22t%22%7d`;

describe("which community a meeting belongs to", () => {
  it("recognises a session's Teams join link by the chat it names, or by the event's own link", () => {
    expect(joinUrlNames(link, { conversationId: chat })).toBe(true);
    expect(joinUrlNames(link.replace("%3A", "%3a"), { conversationId: chat })).toBe(true);
    expect(joinUrlNames(link, { conversationId: "19:meeting_other@thread.v2" })).toBe(false);
    expect(
      joinUrlNames("https://zoom.example/j/1", {
        conversationId: chat,
        joinUrl: "https://zoom.example/j/1?pwd=x",
      }),
    ).toBe(true);
    expect(joinUrlNames("https://zoom.example/j/1", { conversationId: chat })).toBe(false);
  });

  const caller = { tenantId: "t", userId: "u", displayName: "U" };
  const lookups = {
    communitiesOf: async () => [
      { id: "c-team", name: "Team one", teamId: "19:team@thread.tacv2", isMember: true },
      { id: "c-private", name: "Private one", isMember: true },
      { id: "c-visible", name: "Visible", isMember: false },
    ],
    sessionsOf: async (_c: unknown, communityId: string) =>
      communityId === "c-private"
        ? [
            { id: "cancelled", joinUrl: link, cancelled: true },
            { id: "s1", joinUrl: link, cancelled: false },
          ]
        : [],
    activitiesOf: async (_t: string, conversationId: string) =>
      conversationId === "19:meeting_ran-here@thread.v2"
        ? [{ communityId: "c-visible", sessionId: "s9" }]
        : [],
  };

  it("finds a channel meeting by its team, a private one by its session, else by earlier activities", async () => {
    expect(
      await placeOfMeeting(caller, { conversationId: "19:x", teamId: "19:team@thread.tacv2" }, lookups),
    ).toEqual({
      communityId: "c-team",
      communityName: "Team one",
      via: "channel",
    });
    expect(await placeOfMeeting(caller, { conversationId: chat }, lookups)).toEqual({
      communityId: "c-private",
      communityName: "Private one",
      sessionId: "s1",
      via: "session",
    });
    expect(
      await placeOfMeeting(caller, { conversationId: "19:meeting_ran-here@thread.v2" }, lookups),
    ).toEqual({
      communityId: "c-visible",
      communityName: "Visible",
      sessionId: "s9",
      via: "activity",
    });
    expect(
      await placeOfMeeting(caller, { conversationId: "19:meeting_nowhere@thread.v2" }, lookups),
    ).toBeUndefined();
  });
});
