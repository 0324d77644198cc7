import type { SubmissionDefinition } from "../../domain/activities/activityFormat.js";
import type { ActivityView, SubmissionView } from "../../domain/activities/activityViews.js";
import { ACTIVITY_VERBS } from "../wireNames.js";
import { type AdaptiveCard, adaptiveCard, heading, paragraph } from "./adaptiveCard.js";
import { cardText, shorten } from "./cardText.js";
import { type EditConflict, editConflictCard } from "./editConflictCard.js";
import { formatDefinitionOf } from "./phaseActions.js";

/**
 * The dialog of each of a format's own kinds, built from its definition: a person's own text
 * (edited under its ETag), a group's shared text (the version edited travels with it, so a change
 * another member made meanwhile comes back with both texts), or one item added (a theme, a
 * question). Pure builders; the handlers are in bot/meetings/activityDialogs.ts.
 */

/** Items listed above the add box, so people see what is there already (the rest are counted). */
const LISTED_ITEMS = 10;

/** A kind of the activity's format with how people name it; undefined when the format has none. */
export function kindOf(view: Pick<ActivityView, "format">, kind: string): SubmissionDefinition | undefined {
  const format = formatDefinitionOf(view.format);
  return Object.hasOwn(format.submissions, kind) ? format.submissions[kind] : undefined;
}

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
/** Nouns English does not count ("add feedback", not "add a feedback"). */
const MASS_NOUNS = new Set(["feedback", "advice", "evidence", "guidance", "information", "knowledge"]);
const withArticle = (noun: string) =>
  MASS_NOUNS.has(noun) ? noun : `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;

/** The dialog's title: my reflection-like text, our group's, or one more item. */
export function writingTitle(definition: SubmissionDefinition): string {
  if (definition.scope === "group") return `Our ${definition.noun}`;
  if (definition.scope === "item") return `Add ${withArticle(definition.noun)}`;
  return `My ${definition.noun}`;
}

/** The button that opens the dialog (short: three share a 280 px meeting chat). */
export function writingButtonTitle(definition: SubmissionDefinition, hasOwn: boolean): string {
  if (definition.scope === "item") return `Add ${definition.noun}`;
  if (definition.scope === "person" && hasOwn) return `Edit ${definition.noun}`;
  return capitalised(definition.noun);
}

/** Who reads it, in the words of its visibility. */
function readersOf(definition: SubmissionDefinition): string {
  if (definition.scope === "group") {
    const who =
      definition.visibility === "everyone"
        ? "Everyone in the activity sees it."
        : definition.visibility === "facilitator"
          ? "Your group and the facilitator see it."
          : "Only your group sees it.";
    return `One for your whole group: anyone in it can write and edit it. ${who}`;
  }
  switch (definition.visibility) {
    case "writer":
      return "Only you will ever see this.";
    case "group":
      return "Your group sees it.";
    case "facilitator":
      return "You and the facilitator see it.";
    case "everyone":
      return "Everyone in the activity sees it.";
  }
}

/** Where it goes beyond the activity. */
function afterwardsOf(definition: SubmissionDefinition, confidential: boolean): string[] {
  const lines: string[] = [];
  if (definition.myLearning) lines.push("It also goes to your My learning.");
  if (definition.commitment) lines.push("It is followed up at the community's next session.");
  if (confidential) lines.push("Nothing leaves this activity unless you choose to publish it.");
  return lines;
}

/** The caller's own text of a person's or their current group's kind (with its ETag). */
export function ownWriting(view: ActivityView, kind: string): SubmissionView | undefined {
  const definition = kindOf(view, kind);
  if (!definition || definition.scope === "item") return undefined;
  return view.submissions.find(
    // A group's text: the current group's (earlier rounds' tables were theirs too).
    (s) => s.kind === kind && s.mine && (definition.scope !== "group" || s.ownerId === view.me.group?.id),
  );
}

/** The dialog for one kind: the text box (with what is saved), or the add box with what is there. */
export function writingDialogCard(
  view: ActivityView,
  kind: string,
  form: { text?: string; criteria?: string[]; error?: string } = {},
): AdaptiveCard {
  const definition = kindOf(view, kind);
  if (!definition) throw new Error(`${view.formatName} has no "${kind}"`);
  const own = ownWriting(view, kind);
  const intro = [`**Prompt:** ${cardText(view.prompt)}`, readersOf(definition)];
  if (definition.scope === "group" && own)
    intro.push(`Last saved by ${cardText(own.by.displayName)}. Your edit replaces it for your group.`);
  intro.push(...afterwardsOf(definition, formatDefinitionOf(view.format).confidential));
  const items =
    definition.scope === "item" ? view.submissions.filter((s) => s.kind === kind).slice(-LISTED_ITEMS) : [];
  const more =
    definition.scope === "item" ? view.submissions.filter((s) => s.kind === kind).length - items.length : 0;
  return adaptiveCard(
    [
      heading(writingTitle(definition)),
      ...(form.error ? [paragraph(cardText(form.error), { color: "Attention", weight: "Bolder" })] : []),
      ...intro.map((line) => paragraph(line)),
      ...(items.length > 0
        ? [
            paragraph(`**${capitalised(definition.plural ?? `${definition.noun}s`)} so far**`, {
              spacing: "Medium",
            }),
            // One line each (a markdown list's indent runs past a narrow dialog).
            ...items.map((s) =>
              paragraph(`• ${cardText(shorten(s.text, 200))}`, { spacing: "None", size: "Small" }),
            ),
            ...(more > 0
              ? [paragraph(`…and ${more} more`, { spacing: "None", size: "Small", isSubtle: true })]
              : []),
          ]
        : []),
      ...(definition.perCriterion && view.rubric
        ? criteriaInputs(view, kind, definition, form.criteria)
        : [
            definition.rating
              ? ratingInput(definition, form.text ?? own?.text)
              : {
                  type: "Input.Text",
                  id: "text",
                  label: capitalised(definition.noun),
                  isMultiline: true,
                  value: form.text ?? own?.text ?? "",
                  maxLength: definition.maxLength,
                  isRequired: true,
                  errorMessage: "Write something first.",
                },
          ]),
    ],
    [
      {
        type: "Action.Submit",
        title: definition.scope === "item" ? "Add" : "Save",
        style: "positive",
        data: {
          verb: ACTIVITY_VERBS.saveWriting,
          activityId: view.id,
          kind,
          ...(own?.etag ? { etag: own.etag } : {}),
        },
      },
    ],
  );
}

/** A rating kind's one question: its whole numbers as a choice, the lowest and highest named. */
function ratingInput(definition: SubmissionDefinition, value: string | undefined) {
  const { min, max } = definition.rating ?? { min: 1, max: 5 };
  const label = (n: number) => (n === min ? `${n} (not useful)` : n === max ? `${n} (very useful)` : `${n}`);
  return {
    type: "Input.ChoiceSet",
    id: "text",
    label: capitalised(definition.noun),
    style: "expanded",
    value: value ?? "",
    isRequired: true,
    errorMessage: `Pick ${min} to ${max}.`,
    choices: Array.from({ length: max - min + 1 }, (_, i) => ({
      title: label(min + i),
      value: String(min + i),
    })),
  };
}

/**
 * A kind written per criterion: a box per criterion of the rubric (none required: the server asks
 * for at least one). A kind that adopts another's lists, above each box, that kind's words on the
 * criterion to mark "I will change this" (a multi-select; marked ones join the box's text).
 */
function criteriaInputs(
  view: ActivityView,
  kind: string,
  definition: SubmissionDefinition,
  typed: string[] | undefined,
): Record<string, unknown>[] {
  const own = ownWriting(view, kind);
  const adopted = definition.adopts
    ? view.submissions.filter((s) => s.kind === definition.adopts && s.itemId && s.criteria)
    : [];
  return (view.rubric ?? []).flatMap((criterion, i) => {
    const offered = adopted.filter((s) => (s.criteria?.[i]?.text ?? "") !== "").slice(0, LISTED_ITEMS);
    return [
      ...(offered.length > 0
        ? [
            {
              type: "Input.ChoiceSet",
              id: `adopt-${i}`,
              label: `${criterion} · I will change this`,
              isMultiSelect: true,
              style: "expanded",
              choices: offered.map((s) => ({
                title: shorten(s.criteria?.[i]?.text ?? "", 150),
                value: `${s.ownerId}|${s.itemId}`,
              })),
            },
          ]
        : []),
      {
        type: "Input.Text",
        id: `criterion-${i}`,
        label: offered.length > 0 ? "In my words (optional)" : criterion,
        isMultiline: true,
        value: typed?.[i] ?? own?.criteria?.[i]?.text ?? "",
        maxLength: definition.maxLength,
      },
    ];
  });
}

/**
 * The dialog a kind's button opens for the one who answers it (a micro-teach's teacher, an AMA's
 * expert): the items most voted first, the first unanswered one chosen, and the answer's box.
 */
export function answerDialogCard(
  view: ActivityView,
  kind: string,
  form: { item?: string; text?: string; error?: string } = {},
): AdaptiveCard {
  const definition = kindOf(view, kind);
  if (!definition) throw new Error(`${view.formatName} has no "${kind}"`);
  const items = view.submissions.filter((s) => s.kind === kind && s.itemId);
  const keyOf = (s: SubmissionView) => `${s.ownerId}|${s.itemId}`;
  const open = items.find((s) => !s.answer);
  const chosen = form.item ?? (open ? keyOf(open) : undefined);
  const plural = capitalised(definition.plural ?? `${definition.noun}s`);
  return adaptiveCard(
    [
      heading(`Answer the ${definition.plural ?? `${definition.noun}s`}`),
      ...(form.error ? [paragraph(cardText(form.error), { color: "Attention", weight: "Bolder" })] : []),
      paragraph("Most voted first. Your answer shows under the question, and goes to the library with it."),
      ...(items.length === 0
        ? [paragraph(`No ${definition.plural ?? `${definition.noun}s`} yet.`, { isSubtle: true })]
        : [
            {
              type: "Input.ChoiceSet",
              id: "item",
              label: plural,
              style: "expanded",
              isRequired: true,
              errorMessage: "Pick the question you answer.",
              value: chosen ?? "",
              choices: items.slice(0, 20).map((s) => ({
                title: `${s.answer ? "✓ " : ""}${shorten(s.text, 120)}${s.votes ? ` (${s.votes})` : ""}`,
                value: keyOf(s),
              })),
            },
            {
              type: "Input.Text",
              id: "text",
              label: "Your answer",
              isMultiline: true,
              value: form.text ?? "",
              maxLength: 4000,
              isRequired: true,
              errorMessage: "Write your answer first.",
            },
          ]),
    ],
    items.length === 0
      ? []
      : [
          {
            type: "Action.Submit",
            title: "Answer",
            style: "positive",
            data: { verb: ACTIVITY_VERBS.saveAnswer, activityId: view.id, kind },
          },
        ],
  );
}

/** Another member saved the group's text meanwhile: both texts, the merge in the box, saved on top of theirs. */
export function writingConflictCard(
  view: Pick<ActivityView, "id" | "format" | "formatName">,
  kind: string,
  conflict: EditConflict,
): AdaptiveCard {
  const definition = kindOf(view, kind);
  return editConflictCard(
    definition ? writingTitle(definition) : view.formatName,
    conflict,
    definition?.maxLength ?? 4000,
    { verb: ACTIVITY_VERBS.saveWriting, activityId: view.id, kind },
  );
}

/** What the person reads once it is saved. */
export function savedMessage(definition: SubmissionDefinition, confidential: boolean): string {
  const afterwards = afterwardsOf(definition, confidential).join(" ");
  if (definition.scope === "group")
    return `Saved: your group's ${definition.noun}. Anyone in your group can edit it.`;
  if (definition.scope === "item") return `Added: your ${definition.noun}. ${readersOf(definition)}`;
  return `Your ${definition.noun} is saved. ${readersOf(definition).replace("will ever see this", "will ever see it")}${afterwards ? ` ${afterwards}` : ""}`;
}
