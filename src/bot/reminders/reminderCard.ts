import type { RoleAssignment } from "../../domain/sessions/session.js";
import type { SessionFormat, SessionRole } from "../../domain/sessions/sessionFormats.js";
import { type AdaptiveCard, adaptiveCard, heading, paragraph } from "../cards/adaptiveCard.js";
import { cardText, shorten } from "../cards/cardText.js";
import { type Mention, mentionOf } from "../cards/groupListCards.js";
import { askAheadAction } from "./questionsAheadDialog.js";

const ROLE_NAMES: Record<SessionRole, string> = {
  facilitator: "facilitator",
  "note-taker": "note-taker",
  "hot-seat": "hot seat",
  "micro-teacher": "micro-teacher",
  observer: "observer",
  "on-call-expert": "on-call expert",
};

const FORMAT_NAMES: Record<SessionFormat, string> = {
  "think-pair-share": "Think-pair-share workshop",
  "knowledge-cafe": "Knowledge Café",
  mastermind: "Mastermind circle",
  "micro-teach": "Micro-teach",
  "case-round": "Case round",
  "incident-retro": "Incident retrospective",
  ama: "AMA with the on-call expert",
  "coaching-ourselves": "CoachingOurselves module",
  "peer-review": "Peer review",
  open: "Open session",
};

/** What a reminder says. */
export interface ReminderCardView {
  title: string;
  format: SessionFormat;
  /** The occurrence's start (ISO, UTC): Teams shows it in each reader's own zone and language. */
  startsAt: string;
  durationMinutes: number;
  roles: RoleAssignment[];
  joinUrl?: string;
  /** The session in PeerCircle. */
  link: string;
  /** Questions may be asked ahead (an AMA): the card offers the dialog, with its session. */
  askAhead?: { communityId: string; sessionId: string };
}

/**
 * The reminder posted to a community's channel before a session: when (through Teams' DATE/TIME
 * functions, so everyone reads their own time zone), the format, each role holder mentioned with
 * their role, and buttons to join and to open the session.
 */
export function reminderCard(view: ReminderCardView, headingPrefix = "Coming up: "): AdaptiveCard {
  const entities: Mention[] = [];
  const when = `{{DATE(${view.startsAt.replace(/\.\d{3}Z$/, "Z")}, SHORT)}} {{TIME(${view.startsAt.replace(/\.\d{3}Z$/, "Z")})}}`;
  const held = view.roles.filter(
    (r): r is RoleAssignment & { person: NonNullable<RoleAssignment["person"]> } => !!r.person,
  );
  const open = view.roles.filter((r) => !r.person);
  const body: Record<string, unknown>[] = [
    heading(`${headingPrefix}${cardText(shorten(view.title, 150))}`),
    paragraph(`${when} · ${view.durationMinutes} min · ${FORMAT_NAMES[view.format]}`, { isSubtle: true }),
  ];
  if (held.length > 0) {
    body.push(paragraph("**Roles**", { spacing: "Medium" }));
    for (const role of held) {
      const mention = mentionOf(role.person);
      entities.push(mention.entity);
      body.push(paragraph(`${mention.text}, you are the ${ROLE_NAMES[role.role]}.`, { spacing: "Small" }));
    }
  }
  if (open.length > 0)
    body.push(
      paragraph(`Still open: ${open.map((r) => ROLE_NAMES[r.role]).join(", ")}. Take one in PeerCircle.`, {
        spacing: "Small",
      }),
    );
  const actions: Record<string, unknown>[] = [
    // Short titles: two buttons share a 280 px meeting chat.
    ...(view.joinUrl ? [{ type: "Action.OpenUrl", title: "Join meeting", url: view.joinUrl }] : []),
    { type: "Action.OpenUrl", title: "Open session", url: view.link },
    // An AMA's questions are collected ahead: the dialog works on mobile too (at most 3 actions).
    ...(view.askAhead ? [askAheadAction(view.askAhead)] : []),
  ];
  const card = adaptiveCard(body, actions);
  return { ...card, msteams: { ...card.msteams, entities } };
}
