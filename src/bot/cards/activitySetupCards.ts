import type { PairingRule } from "../../domain/activities/activity.js";
import {
  type ActivityFormatDefinition,
  HELD_ROLES,
  type HeldRole,
} from "../../domain/activities/activityFormat.js";
import { ACTIVITY_FORMAT_IDS, formatOf } from "../../domain/activities/activityFormats.js";
import { ACTIVITY_VERBS } from "../wireNames.js";
import { type AdaptiveCard, adaptiveCard, heading, paragraph } from "./adaptiveCard.js";
import { cardText, shorten } from "./cardText.js";

/**
 * Setting an activity up from the meeting chat, for every format the engine runs: the chat
 * command's card with one button, and the set-up dialog built from the chosen format's definition
 * (its phases, each with its minutes within the definition's bounds). Dialogs work on every
 * client, mobile too.
 */

const PAIRING_LABELS: Record<PairingRule, string> = {
  "cross-department": "Across departments",
  random: "Random",
  "same-role": "Same role",
};

/** Phase minutes side by side: three short titles fit a 360 px dialog, longer ones two. */
const LONG_TITLE = 10;

export interface SetupForm {
  /** The format the form shows the phases of. */
  format: ActivityFormatDefinition;
  prompt: string;
  communities: { id: string; name: string }[];
  communityId: string;
  /** Minutes by phase id, as typed; the format's defaults fill the rest. */
  minutes: Record<string, number>;
  pairingRule: PairingRule;
  /** What went wrong (shown first, in the colour of an error). */
  error?: string;
  /** What to check (the phases of a format just chosen). */
  notice?: string;
  /** The chat's people (its roster), to pick the teacher or expert from. */
  people?: { id: string; displayName: string }[];
  /** The community's micro-teach topics, for a format with a teacher (its teacher teaches). */
  topics?: { id: string; text: string; teacher: string }[];
  topicId?: string;
  /** The community's modules, for a format whose phases come from one (`phasesFrom`). */
  modules?: { id: string; title: string; totalMinutes: number; sections: number }[];
  moduleId?: string;
  /** A format written per criterion: its rubric as shown (typed, else the community's). */
  rubric?: string;
}

/** How the set-up dialog names each role held for the whole activity, and its default. */
const HOLDER_LABELS = {
  teacher: "Teacher (optional: else the topic's, the rota's, or you)",
  expert: "Expert (optional: else the rota's on-call expert, or you)",
  author: "Author (optional: who shares the draft; else you)",
  narrator: "Narrator (optional: who tells the case; else you)",
} as const satisfies Record<HeldRole, string>;

/** The reply to the chat command: one button that opens the set-up dialog. */
export function setupInvitationCard(prompt: string, format: ActivityFormatDefinition): AdaptiveCard {
  const article = /^[aeiou]/i.test(format.name) ? "an" : "a";
  const what = `${article} ${format.name}`;
  return adaptiveCard(
    [
      heading(format.name),
      paragraph(
        prompt
          ? `Set up ${what} on “${cardText(shorten(prompt, 300))}”.`
          : `Set up ${what} for this meeting.`,
      ),
    ],
    [
      {
        type: "Action.Submit",
        title: "Set up",
        data: { msteams: { type: "task/fetch" }, verb: ACTIVITY_VERBS.setup, prompt, format: format.id },
      },
    ],
  );
}

/** The label of a phase's minutes: its title, and how to leave an optional one out. */
const minutesLabel = (phase: ActivityFormatDefinition["phases"][number]) =>
  `${phase.title} (min${phase.optional ? "; 0 skips it" : ""})`;

/** A format whose phases come from a module: the community's modules to pick from (its sections are the phases). */
function moduleChoice(form: SetupForm): Record<string, unknown> {
  const modules = form.modules ?? [];
  if (modules.length === 0)
    return paragraph(
      "The community has no modules yet: a steward writes or imports one on the Modules page of its PeerCircle tab.",
      { color: "Attention" },
    );
  return {
    type: "Input.ChoiceSet",
    id: "moduleId",
    label: "Module (its sections are the phases)",
    value: form.moduleId ?? modules[0]?.id ?? "",
    isRequired: true,
    errorMessage: "Pick a module.",
    choices: modules.map((m) => ({
      title: shorten(`${m.title} · ${m.sections} sections, ${m.totalMinutes} min`, 120),
      value: m.id,
    })),
  };
}

/** The facilitator's set-up dialog for one format: the format, the prompt, each phase's minutes. */
export function setupDialogCard(form: SetupForm): AdaptiveCard {
  const { format } = form;
  const number = (phase: ActivityFormatDefinition["phases"][number]) => {
    const min = phase.optional ? 0 : phase.minMinutes;
    return {
      type: "Input.Number",
      id: phase.id,
      label: minutesLabel(phase),
      value: form.minutes[phase.id] ?? phase.defaultMinutes,
      min,
      max: phase.maxMinutes,
      isRequired: true,
      errorMessage: `Between ${min} and ${phase.maxMinutes} minutes.`,
    };
  };
  const perRow = format.phases.some((p) => p.title.length > LONG_TITLE) ? 2 : 3;
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < format.phases.length; i += perRow)
    rows.push({
      type: "ColumnSet",
      columns: format.phases
        .slice(i, i + perRow)
        .map((phase) => ({ type: "Column", items: [number(phase)] })),
    });
  const groupings = format.phases.flatMap((p) =>
    p.grouping && p.grouping.kind !== "none" ? [p.grouping] : [],
  );
  return adaptiveCard(
    [
      heading(`Set up ${format.name}`),
      ...(form.error ? [paragraph(cardText(form.error), { color: "Attention", weight: "Bolder" })] : []),
      ...(form.notice ? [paragraph(cardText(form.notice), { color: "Accent", weight: "Bolder" })] : []),
      {
        type: "Input.ChoiceSet",
        id: "format",
        label: "Format",
        value: format.id,
        isRequired: true,
        errorMessage: "Pick a format.",
        choices: ACTIVITY_FORMAT_IDS.map((id) => ({ title: formatOf(id).name, value: id })),
      },
      {
        type: "Input.Text",
        id: "prompt",
        label: "Prompt",
        isMultiline: true,
        value: form.prompt,
        maxLength: 1000,
        isRequired: true,
        errorMessage: "Write a prompt for people to think about.",
        placeholder: "What is one thing that slows your team down?",
      },
      ...(form.topics && form.topics.length > 0 && format.roles.includes("teacher")
        ? [
            {
              type: "Input.ChoiceSet",
              id: "topicId",
              label: "Topic from the queue (optional)",
              value: form.topicId ?? "",
              choices: form.topics.map((t) => ({
                title: shorten(`${t.text} · ${t.teacher}`, 120),
                value: t.id,
              })),
            },
          ]
        : []),
      // A format written per criterion follows a rubric: the community's, or one typed here.
      ...(Object.values(format.submissions).some((d) => d.perCriterion)
        ? [
            {
              type: "Input.Text",
              id: "rubric",
              label: "Rubric: one criterion a line (reviewers write on each)",
              isMultiline: true,
              value: form.rubric ?? "",
              maxLength: 2000,
            },
          ]
        : []),
      // One of the chat's people holds each role (the roster, as the action item's owner picker).
      ...HELD_ROLES.filter((role) => format.roles.includes(role) && (form.people?.length ?? 0) > 0).map(
        (role) => ({
          type: "Input.ChoiceSet",
          id: `holder-${role}`,
          label: HOLDER_LABELS[role],
          choices: (form.people ?? []).map((p) => ({ title: shorten(p.displayName, 80), value: p.id })),
        }),
      ),
      ...(format.phasesFrom ? [moduleChoice(form)] : rows),
      ...(groupings.length > 0
        ? [
            {
              type: "Input.ChoiceSet",
              id: "pairingRule",
              label: groupings.every((g) => g.kind === "pairs") ? "Pairing" : "Grouping",
              value: form.pairingRule,
              choices: Object.entries(PAIRING_LABELS).map(([value, title]) => ({ title, value })),
            },
          ]
        : []),
      {
        type: "Input.ChoiceSet",
        id: "communityId",
        label: format.confidential ? "Community it runs in" : "Community to save insights to",
        value: form.communityId,
        isRequired: true,
        errorMessage: "Pick a community.",
        choices: form.communities.map((c) => ({ title: c.name, value: c.id })),
      },
    ],
    [
      {
        type: "Action.Submit",
        title: "Start",
        style: "positive",
        // The format whose phases the form shows: another one chosen meanwhile is shown first.
        data: { verb: ACTIVITY_VERBS.create, shownFormat: format.id },
      },
      // Adaptive Cards cannot change fields as a choice changes: this shows the chosen format's phases.
      { type: "Action.Submit", title: "Show its phases", data: { verb: ACTIVITY_VERBS.setupFormat } },
    ],
  );
}
