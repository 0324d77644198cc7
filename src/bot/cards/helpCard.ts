import { type AdaptiveCard, adaptiveCard, heading, paragraph } from "./adaptiveCard.js";

/**
 * What PeerCircle can do, and how to reach each part. In channels and meeting chats the bot only
 * sees messages that @mention it (it has no permission to read the others), so the commands say so.
 */
export function helpCard(): AdaptiveCard {
  return adaptiveCard([
    heading("What PeerCircle can do"),
    paragraph("In a meeting chat or channel, @mention PeerCircle before a command.", { spacing: "Small" }),
    {
      type: "FactSet",
      facts: [
        { title: "@PeerCircle help", value: "Show this card." },
        { title: "@PeerCircle tps …", value: "Run a think-pair-share on a prompt in this meeting." },
        {
          title: "@PeerCircle knowledge café …",
          value: "Run a Knowledge Café on a question (any format by its name; “activity …” to choose).",
        },
        { title: "@PeerCircle decision …", value: "Capture a decision for the meeting's outcomes." },
        { title: "@PeerCircle action …", value: "Capture an action item, with its owner and due date." },
        { title: "@PeerCircle insight …", value: "Capture an insight for the community's library." },
        { title: "@PeerCircle outcome", value: "Capture any meeting outcome." },
        { title: "Save as insight", value: "On any message: … → More actions → Save as insight." },
        { title: "Find insight", value: "In the compose box: … → PeerCircle, then type what you look for." },
        {
          title: "Community tab",
          value: "Add PeerCircle to a channel to run your community's home, calendar and library.",
        },
      ],
    },
    paragraph(
      "PeerCircle only reads what it needs and keeps your community's knowledge in your organisation.",
      {
        isSubtle: true,
        size: "Small",
      },
    ),
  ]);
}
