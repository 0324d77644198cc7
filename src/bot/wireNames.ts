/**
 * Every name PeerCircle and Teams exchange, in one place: the verbs cards send back (`data.verb`,
 * routed by teams-ai's `adaptiveCards.actionExecute` / `taskModules.fetch|submit`), the message
 * extension's command ids (declared in appPackage/manifest.json) and the chat commands. Cards and
 * handlers import them from here, so a renamed verb is one edit the compiler follows.
 */

/**
 * Activities in the meeting chat (any format). The `tps.` verbs keep the names think-pair-share
 * cards were first sent with: cards already posted in chats send them back, whatever the format.
 */
export const ACTIVITY_VERBS = {
  setup: "tps.setup",
  create: "tps.create",
  /** The set-up dialog again, for the format just chosen (its phases and their minutes). */
  setupFormat: "activity.setupFormat",
  join: "tps.join",
  refresh: "tps.refresh",
  control: "tps.control",
  controls: "tps.controls",
  controlDialog: "tps.controlDialog",
  reflect: "tps.reflect",
  saveReflection: "tps.saveReflection",
  /** The caller's current group (partner, table, circle) with a one-click chat. */
  partner: "tps.partner",
  share: "tps.share",
  saveShare: "tps.saveShare",
  commit: "tps.commit",
  saveCommitment: "tps.saveCommitment",
  /** The dialog of one of the format's own kinds (a pledge, a table's notes, a theme). */
  write: "activity.write",
  saveWriting: "activity.saveWriting",
  /** The teacher's or expert's answer to one item (a question), from the dialog the kind's button opens for them. */
  saveAnswer: "activity.saveAnswer",
} as const;

/** Scheduled sessions: a question asked ahead (an AMA's reminder card, its dialog and submit). */
export const SESSION_VERBS = {
  askAheadDialog: "session.askAheadDialog",
  askAhead: "session.askAhead",
} as const;

/** Meeting outcomes captured from the chat. */
export const OUTCOME_VERBS = { capture: "outcome.capture", save: "outcome.save" } as const;

/** Commitment check-ins. */
export const COMMITMENT_VERBS = {
  update: "commitment.update",
  save: "commitment.save",
} as const;

/** A steward's answer to a request to join a private community. */
export const JOIN_REQUEST_VERBS = {
  approve: "membership.approve",
  decline: "membership.decline",
} as const;

/**
 * Asking the community: the answer's "Not helpful" and the "don't know" answer's "Ask the
 * community" both post the question to the library as an open question.
 */
export const ASK_VERBS = {
  openQuestion: "ask.openQuestion",
  /** The on-call expert's Answer button (a dialog) and the dialog's submit. */
  answerDialog: "ask.answerDialog",
  answer: "ask.answer",
} as const;

/** Message extension command ids, as declared in appPackage/manifest.json. */
export const SAVE_INSIGHT_COMMAND = "saveInsight";
export const FIND_INSIGHT_COMMAND = "findInsight";

/**
 * Teams' meeting participant events, as Teams names them (Microsoft's "Meeting apps APIs";
 * botbuilder's TeamsActivityHandler uses the same). teams-ai 1.7's `app.meetings.participantsJoin`
 * listens for `…meetingParticipantsJoin` (plural), which Teams does not send, so
 * meetings/meetingPresence.ts routes these itself.
 */
export const PARTICIPANT_JOIN = "application/vnd.microsoft.meetingParticipantJoin";
export const PARTICIPANT_LEAVE = "application/vnd.microsoft.meetingParticipantLeave";
