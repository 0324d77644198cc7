import type { HeldRole, SubmissionDefinition, SubmissionVisibility } from "../activities/activityFormat.js";

/**
 * The kinds of submission several formats share, so a format's file names only what is its own
 * (the noun, who reads it, anything extra spread after).
 */

/** A person's commitment: a copy goes to their My learning and it is followed up like any other. */
export const commitmentKind = (
  noun: string,
  visibility: SubmissionVisibility,
  maxLength = 500,
): SubmissionDefinition => ({
  scope: "person",
  visibility,
  noun,
  maxLength,
  myLearning: true,
  commitment: true,
});

/** A group's shared notes (a café table's, a module group's): one per group, written by any member. */
export const groupNotesKind = (noun: string, visibility: SubmissionVisibility): SubmissionDefinition => ({
  scope: "group",
  visibility,
  noun,
  plural: noun,
  maxLength: 4000,
});

/** Questions everyone sees and votes for, answered one by one by the holder of a role (teacher, expert). */
export const answeredQuestionKind = (answeredBy: HeldRole): SubmissionDefinition => ({
  scope: "item",
  visibility: "everyone",
  noun: "question",
  maxLength: 500,
  votable: true,
  answeredBy,
});
