import { type AdaptiveCard, adaptiveCard, heading, paragraph } from "./adaptiveCard.js";

/** Where the app was installed: a team's channel, a group chat, or a person's own chat. */
export type InstallScope = "team" | "groupChat" | "personal";

/** The first thing people see from PeerCircle after installing it. */
export function welcomeCard(scope: InstallScope): AdaptiveCard {
  const forTeam = scope !== "personal";
  return adaptiveCard(
    [
      heading("Welcome to PeerCircle"),
      paragraph(
        forTeam
          ? "PeerCircle helps this team learn from each other: keep the good answers, run peer-learning sessions in meetings, and find who to ask."
          : "PeerCircle keeps what you learn from your peers: the insights you save, your sessions, roles and commitments.",
      ),
      {
        type: "FactSet",
        facts: forTeam
          ? [
              {
                title: "Set up",
                value: "Add the PeerCircle tab to a channel (+ at the top) to create the community.",
              },
              { title: "Save", value: "On any message choose … → Save as insight." },
              { title: "Find", value: "Use Find insight from the compose box to share an answer." },
            ]
          : [
              {
                title: "My learning",
                value: "Open the My learning tab above to see your entries and sessions.",
              },
              { title: "Save", value: "On any message choose … → Save as insight." },
            ],
      },
      paragraph(
        forTeam
          ? "Type **@PeerCircle help** at any time to see what I can do."
          : "Type **help** at any time to see what I can do.",
        { isSubtle: true, spacing: "Medium" },
      ),
    ],
    [{ type: "Action.Submit", title: "Show help", data: { msteams: { type: "imBack", value: "help" } } }],
  );
}
