import { activityPhase, defineFormat, phase } from "./formatDefinition.js";

/**
 * Peer review: a member (the author) shares a draft — a link or the text — to be reviewed against
 * a rubric (the steward's, or one given at set-up); reviewers sit in groups that mix departments
 * and write feedback criterion by criterion; the author marks what they will change, which becomes
 * their commitment, checked in on like any other. The facilitator promotes the most useful
 * feedback: at the close the rubric, with those words as examples and no names, is proposed as a
 * playbook for a steward to publish.
 */
export const peerReview = defineFormat("peer-review", "Peer review", {
  calendar: {
    roles: ["facilitator", "observer"],
    phases: [
      phase("present", "Present the work", 10),
      phase("review", "Review in turns", 25),
      phase("next-steps", "Next steps", 10),
    ],
    groupSize: { min: 2, max: 4 },
  },
  activity: {
    roles: ["facilitator", "participant", "author"],
    phases: [
      activityPhase("draft", "The draft", {
        instruction:
          "The author shares the draft, a link or the text, and says what feedback would help most.",
        minutes: { min: 2, default: 5, max: 15 },
        accepts: ["draft"],
      }),
      activityPhase("review", "Review", {
        instruction:
          "Review the draft with your group, people from other departments: write your feedback on each criterion of the rubric.",
        minutes: { min: 5, default: 20, max: 40 },
        accepts: ["review-feedback"],
        grouping: { kind: "acrossDepartments", size: 3, without: ["author"] },
      }),
      activityPhase("respond", "What I will change", {
        instruction:
          "The author marks the feedback they will act on. The facilitator promotes the most useful feedback into a playbook.",
        minutes: { min: 3, default: 10, max: 20 },
        accepts: ["changes"],
      }),
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
  },
});
