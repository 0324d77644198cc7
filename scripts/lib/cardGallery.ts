import { recognitionCard } from "../../src/bot/asking/recognitionPoster.js";
import {
  controlDialogCard,
  partnerDialogCard,
  personalCard,
  phaseCard,
} from "../../src/bot/cards/activityCards.js";
import { setupDialogCard, setupInvitationCard } from "../../src/bot/cards/activitySetupCards.js";
import { summaryCard } from "../../src/bot/cards/activitySummaryCard.js";
import type { AdaptiveCard } from "../../src/bot/cards/adaptiveCard.js";
import {
  answerActionsCard,
  answerDialogCard,
  noAnswerCard,
  openQuestionPostedCard,
  routedQuestionCard,
} from "../../src/bot/cards/askCards.js";
import { askTextFor } from "../../src/bot/cards/askText.js";
import {
  commitmentUpdateDialogCard,
  dueCheckInCard,
  sessionCheckInCard,
} from "../../src/bot/cards/commitmentCards.js";
import { entryCard } from "../../src/bot/cards/entryCard.js";
import { pairListCards } from "../../src/bot/cards/groupListCards.js";
import { helpCard } from "../../src/bot/cards/helpCard.js";
import {
  captureInvitationCard,
  meetingStartCard,
  outcomeDialogCard,
  outcomesCard,
} from "../../src/bot/cards/outcomeCards.js";
import {
  commitmentDialogCard,
  reflectionDialogCard,
  shareConflictCard,
  shareDialogCard,
} from "../../src/bot/cards/ownKindDialogCards.js";
import { saveInsightDialogCard } from "../../src/bot/cards/saveInsightDialogCard.js";
import {
  answerDialogCard as itemAnswerDialogCard,
  writingConflictCard,
  writingDialogCard,
} from "../../src/bot/cards/submissionDialogCards.js";
import { welcomeCard } from "../../src/bot/cards/welcomeCard.js";
import { joinRequestCard } from "../../src/bot/membership/joinRequestCard.js";
import { askAheadCard, askAheadDialogCard } from "../../src/bot/reminders/questionsAheadDialog.js";
import { reminderCard } from "../../src/bot/reminders/reminderCard.js";
import { formatOf } from "../../src/domain/activities/activityFormats.js";
import type { ActivitySummary, ActivityView, GroupView } from "../../src/domain/activities/activityViews.js";
import type { PersonRef } from "../../src/domain/identity.js";
import type { MeetingOutcome } from "../../src/domain/meetings/meetingOutcome.js";
import { moduleCards } from "./moduleCardGallery.js";

/**
 * Every card the bot can send, built by the real card builders from realistic view models: the
 * phases of a think-pair-share as the facilitator, a participant and a trio member see them, the
 * dialogs, the summaries, outcomes, reminders, entries and the welcome and help cards. Tests check
 * each against Microsoft's Adaptive Cards SDK and render them in Chromium; `npm run
 * screenshots:cards` shows them to a reviewer.
 */
export interface GalleryCard {
  name: string;
  card: AdaptiveCard;
  /** Where Teams shows it: a chat message, or a dialog (task module). */
  kind: "message" | "dialog";
}

const people: PersonRef[] = [
  { id: "0b6f5a1e-aaaa-4c1d-9f00-000000000001", displayName: "Amira Haddad" },
  { id: "0b6f5a1e-aaaa-4c1d-9f00-000000000002", displayName: "Bastian Schröder-Lindqvist" },
  { id: "0b6f5a1e-aaaa-4c1d-9f00-000000000003", displayName: "Chen Wei" },
  { id: "0b6f5a1e-aaaa-4c1d-9f00-000000000004", displayName: "Dolores Ibáñez" },
  { id: "0b6f5a1e-aaaa-4c1d-9f00-000000000005", displayName: "Emeka Okafor" },
];
const [facilitator, amira, bastian, chen] = people as [PersonRef, PersonRef, PersonRef, PersonRef];
const PROMPT = "What is one thing that slowed down your last release, and what would you try instead?";
const phases = [
  {
    id: "think",
    title: "Think",
    instruction: "Think on your own and write a private reflection.",
    minutes: 2,
  },
  { id: "pair", title: "Pair", instruction: "Talk it over with your partner.", minutes: 5 },
  { id: "share", title: "Share", instruction: "Each pair shares its key insight.", minutes: 5 },
  { id: "close", title: "Close", instruction: "Write one commitment: what will you try?", minutes: 3 },
];
const groups: GroupView[] = [
  { id: "g1", members: [amira, bastian] },
  { id: "g2", members: [chen, people[4] as PersonRef, people[0] as PersonRef] },
];

function view(
  phaseIndex: number,
  options: { status?: ActivityView["state"]["status"]; facilitating?: boolean; me?: ActivityView["me"] } = {},
): ActivityView {
  const status = options.status ?? (phaseIndex < 0 ? "not-started" : "running");
  const phase = phases[phaseIndex];
  const accepts: ActivityView["accepts"] = (
    [
      [],
      ["reflection"],
      ["reflection", "share"],
      ["reflection", "share", "highlight"],
      ["reflection", "share", "highlight", "commitment"],
    ] as const
  )[status === "ended" ? 4 : phaseIndex + 1]?.slice() as ActivityView["accepts"];
  return {
    id: "a1b2c3",
    format: "think-pair-share",
    formatName: "Think-pair-share",
    prompt: PROMPT,
    communityId: "data-community",
    conversationId: "19:meeting_x@thread.v2",
    facilitator,
    pairingRule: "cross-department",
    phases,
    state: {
      status,
      phaseIndex: status === "ended" ? phases.length : phaseIndex,
      reachedPhaseIndex: phaseIndex,
      ...(phase && status !== "ended" ? { phaseId: phase.id } : {}),
      durationMs: (phase?.minutes ?? 0) * 60_000,
      remainingMs: 60_000,
      ...(status === "running" ? { endsAt: "2026-12-04T10:05:00Z" } : {}),
    },
    accepts: status === "ended" ? ["commitment"] : accepts,
    participantCount: 5,
    reflectedCount: 4,
    commitmentCount: 2,
    // As the facilitator's view has them: the list, and the count everyone's view carries.
    ...(phaseIndex >= 1 ? { groups, groupCount: groups.length } : {}),
    wall: [],
    declaredKinds: ["reflection", "share", "commitment"],
    submissions: [],
    kinds: [],
    hotSeat: false,
    confidential: false,
    isFacilitator: options.facilitating ?? false,
    me: options.me ?? { joined: false },
  };
}

const inTrio: ActivityView["me"] = {
  joined: true,
  reflection: { text: "Waiting on approvals.", at: "2026-12-04T10:01:00Z", etag: "e1" },
  group: { id: "g2", partners: [people[4] as PersonRef, people[0] as PersonRef] },
};
const inPair: ActivityView["me"] = { joined: true, group: { id: "g1", partners: [bastian] } };
const links = new Map([[bastian.id, "https://teams.microsoft.com/l/chat/0/0?users=bastian@contoso.com"]]);

const summary: ActivitySummary = {
  formatName: "Think-pair-share",
  declaredKinds: ["reflection", "share", "commitment"],
  counts: [],
  activityId: "a1b2c3",
  prompt: PROMPT,
  communityId: "data-community",
  conversationId: "19:meeting_x@thread.v2",
  facilitator,
  participantCount: 5,
  reflectedCount: 5,
  commitmentCount: 3,
  groups,
  shares: groups.map((g, i) => ({
    groupId: g.id,
    members: g.members,
    text:
      i === 0
        ? "Write the release checklist down before the freeze, not after."
        : "Approvals in parallel, not in a queue.",
    editedBy: g.members[0] as PersonRef,
    at: "2026-12-04T10:12:00Z",
    highlighted: i === 0,
  })),
};

/** A Knowledge Café's close: no reflections or key insights, its own kinds counted instead. */
export const cafeSummary: ActivitySummary = {
  ...summary,
  formatName: "Knowledge Café",
  prompt: "What would make onboarding stick in the first month?",
  declaredKinds: ["table-notes", "theme", "pledge"],
  counts: [
    { kind: "table-notes", plural: "table notes", count: 9 },
    { kind: "theme", plural: "themes", count: 4 },
    { kind: "pledge", plural: "pledges", count: 7 },
  ],
  reflectedCount: 0,
  commitmentCount: 0,
  shares: [],
  groups: [{ id: "r2-g0001", members: people.slice(0, 4) as PersonRef[] }],
};

// ── Knowledge Café: its own kinds (a table's notes, themes, pledges) on the same cards ────────────

const CAFE_QUESTION = "What would make onboarding stick in the first month?";
const cafe = formatOf("knowledge-cafe");
const cafePhases = cafe.phases.map((p) => ({
  id: p.id,
  title: p.title,
  instruction: p.instruction,
  minutes: p.defaultMinutes,
}));
const table: GroupView = { id: "r1-g0002", members: [amira, bastian, chen, people[4] as PersonRef] };

function cafeView(
  phaseId: string,
  options: {
    facilitating?: boolean;
    me?: ActivityView["me"];
    submissions?: ActivityView["submissions"];
  } = {},
): ActivityView {
  const phaseIndex = cafePhases.findIndex((p) => p.id === phaseId);
  const phase = cafe.phases[phaseIndex];
  const grouped = phase?.grouping && phase.grouping.kind !== "none";
  return {
    ...view(0),
    format: "knowledge-cafe",
    formatName: cafe.name,
    prompt: CAFE_QUESTION,
    phases: cafePhases,
    state: {
      status: "running",
      phaseIndex,
      reachedPhaseIndex: phaseIndex,
      phaseId,
      durationMs: (phase?.defaultMinutes ?? 0) * 60_000,
      remainingMs: 60_000,
      endsAt: "2026-12-04T10:15:00Z",
    },
    accepts: [...(phase?.accepts ?? [])],
    participantCount: 12,
    reflectedCount: 0,
    commitmentCount: 0,
    ...(grouped
      ? { groups: [table, { id: "r1-g0001", members: [people[0] as PersonRef] }], groupCount: 2 }
      : {}),
    declaredKinds: Object.keys(cafe.submissions),
    kinds: Object.entries(cafe.submissions).map(([kind, d]) => ({
      kind,
      scope: d.scope,
      visibility: d.visibility,
      noun: d.noun,
      plural: d.plural ?? `${d.noun}s`,
      maxLength: d.maxLength,
    })),
    submissions: options.submissions ?? [],
    isFacilitator: options.facilitating ?? false,
    me: options.me ?? { joined: false },
  };
}

const atTable: ActivityView["me"] = {
  joined: true,
  group: { id: table.id, partners: [bastian, chen, people[4] as PersonRef] },
};
const tableNotes = {
  kind: "table-notes",
  ownerId: table.id,
  text: "Buddies in week one; a first small win in week two; the unwritten rules written down.",
  by: bastian,
  at: "2026-12-04T10:20:00Z",
  mine: true,
  etag: 'W/"n1"',
};
const themes = ["A buddy in week one", "A small win in week two", "Write the unwritten rules down"].map(
  (text, i) => ({
    kind: "theme",
    ownerId: people[i]?.id ?? "",
    itemId: `t${i}`,
    text,
    by: people[i] as PersonRef,
    at: `2026-12-04T10:4${i}:00Z`,
    mine: i === 0,
  }),
);

function cafeCards(communities: { id: string; name: string }[]): GalleryCard[] {
  const message = (name: string, card: AdaptiveCard): GalleryCard => ({ name, card, kind: "message" });
  const dialog = (name: string, card: AdaptiveCard): GalleryCard => ({ name, card, kind: "dialog" });
  return [
    message("cafe-setup-invitation", setupInvitationCard(CAFE_QUESTION, cafe)),
    dialog(
      "cafe-setup-dialog",
      setupDialogCard({
        format: cafe,
        prompt: CAFE_QUESTION,
        communities,
        communityId: "data-community",
        minutes: {},
        pairingRule: "cross-department",
        notice: "Check the phases of Knowledge Café, then start.",
      }),
    ),
    message("cafe-phase-intro", phaseCard(cafeView("intro"), "29:facilitator")),
    message("cafe-phase-round", phaseCard(cafeView("round-2"))),
    message("cafe-phase-harvest", phaseCard(cafeView("harvest"))),
    message("cafe-personal-round", personalCard(cafeView("round-2", { me: atTable }), links)),
    message(
      "cafe-personal-round-facilitator",
      personalCard(cafeView("round-2", { facilitating: true, me: atTable }), links),
    ),
    message("cafe-personal-harvest", personalCard(cafeView("harvest", { me: { joined: true } }))),
    ...pairListCards(cafeView("round-2"), [table], new Map([[amira.id, "29:amira"]])).map((card, i) =>
      message(`cafe-tables-${i + 1}`, card),
    ),
    dialog("cafe-my-table", partnerDialogCard(cafeView("round-2", { me: atTable }), links)),
    dialog(
      "cafe-table-notes",
      writingDialogCard(cafeView("round-2", { me: atTable, submissions: [tableNotes] }), "table-notes"),
    ),
    dialog(
      "cafe-table-notes-conflict",
      writingConflictCard(cafeView("round-2", { me: atTable }), "table-notes", {
        message: `${bastian.displayName} saved your group's table notes meanwhile. Check both versions and save again.`,
        current: { text: tableNotes.text, etag: 'W/"n2"', editedBy: bastian },
        yours: "Name one owner for the buddy programme.",
        merged: `${tableNotes.text}\n\nName one owner for the buddy programme.`,
      }),
    ),
    dialog(
      "cafe-theme",
      writingDialogCard(cafeView("harvest", { me: { joined: true }, submissions: themes }), "theme"),
    ),
    dialog("cafe-pledge", writingDialogCard(cafeView("harvest", { me: { joined: true } }), "pledge")),
    dialog("cafe-controls", controlDialogCard(cafeView("round-2", { facilitating: true }), "Done.")),
  ];
}

/** A micro-teach's and an AMA's own cards: set-up with a topic and a picker, answers, questions ahead. */
function answeredFormatCards(communities: { id: string; name: string }[]): GalleryCard[] {
  const message = (name: string, card: AdaptiveCard): GalleryCard => ({ name, card, kind: "message" });
  const dialog = (name: string, card: AdaptiveCard): GalleryCard => ({ name, card, kind: "dialog" });
  const questions = ["Do lookbehinds work in JavaScript?", "Can a lookahead be negative?"].map((text, i) => ({
    kind: "teach-question",
    ownerId: people[i + 1]?.id ?? "",
    itemId: `q${i}`,
    text,
    by: people[i + 1] as PersonRef,
    at: `2026-12-04T10:0${i}:00Z`,
    mine: false,
    votes: 3 - i,
    myVote: false,
    ...(i === 0
      ? { answer: { text: "Yes, in every current engine.", by: amira, at: "2026-12-04T10:06:00Z" } }
      : {}),
  }));
  const teaching: ActivityView = {
    ...view(1),
    format: "micro-teach",
    formatName: "Micro-teach",
    submissions: questions,
    roleHolders: { teacher: amira },
    me: { joined: true, roles: ["teacher"] },
  };
  const target = { communityId: "data-community", sessionId: "s1" };
  return [
    dialog(
      "micro-teach-setup-dialog",
      setupDialogCard({
        format: formatOf("micro-teach"),
        prompt: "Regex lookarounds in five minutes",
        communities,
        communityId: "data-community",
        minutes: {},
        pairingRule: "cross-department",
        topics: [{ id: "t1", text: "Regex lookarounds in five minutes", teacher: amira.displayName }],
      }),
    ),
    dialog("micro-teach-answers", itemAnswerDialogCard(teaching, "teach-question")),
    message(
      "ama-ask-ahead",
      askAheadCard({
        title: "AMA: our data platform",
        startsAt: "2026-12-05T15:00:00.000Z",
        expert: amira,
        link: "https://teams.microsoft.com/l/entity/app/calendar",
        ...target,
      }),
    ),
    dialog("ama-ask-ahead-dialog", askAheadDialogCard(target)),
  ];
}

/** A peer review's own dialogs: set-up with the rubric and the author, feedback per criterion, the author's marks. */
function peerReviewCards(communities: { id: string; name: string }[]): GalleryCard[] {
  const dialog = (name: string, card: AdaptiveCard): GalleryCard => ({ name, card, kind: "dialog" });
  const rubric = ["Is the argument clear?", "Are the numbers sourced?", "What is missing?"];
  const feedback = [
    ["Lead with the ask: the price change is on page 3.", "", "A one-paragraph summary."],
    ["", "Cite the Q3 usage report for the per-query numbers.", "A one-paragraph summary for sales."],
  ].map((texts, i) => ({
    kind: "review-feedback",
    ownerId: people[i + 2]?.id ?? "",
    itemId: `f${i}`,
    text: texts.filter((t) => t !== "").join("\n"),
    criteria: rubric.map((criterion, c) => ({ criterion, text: texts[c] ?? "" })),
    by: people[i + 2] as PersonRef,
    at: `2026-12-04T10:1${i}:00Z`,
    mine: false,
  }));
  const reviewing: ActivityView = {
    ...view(1),
    format: "peer-review",
    formatName: "Peer review",
    prompt: "Our Q1 pricing proposal",
    rubric,
    submissions: feedback,
    roleHolders: { author: amira },
    me: { joined: true, roles: ["author"] },
  };
  return [
    dialog(
      "peer-review-setup-dialog",
      setupDialogCard({
        format: formatOf("peer-review"),
        prompt: "Our Q1 pricing proposal",
        communities,
        communityId: "data-community",
        minutes: {},
        pairingRule: "cross-department",
        rubric: rubric.join("\n"),
        people: people.slice(0, 3),
      }),
    ),
    dialog(
      "peer-review-feedback",
      writingDialogCard({ ...reviewing, me: { joined: true }, submissions: [] }, "review-feedback"),
    ),
    dialog("peer-review-changes", writingDialogCard(reviewing, "changes")),
  ];
}

const outcome = (
  kind: MeetingOutcome["kind"],
  text: string,
  extra: Partial<MeetingOutcome> = {},
): MeetingOutcome =>
  ({
    tenantId: "t",
    conversationId: "c",
    id: `${kind}-${text.length}`,
    kind,
    text,
    capturedBy: amira,
    at: "2026-12-04T10:00:00Z",
    ...extra,
  }) as MeetingOutcome;

/** Every card, by a name that says which one and in which state. */
export function cardGallery(): GalleryCard[] {
  const message = (name: string, card: AdaptiveCard): GalleryCard => ({ name, card, kind: "message" });
  const dialog = (name: string, card: AdaptiveCard): GalleryCard => ({ name, card, kind: "dialog" });
  const communities = [
    { id: "data-community", name: "Data Community" },
    { id: "platform", name: "Platform Engineering Guild" },
  ];
  return [
    message("welcome-team", welcomeCard("team")),
    message("welcome-personal", welcomeCard("personal")),
    message("help", helpCard()),
    message("tps-setup-invitation", setupInvitationCard(PROMPT, formatOf("think-pair-share"))),
    dialog(
      "tps-setup-dialog",
      setupDialogCard({
        format: formatOf("think-pair-share"),
        prompt: PROMPT,
        communities,
        communityId: "data-community",
        minutes: { think: 2, pair: 5, share: 5 },
        pairingRule: "cross-department",
      }),
    ),
    ...cafeCards(communities),
    ...answeredFormatCards(communities),
    ...moduleCards(view(0), summary, communities),
    ...peerReviewCards(communities),
    message("tps-phase-think", phaseCard(view(0), "29:facilitator")),
    message("tps-phase-pair", phaseCard(view(1))),
    message("tps-phase-share", phaseCard(view(2))),
    message("tps-phase-close", phaseCard(view(3))),
    message("tps-personal-not-started-facilitator", personalCard(view(-1, { facilitating: true }))),
    message("tps-personal-think-facilitator", personalCard(view(0, { facilitating: true }))),
    message(
      "tps-personal-think-joined",
      personalCard(view(0, { me: { joined: true } }), new Map(), "You have joined."),
    ),
    message("tps-personal-pair", personalCard(view(1, { me: inPair }), links)),
    message("tps-personal-share-trio", personalCard(view(2, { me: inTrio }), links)),
    message(
      "tps-personal-share-facilitator-paused",
      personalCard(view(2, { facilitating: true, status: "paused", me: inPair }), links),
    ),
    message("tps-personal-close", personalCard(view(3, { me: inPair }))),
    dialog("tps-controls", controlDialogCard(view(1, { facilitating: true }), "Done.")),
    dialog("tps-reflection", reflectionDialogCard(view(0))),
    dialog("tps-share", shareDialogCard(view(2, { me: inTrio }))),
    dialog(
      "tps-share-conflict",
      shareConflictCard(view(2, { me: inPair }), {
        message: `${bastian.displayName} saved meanwhile: both texts are below.`,
        current: { text: "Freeze earlier.", etag: "e2", editedBy: bastian },
        yours: "Write the checklist before the freeze.",
        merged: "Freeze earlier.\n\nWrite the checklist before the freeze.",
      }),
    ),
    dialog("tps-partner-trio", partnerDialogCard(view(1, { me: inTrio }), links)),
    dialog("tps-commitment", commitmentDialogCard(view(3))),
    ...pairListCards(view(1), groups, new Map([[amira.id, "29:amira"]])).map((card, i) =>
      message(`tps-pairs-${i + 1}`, card),
    ),
    message(
      "tps-summary-meeting-chat",
      summaryCard(summary, {
        libraryUrl: "https://teams.microsoft.com/l/entity/app/data-community",
        communityName: "Data Community",
        inviteCommitments: true,
      }),
    ),
    message(
      "cafe-summary-meeting-chat",
      summaryCard(cafeSummary, {
        libraryUrl: "https://teams.microsoft.com/l/entity/app/data-community",
        communityName: "Data Community",
        inviteCommitments: true,
        format: formatOf("knowledge-cafe"),
      }),
    ),
    message(
      "tps-summary-channel",
      summaryCard(summary, {
        libraryUrl: "https://teams.microsoft.com/l/entity/app/data-community",
        communityName: "Data Community",
      }),
    ),
    message(
      "commitment-check-in",
      sessionCheckInCard("data-community", "Data Community", [
        {
          ownerName: amira.displayName,
          text: "Write the release checklist before the freeze.",
          due: "2026-12-11",
        },
        { ownerName: bastian.displayName, text: "Ask for approvals in parallel." },
        { ownerName: chen.displayName, text: "Pair with someone from Finance on the next data request." },
      ]),
    ),
    message(
      "commitment-due",
      dueCheckInCard({
        id: "c1",
        text: "Write the release checklist before the freeze.",
        due: "2026-12-11",
        partners: [bastian, chen],
      }),
    ),
    dialog(
      "commitment-update-dialog",
      commitmentUpdateDialogCard({
        commitments: [
          { id: "c1", text: "Write the release checklist before the freeze.", due: "2026-12-11", etag: "e1" },
          { id: "c2", text: "Pair with someone from Finance on the next data request.", etag: "e2" },
        ],
        commitmentId: "c1",
        status: "partly",
        note: "Wrote half of it; the approvals part is still open.",
        error: "This commitment was changed elsewhere meanwhile. Reload it and try again.",
      }),
    ),
    message("meeting-start", meetingStartCard("Release retro")),
    message(
      "capture-action-item",
      captureInvitationCard("action", "Chen sends the new checklist to the team"),
    ),
    dialog(
      "outcome-dialog",
      outcomeDialogCard({
        kind: "action",
        text: "Send the new checklist",
        communities,
        communityId: "data-community",
        people: [chen, amira, bastian],
        ownerId: chen.id,
      }),
    ),
    message(
      "meeting-outcomes",
      outcomesCard(
        "Release retro",
        [
          outcome("decision", "We freeze on Wednesdays from now on."),
          outcome("action", "Send the new checklist", { owner: chen, due: "2026-12-11" }),
          outcome("insight", "Parallel approvals halve the wait."),
        ],
        [],
      ),
    ),
    message(
      "meeting-outcomes-200",
      outcomesCard(
        "A very long planning day",
        Array.from({ length: 200 }, (_, i) =>
          outcome(
            "action",
            `${i + 1}. ${"Follow up with the data owners on the retention rules. ".repeat(8)}`,
            {
              id: `a${i}`,
              owner: people[i % people.length] as PersonRef,
              due: "2026-12-11",
            },
          ),
        ),
        [],
      ),
    ),
    message(
      "join-request",
      joinRequestCard({ communityId: "leaders", communityName: "Leaders' circle", requester: amira }),
    ),
    message(
      "join-request-approved",
      joinRequestCard({
        communityId: "leaders",
        communityName: "Leaders' circle",
        requester: amira,
        answered: { by: { id: "steward", displayName: "Chen Wang" }, approved: true },
      }),
    ),
    message(
      "session-reminder",
      reminderCard({
        title: "Data Community monthly",
        format: "think-pair-share",
        startsAt: "2026-12-10T09:00:00Z",
        durationMinutes: 60,
        roles: [{ role: "facilitator", person: amira }],
        joinUrl: "https://teams.microsoft.com/l/meetup-join/x",
        link: "https://teams.microsoft.com/l/entity/app/mylearning",
      }),
    ),
    message(
      "entry",
      entryCard({
        title: "How we cut the release freeze from three days to one",
        type: "lesson",
        tags: ["release", "ci-cd", "checklists"],
        author: amira,
        communityName: "Data Community",
        helpfulCount: 12,
        verified: true,
        preview:
          "We wrote the release checklist down before the freeze, moved approvals into parallel, and let the on-call engineer own the go/no-go.",
        openUrl: "https://teams.microsoft.com/l/entity/app/mylearning",
        sourceUrl: "https://teams.microsoft.com/l/message/19:x/1",
      }),
    ),
    dialog(
      "save-insight-dialog",
      saveInsightDialogCard({
        communities,
        communityId: "data-community",
        type: "insight",
        title: "Parallel approvals halve the wait",
        body: "When approvals run in parallel, the release waits for the slowest approver only.",
        summary: "",
        knownTags: ["release", "ci-cd", "approvals"],
        tags: ["release"],
        newTags: "",
        share: true,
        authorName: chen.displayName,
        postedAt: "2026-12-03T14:02:00Z",
        truncated: false,
      }),
    ),
    message(
      "ask-answer-actions",
      answerActionsCard({
        openUrl: "https://peercircle.example/tab/library/data-community/demo-001",
        target: ASK_TARGET,
      }),
    ),
    message("ask-no-answer", noAnswerCard(ASK_TARGET)),
    message("ask-no-community", noAnswerCard(undefined)),
    message(
      "ask-open-question-posted",
      openQuestionPostedCard({
        communityName: "Data Community",
        title: ASK_TARGET.question,
        openUrl: "https://peercircle.example/tab/library/data-community/ask-1",
        created: true,
        asked: [
          { name: "Dolores Ibáñez", dueAt: "2026-12-08T13:00:00.000Z" },
          { name: "Bastian Schröder-Lindqvist", dueAt: "2026-12-08T18:00:00.000Z" },
        ],
      }),
    ),
    message(
      "ask-routed-to-expert",
      routedQuestionCard({
        communityId: "data-community",
        communityName: "Data Community",
        questionId: "ask-1",
        title: ASK_TARGET.question,
        askerName: "Bastian Schröder-Lindqvist",
        openUrl: "https://peercircle.example/tab/library/data-community/ask-1",
        dueAt: "2026-12-08T13:00:00.000Z",
      }),
    ),
    message(
      "ask-routed-to-expert-de",
      routedQuestionCard({
        communityId: "data-community",
        communityName: "Data Community",
        questionId: "ask-1",
        title: "Wie archivieren wir die Protokolle der Zebra-Pipeline nach einem Jahr?",
        askerName: "Bastian Schröder-Lindqvist",
        openUrl: "https://peercircle.example/tab/library/data-community/ask-1",
        dueAt: "2026-12-08T13:00:00.000Z",
        text: askTextFor("de-DE"),
      }),
    ),
    message(
      "ask-open-question-posted-de",
      openQuestionPostedCard({
        communityName: "Data Community",
        title: "Wie archivieren wir die Protokolle der Zebra-Pipeline nach einem Jahr?",
        openUrl: "https://peercircle.example/tab/library/data-community/ask-1",
        created: true,
        asked: [{ name: "Dolores Ibáñez", dueAt: "2026-12-08T13:00:00.000Z" }],
        text: askTextFor("de-DE"),
      }),
    ),
    message(
      "ask-recognition",
      recognitionCard({
        personName: "Dolores Ibáñez",
        byName: "Bastian Schröder-Lindqvist",
        communityName: "Data Community",
        note: "For three accepted answers on pipeline backfills this month, each with a runnable example.",
      }),
    ),
    dialog(
      "ask-answer-dialog",
      answerDialogCard({ communityId: "data-community", questionId: "ask-1", title: ASK_TARGET.question }),
    ),
  ];
}

/** A question asked in chat, as the asking cards carry it. */
const ASK_TARGET = {
  communityId: "data-community",
  communityName: "Data Community",
  question: "How do we backfill a partitioned table without blocking the nightly load?",
  askedIn: "1700000000000",
};
