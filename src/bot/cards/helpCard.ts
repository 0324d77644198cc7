import { type AdaptiveCard, adaptiveCard, heading, paragraph } from "./adaptiveCard.js";

/** What PeerCircle can do, and how to reach each part. */
export function helpCard(): AdaptiveCard {
  return adaptiveCard([
    heading("What PeerCircle can do"),
    {
      type: "FactSet",
      facts: [
        { title: "help", value: "Show this card." },
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
