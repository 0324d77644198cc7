import { type FormatDefinition, phase } from "./formatDefinition.js";

/**
 * Peer review: a member (the author) shares a draft — a link or the text — to be reviewed against
 * a rubric (the steward's, or one given at set-up); reviewers sit in groups that mix departments
 * and write feedback criterion by criterion; the author marks what they will change, which becomes
 * their commitment, checked in on like any other. The facilitator promotes the most useful
 * feedback: at the close the rubric, with those words as examples and no names, is proposed as a
 * playbook for a steward to publish.
 */
export const peerReview = {
  id: "peer-review",
  name: "Peer review",
  calendar: {
    durationMinutes: 45,
    roles: ["facilitator", "observer"],
    phases: [
      phase("present", "Present the work", 10),
      phase("review", "Review in turns", 25),
      phase("next-steps", "Next steps", 10),
    ],
    groupSize: { min: 2, max: 4 },
  },
  activity: {
    id: "peer-review",
    name: "Peer review",
    roles: ["facilitator", "participant", "author"],
    phases: [
      {
        id: "draft",
        title: "The draft",
        instruction:
          "The author shares the draft, a link or the text, and says what feedback would help most.",
        defaultMinutes: 5,
        minMinutes: 2,
        maxMinutes: 15,
        accepts: ["draft"],
      },
      {
        id: "review",
        title: "Review",
        instruction:
          "Review the draft with your group, people from other departments: write your feedback on each criterion of the rubric.",
        defaultMinutes: 20,
        minMinutes: 5,
        maxMinutes: 40,
        accepts: ["review-feedback"],
        grouping: { kind: "acrossDepartments", size: 3, without: ["author"] },
      },
      {
        id: "respond",
        title: "What I will change",
        instruction:
          "The author marks the feedback they will act on. The facilitator promotes the most useful feedback into a playbook.",
        defaultMinutes: 10,
        minMinutes: 3,
        maxMinutes: 20,
        accepts: ["changes"],
      },
    ],
    submissions: {
      draft: {
        scope: "person",
        visibility: "everyone",
        noun: "draft",
        maxLength: 8000,
        writers: ["author"],
      },
      "review-feedback": {
        scope: "item",
        visibility: "everyone",
        noun: "feedback",
        plural: "feedback",
        maxLength: 1000,
        perCriterion: true,
        notBy: "author",
        promote: "playbook",
      },
      changes: {
        scope: "person",
        visibility: "everyone",
        noun: "change I will make",
        plural: "changes I will make",
        maxLength: 1000,
        perCriterion: true,
        writers: ["author"],
        commitment: true,
        adopts: "review-feedback",
      },
    },
    acceptsAfterEnd: ["changes"],
    confidential: false,
  },
} satisfies FormatDefinition;
