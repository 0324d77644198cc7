import { digestId } from "../digestId.js";
import type { PersonRef } from "../identity.js";
import { compareStored } from "../ordering.js";
import type { ProposedPlaybook } from "../playbooks/playbook.js";
import { shorten } from "../textNormalisation.js";
import { type ActivityRecord, type Submission, sameItem } from "./activity.js";
import { type ActivityFormatDefinition, submissionOf } from "./activityFormat.js";
import { groupsOf } from "./activityViews.js";
import { criteriaTextsOf, readableCriteria } from "./rubric.js";

/** A library entry an activity leaves when it closes (the close saves it once, by its id). */
export interface OutcomeEntry {
  /** Stable per activity and source, so a retried close saves nothing twice. */
  id: string;
  author: PersonRef;
  title: string;
  body: string;
  tags: string[];
}

/** People who talked in one group of one round: a learning interaction between them. */
export interface GroupConversation {
  /** Stable per activity and group, so a retried close records it once. */
  id: string;
  members: PersonRef[];
}

/**
 * An item of a kind a role holder answers (a question to the teacher or the expert), as the close
 * saves it: a Q&A entry asked by its writer, with the answer as an answer row crediting the holder.
 * Unanswered ones of a kind that routes them are open questions for the ask-the-community routing.
 */
export interface OutcomeQuestion {
  /** The Q&A entry's id: stable per activity and item, so two closes save it once. */
  id: string;
  asker: PersonRef;
  title: string;
  body: string;
  tags: string[];
  votes: number;
  /** Absent on an unanswered question. */
  answer?: { text: string; by: PersonRef; at: string };
}

/** The teacher of a micro-teach and who learned from them (a "taught" learning fact each). */
export interface Teaching {
  /** Stable per activity, so a retried close records each fact once. */
  id: string;
  teacher: PersonRef;
  learners: PersonRef[];
}

/** What a closed activity leaves in the community: library entries and group conversations. */
export interface ActivityOutcomes {
  entries: OutcomeEntry[];
  conversations: GroupConversation[];
  /** The playbook proposed from promoted items (its steps are entries above), for stewards to publish. */
  playbook?: ProposedPlaybook;
  /** Everyone who took part: each attended a session (a learning fact, network insights). */
  attendees: PersonRef[];
  /** Answered items of kinds a role holder answers: answered Q&A entries. */
  questions?: OutcomeQuestion[];
  /** Their unanswered items of kinds that route them: open questions for the community. */
  unanswered?: OutcomeQuestion[];
  /** The activity's teacher taught everyone else who took part. */
  teaching?: Teaching;
}

/**
 * What an activity leaves behind, from its stored facts and its format (pure): each submission
 * whose kind goes to the library `each` as its own entry, the kinds that go to the `harvest`
 * together as one entry of the whole activity, and every group of every round as a conversation.
 * A confidential format leaves no entry: nothing leaves it unless its author publishes it.
 */
export function activityOutcomesOf(
  record: ActivityRecord,
  format: ActivityFormatDefinition,
): ActivityOutcomes {
  const { activity } = record;
  const names = new Map(record.participants.map((p) => [p.userId, p.displayName]));
  names.set(activity.facilitator.id, activity.facilitator.displayName);
  const person = (id: string): PersonRef => ({ id, displayName: names.get(id) ?? "Someone" });
  const prefix = idPrefixOf(format, activity.id);
  const rounds = record.groupings.map((g) => ({ round: g.round, groups: groupsOf(record, g.round) }));
  const membersOf = (groupId: string): PersonRef[] =>
    rounds
      .flatMap((r) => r.groups)
      .find((g) => g.id === groupId)
      ?.members.map(person) ?? [];
  const writersOf = (s: Submission) => (s.scope === "group" ? membersOf(s.ownerId) : [s.createdBy]);
  const conversations = rounds.flatMap(({ groups }) =>
    groups
      .filter((g) => g.members.length >= 2)
      .map((g) => ({ id: `${prefix}-${g.id}`, members: g.members.map(person) })),
  );
  const attendees = record.participants.map((p) => person(p.userId));
  // Confidential: not even who met whom, or who came, leaves the activity (no learning facts, no insights).
  if (format.confidential) return { entries: [], conversations: [], attendees: [] };

  // A kind written per criterion leaves the activity as readable text ("Criterion: text" a line).
  const kept = record.submissions
    .filter((s) => submissionOf(format, s.kind)?.library !== undefined)
    .map((s) =>
      submissionOf(format, s.kind)?.perCriterion
        ? { ...s, text: readableCriteria(s.text, activity.rubric ?? []) }
        : s,
    );
  const entries: OutcomeEntry[] = kept
    .filter((s) => submissionOf(format, s.kind)?.library === "each")
    .sort((a, b) => compareStored(a.at, b.at))
    .map((s) => {
      const writers = writersOf(s);
      const names = writers.map((w) => w.displayName).join(" & ") || s.editedBy.displayName;
      return {
        id: `${prefix}-${entryKeyOf(format, s)}`,
        author: writers[0] ?? s.editedBy,
        title: `Insight: ${shorten(oneLine(s.text), 150)}`,
        body: `${s.text}\n\n*Shared by ${names} in a ${format.name.toLowerCase()} on: ${activity.prompt}*`,
        tags: [format.id],
      };
    });
  // Promoted items (a case round's best heuristics): an entry each, and a proposed playbook of them.
  const allPromoted = record.submissions
    .filter(
      (s) =>
        submissionOf(format, s.kind)?.promote === "playbook" && record.promotions.some((p) => sameItem(s, p)),
    )
    .sort((a, b) => compareStored(a.at, b.at));
  const promoted = allPromoted.filter((s) => !submissionOf(format, s.kind)?.perCriterion);
  const promotedEntries = promoted.map((s) => {
    const definition = submissionOf(format, s.kind);
    const noun = definition?.noun ?? s.kind;
    return {
      id: `${prefix}-${entryKeyOf(format, s)}`,
      author: s.createdBy,
      title: `${noun.charAt(0).toUpperCase()}${noun.slice(1)}: ${shorten(oneLine(s.text), 140)}`,
      body: `${s.text}\n\n*From a ${format.name.toLowerCase()} on: ${activity.prompt}*`,
      tags: [format.id],
    };
  });
  // Promoted items written per criterion (a peer review's best feedback): the rubric, a step per
  // criterion with those items' words on it as examples — without names or ids.
  promotedEntries.push(
    ...rubricEntriesOf(
      format,
      activity,
      prefix,
      allPromoted.filter((s) => submissionOf(format, s.kind)?.perCriterion),
    ),
  );
  entries.push(...promotedEntries);
  const playbook: ProposedPlaybook | undefined =
    promotedEntries.length > 0
      ? {
          id: `${prefix}-playbook`,
          title: shorten(`${format.name}: ${oneLine(activity.prompt)}`, 150),
          description: `Proposed by a ${format.name.toLowerCase()} on: ${activity.prompt}`,
          entryIds: promotedEntries.map((e) => e.id),
          activityId: activity.id,
          ...(activity.sessionId ? { sessionId: activity.sessionId } : {}),
        }
      : undefined;
  const harvested = kept.filter((s) => submissionOf(format, s.kind)?.library === "harvest");
  if (harvested.length > 0)
    entries.push({
      id: `${prefix}-harvest`,
      author: activity.facilitator,
      title: `${format.name}: ${shorten(oneLine(activity.prompt), 140)}`,
      body: harvestBody(format, activity.prompt, harvested, writersOf),
      tags: [format.id],
    });
  const { questions, unanswered } = questionsOf(record, format, prefix);
  const teacher = activity.roleHolders?.teacher;
  const learners = attendees.filter((a) => a.id !== teacher?.id);
  return {
    entries,
    conversations,
    attendees,
    ...(playbook ? { playbook } : {}),
    ...(questions.length > 0 ? { questions } : {}),
    ...(unanswered.length > 0 ? { unanswered } : {}),
    ...(teacher && learners.length > 0 ? { teaching: { id: `${prefix}-taught`, teacher, learners } } : {}),
  };
}

/**
 * The rubric as library entries, one per criterion in its order, each with the promoted items'
 * texts on it as anonymised examples: no writer's name or id, and a de-identified author (the
 * activity's format), as a published lesson has. None when nothing was promoted.
 */
function rubricEntriesOf(
  format: ActivityFormatDefinition,
  activity: ActivityRecord["activity"],
  prefix: string,
  promoted: readonly Submission[],
): OutcomeEntry[] {
  const rubric = activity.rubric ?? [];
  if (promoted.length === 0 || rubric.length === 0) return [];
  const examples = promoted.map((s) => criteriaTextsOf(s.text, rubric));
  const what = format.name.toLowerCase();
  return rubric.map((criterion, i) => {
    const said = examples.map((texts) => texts[i] ?? "").filter((t) => t !== "");
    const list = said.length > 0 ? said.map((t) => `- ${oneLine(t)}`).join("\n") : "- (no example yet)";
    return {
      id: `${prefix}-criterion-${i + 1}`,
      author: { id: `${prefix}-rubric`, displayName: `A ${what}` },
      title: `Criterion ${i + 1}: ${shorten(oneLine(criterion), 130)}`,
      body: `**${criterion}**\n\nExamples of feedback on it:\n\n${list}\n\n*From the rubric of a ${what} on: ${activity.prompt}. The examples carry no names.*`,
      tags: [format.id, "rubric"],
    };
  });
}

/** The items of kinds a role holder answers, most voted first: answered, and unanswered to route. */
function questionsOf(record: ActivityRecord, format: ActivityFormatDefinition, prefix: string) {
  const { activity } = record;
  const questions: OutcomeQuestion[] = [];
  const unanswered: OutcomeQuestion[] = [];
  for (const s of record.submissions) {
    const definition = submissionOf(format, s.kind);
    if (!definition?.answeredBy || !s.itemId) continue;
    const answer = record.answers.find((a) => sameItem(s, a));
    if (!answer && !definition.routeUnanswered) continue;
    const question: OutcomeQuestion = {
      id: `${prefix}-${entryKeyOf(format, s)}`,
      asker: s.createdBy,
      title: shorten(oneLine(s.text), 150),
      body: `${s.text}\n\n*Asked in a ${format.name.toLowerCase()} on: ${activity.prompt}*`,
      tags: [format.id],
      votes: record.votes.filter((v) => sameItem(s, v)).length,
      ...(answer ? { answer: { text: answer.text, by: answer.by, at: answer.at } } : {}),
    };
    (answer ? questions : unanswered).push(question);
  }
  const order = (a: OutcomeQuestion, b: OutcomeQuestion) => b.votes - a.votes || compareStored(a.id, b.id);
  return { questions: questions.sort(order), unanswered: unanswered.sort(order) };
}

/** Think-pair-share's entries and interactions keep the ids they always had (`tps-…`). */
function idPrefixOf(format: ActivityFormatDefinition, activityId: string): string {
  return format.id === "think-pair-share" ? `tps-${activityId}` : `${format.id}-${activityId}`;
}

/**
 * An entry's key within its activity: an item by its own id (unique in the activity, and short:
 * entry ids stay under 100 characters), a person's or group's text by its owner.
 */
function entryKeyOf(format: ActivityFormatDefinition, s: Submission): string {
  if (format.id === "think-pair-share" && s.kind === "share") return s.ownerId;
  return s.itemId ? `${s.kind}-${s.itemId}` : `${s.kind}-${s.ownerId}`;
}

/**
 * The harvest as one entry: the question, then each harvested kind under its own heading in the
 * order the format declares them, each item with who wrote it (a group's text with the group).
 */
function harvestBody(
  format: ActivityFormatDefinition,
  prompt: string,
  harvested: Submission[],
  writersOf: (s: Submission) => PersonRef[],
): string {
  const sections = Object.entries(format.submissions)
    .filter(([kind, d]) => d.library === "harvest" && harvested.some((s) => s.kind === kind))
    .map(([kind, definition]) => {
      const items = harvested
        .filter((s) => s.kind === kind)
        .sort((a, b) => compareStored(a.at, b.at))
        .map((s) => {
          const by = writersOf(s)
            .map((w) => w.displayName)
            .join(", ");
          return `- ${oneLine(s.text)}${by ? ` *(${by})*` : ""}`;
        });
      const heading = `${definition.noun.charAt(0).toUpperCase()}${definition.noun.slice(1)}`;
      return `## ${heading}\n\n${items.join("\n")}`;
    });
  return `**${prompt}**\n\n${sections.join("\n\n")}\n\n*Harvested together in a ${format.name}.*`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * A lesson its author publishes from a confidential activity: de-identified — neither the
 * author's name nor their id, no circle, no names from the activity — with an id derived from
 * the activity, kind and author, so publishing twice saves one entry. Readers see "a mastermind
 * circle member"; to take it back, the author asks a steward (a removal request), as for any entry.
 */
export async function publishedLessonOf(
  record: ActivityRecord,
  format: ActivityFormatDefinition,
  lesson: Submission,
): Promise<OutcomeEntry> {
  const pseudonym = await digestId(
    `${record.activity.tenantId}\n${record.activity.id}\n${lesson.kind}\n${lesson.ownerId}`,
    12,
  );
  const text = lesson.text.trim();
  return {
    id: `${format.id}-lesson-${pseudonym}`,
    author: { id: `deidentified-${pseudonym}`, displayName: `A ${format.name.toLowerCase()} member` },
    title: `Lesson: ${shorten(oneLine(text), 150)}`,
    body: `${text}\n\n*A lesson from a ${format.name.toLowerCase()}, published by the person it belongs to.*`,
    tags: [format.id],
  };
}
