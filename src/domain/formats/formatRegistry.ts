import { ama } from "./ama.js";
import { caseRound } from "./caseRound.js";
import { coachingOurselves } from "./coachingOurselves.js";
import type { FormatDefinition } from "./formatDefinition.js";
import type { SessionFormat } from "./formatIds.js";
import { incidentRetro } from "./incidentRetro.js";
import { knowledgeCafe } from "./knowledgeCafe.js";
import { mastermind } from "./mastermind.js";
import { microTeach } from "./microTeach.js";
import { openConversation } from "./openConversation.js";
import { peerReview } from "./peerReview.js";
import { thinkPairShare } from "./thinkPairShare.js";

/**
 * Every format PeerCircle knows, for the calendar and the activity engine alike: the one place a
 * new format is registered. The compiler checks that every session format has its definition.
 */
export const FORMATS = {
  "think-pair-share": thinkPairShare,
  "knowledge-cafe": knowledgeCafe,
  mastermind,
  "micro-teach": microTeach,
  "case-round": caseRound,
  "incident-retro": incidentRetro,
  ama,
  "coaching-ourselves": coachingOurselves,
  "peer-review": peerReview,
  open: openConversation,
} as const satisfies Record<SessionFormat, FormatDefinition>;
