import type { ActivityFormatDefinition } from "../activities/activityFormat.js";
import ama from "./definitions/ama.json" with { type: "json" };
import caseRound from "./definitions/case-round.json" with { type: "json" };
import coachingOurselves from "./definitions/coaching-ourselves.json" with { type: "json" };
import incidentRetro from "./definitions/incident-retro.json" with { type: "json" };
import knowledgeCafe from "./definitions/knowledge-cafe.json" with { type: "json" };
import mastermind from "./definitions/mastermind.json" with { type: "json" };
import microTeach from "./definitions/micro-teach.json" with { type: "json" };
import openConversation from "./definitions/open.json" with { type: "json" };
import peerReview from "./definitions/peer-review.json" with { type: "json" };
import thinkPairShare from "./definitions/think-pair-share.json" with { type: "json" };
import { completeFormat, type FormatDefinition } from "./formatDefinition.js";
import type { SessionFormat } from "./formatIds.js";
import type { FormatFile } from "./formatSchema.js";

/**
 * Every format's definition file, by id: the one place a new format is registered. The compiler
 * checks that every session format has its file; formatSchema.ts checks what is in each
 * (tests/unit/formats/formatSchema.test.ts runs it on every file in definitions/).
 */
const FILES = {
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
} satisfies Record<SessionFormat, object>;

type Files = typeof FILES;

/** A format as the registry gives it: with an activity exactly when its file has one. */
type Registered<F> = FormatDefinition &
  (F extends { activity: object } ? { activity: ActivityFormatDefinition } : { activity?: undefined });

/** Every format PeerCircle knows, completed from its file, for the calendar and the activity engine alike. */
export const FORMATS = Object.fromEntries(
  Object.entries(FILES).map(([id, file]) => [id, completeFormat(file as FormatFile)]),
) as { readonly [K in keyof Files]: Registered<Files[K]> };
