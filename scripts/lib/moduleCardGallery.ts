import { phaseCard } from "../../src/bot/cards/activityCards.js";
import { setupDialogCard } from "../../src/bot/cards/activitySetupCards.js";
import { summaryCard } from "../../src/bot/cards/activitySummaryCard.js";
import type { AdaptiveCard } from "../../src/bot/cards/adaptiveCard.js";
import { writingDialogCard } from "../../src/bot/cards/submissionDialogCards.js";
import { formatOf, planFromSections } from "../../src/domain/activities/activityFormats.js";
import type { ActivitySummary, ActivityView } from "../../src/domain/activities/activityViews.js";
import { parseModule } from "../../src/domain/activities/modules/moduleMarkdown.js";

/** A gallery card: its name, the card, and whether Teams shows it as a message or in a dialog. */
interface GalleryCard {
  name: string;
  card: AdaptiveCard;
  kind: "message" | "dialog";
}

const MODULE = `# Leading through change

## Read (15 min)
Read the case of a team moving to a new **release process**: what changed for whom, and when.

## Exchange in groups (45 min)
Share your stories. What did the managers do that helped, and what did not?

## Actions (15 min)
One thing you will do differently with your team.
`;

/**
 * The CoachingOurselves module's cards: the set-up dialog with the community's modules, a section's
 * phase card with its text, the action and rating dialogs, and the summary inviting the rating.
 */
export function moduleCards(
  base: ActivityView,
  summary: ActivitySummary,
  communities: { id: string; name: string }[],
): GalleryCard[] {
  const format = formatOf("coaching-ourselves");
  const parsed = parseModule(MODULE);
  const plan = planFromSections(format, parsed.sections);
  const phases = plan.map((p) => ({ ...p, title: p.title ?? p.id, instruction: "" }));
  const at = (phaseIndex: number, status: "running" | "ended" = "running"): ActivityView => ({
    ...base,
    format: "coaching-ourselves",
    formatName: format.name,
    prompt: parsed.title,
    phases: phases.map((p) => ({
      ...p,
      instruction: format.phases.find((r) => r.id === p.rule)?.instruction ?? "",
    })),
    module: { id: "m1", title: parsed.title },
    state: {
      ...base.state,
      status,
      phaseIndex: status === "ended" ? phases.length : phaseIndex,
      reachedPhaseIndex: phaseIndex,
      ...(status === "ended" ? {} : { phaseId: plan[phaseIndex]?.id ?? "" }),
    },
    accepts:
      status === "ended"
        ? [...format.acceptsAfterEnd]
        : [...(format.phases[Math.min(phaseIndex, 2)]?.accepts ?? [])],
    declaredKinds: Object.keys(format.submissions),
    me: { joined: true },
  });
  const message = (name: string, card: AdaptiveCard): GalleryCard => ({ name, card, kind: "message" });
  const dialog = (name: string, card: AdaptiveCard): GalleryCard => ({ name, card, kind: "dialog" });
  return [
    dialog(
      "module-setup-dialog",
      setupDialogCard({
        format,
        prompt: parsed.title,
        communities,
        communityId: communities[0]?.id ?? "",
        minutes: {},
        pairingRule: "cross-department",
        modules: [{ id: "m1", title: parsed.title, totalMinutes: 75, sections: 3 }],
      }),
    ),
    message("module-phase-read", phaseCard(at(0), "29:facilitator")),
    message("module-phase-actions", phaseCard(at(2))),
    dialog("module-action", writingDialogCard(at(2), "action")),
    dialog("module-rating", writingDialogCard(at(2, "ended"), "usefulness")),
    message(
      "module-summary-meeting-chat",
      summaryCard(
        {
          ...summary,
          formatName: format.name,
          prompt: parsed.title,
          declaredKinds: Object.keys(format.submissions),
          counts: [
            { kind: "module-notes", plural: "group notes", count: 3 },
            { kind: "action", plural: "actions", count: 14 },
          ],
        },
        { communityName: "Data Community", inviteCommitments: true, format },
      ),
    ),
  ];
}
