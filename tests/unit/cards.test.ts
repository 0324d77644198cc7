import { describe, expect, it } from "vitest";
import { helpCard } from "../../src/bot/cards/helpCard.js";
import { captureInvitationCard, meetingStartCard } from "../../src/bot/cards/outcomeCards.js";
import { writingTitle } from "../../src/bot/cards/submissionDialogCards.js";
import { welcomeCard } from "../../src/bot/cards/welcomeCard.js";

describe("bot cards", () => {
  it("are Adaptive Card 1.5 (the highest Teams renders) and stay far below the message size limit", () => {
    for (const card of [helpCard(), welcomeCard("team"), welcomeCard("personal")]) {
      expect(card.version).toBe("1.5");
      expect(card.type).toBe("AdaptiveCard");
      expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28 * 1024);
    }
  });

  it("tell a team how to set up and a person where their learning is", () => {
    expect(JSON.stringify(welcomeCard("team"))).toContain("Add the PeerCircle tab to a channel");
    expect(JSON.stringify(welcomeCard("personal"))).toContain("My learning");
    expect(JSON.stringify(welcomeCard("personal"))).not.toContain("Add the PeerCircle tab to a channel");
  });

  it("offers help from the welcome card as an imBack that works on every client", () => {
    expect(welcomeCard("team").actions?.[0]).toMatchObject({
      type: "Action.Submit",
      data: { msteams: { type: "imBack", value: "help" } },
    });
  });

  it("tells people to @mention PeerCircle where it only hears mentions, and lists the meeting commands", () => {
    const help = JSON.stringify(helpCard());
    for (const command of ["tps", "decision", "action", "insight", "outcome"])
      expect(help).toContain(`@PeerCircle ${command}`);
    expect(JSON.stringify(welcomeCard("team"))).toContain("@PeerCircle help");
    expect(JSON.stringify(meetingStartCard("Weekly"))).toContain("**@PeerCircle decision**");
  });

  it("speaks of an action item with the right article", () => {
    expect(JSON.stringify(captureInvitationCard("action", ""))).toContain("Capture an action item");
    expect(JSON.stringify(captureInvitationCard("decision", ""))).toContain("Capture a decision");
  });
});

describe("a dialog's title for one more item", () => {
  const item = (noun: string) => ({ scope: "item", visibility: "everyone", noun, maxLength: 500 }) as const;
  it("counts what English counts, and not what it does not", () => {
    expect(writingTitle(item("question"))).toBe("Add a question");
    expect(writingTitle(item("action"))).toBe("Add an action");
    expect(writingTitle(item("feedback"))).toBe("Add feedback");
    expect(writingTitle(item("piece of advice"))).toBe("Add a piece of advice");
  });
});
