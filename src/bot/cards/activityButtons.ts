import type { ActivityView } from "../../domain/activities/activityViews.js";
import { rolesKeptOut } from "../../domain/activities/grouping/groupingStrategy.js";
import { ACTIVITY_VERBS } from "../wireNames.js";
import {
  beforeFirstGroups,
  formatDefinitionOf,
  formsGroups,
  groupingNow,
  groupingOf,
  isPairs,
  phaseKinds,
} from "./phaseActions.js";
import { writingButtonTitle } from "./submissionDialogCards.js";

/**
 * The buttons of activity cards: dialogs (`Action.Submit` with `msteams.type: task/fetch`, every
 * client, mobile too) and in-place changes (`Action.Execute` with an `Action.Submit` fallback);
 * which of them a phase offers is read from the format's definition (phaseActions.ts).
 */

export const dialogButton = (title: string, verb: string, activityId: string, style?: string) => ({
  type: "Action.Submit",
  title,
  ...(style ? { style } : {}),
  data: { msteams: { type: "task/fetch" }, verb, activityId },
});

export const executeButton = (
  title: string,
  verb: string,
  data: Record<string, unknown>,
  style?: string,
) => ({
  type: "Action.Execute",
  title,
  verb,
  data: { verb, ...data },
  ...(style ? { style } : {}),
  fallback: { type: "Action.Submit", title, data: { verb, ...data } },
});

/** What a card needs to know of the activity to offer the phase's actions. */
export type ActionView = Pick<ActivityView, "id" | "format" | "phases" | "state" | "kinds" | "me"> &
  Partial<Pick<ActivityView, "submissions">>;

/**
 * The engine's own kinds (a reflection, a pair's key insight, a commitment, with fields of their
 * own in the view): the dialog each opens, and its button's title from what the person has written.
 */
const ENGINE_KIND_DIALOGS = new Map<string, { verb: string; title: (me: ActionView["me"]) => string }>([
  [
    "reflection",
    { verb: ACTIVITY_VERBS.reflect, title: (me) => (me.reflection ? "Edit reflection" : "Reflect") },
  ],
  ["share", { verb: ACTIVITY_VERBS.share, title: () => "Share insight" }],
  [
    "commitment",
    { verb: ACTIVITY_VERBS.commit, title: (me) => (me.commitment ? "Edit commitment" : "Commit") },
  ],
]);

/**
 * The button of one kind: a dialog for it. The engine's own kinds keep the dialogs and words they
 * always had; every other kind opens the format's own dialog (submissionDialogCards.ts).
 */
export function kindButton(
  view: ActionView,
  kind: string,
  style?: string,
): Record<string, unknown> | undefined {
  const engineKind = ENGINE_KIND_DIALOGS.get(kind);
  if (engineKind) return dialogButton(engineKind.title(view.me), engineKind.verb, view.id, style);
  const definition = formatDefinitionOf(view.format).submissions[kind];
  if (!definition) return undefined;
  const hasOwn = (view.submissions ?? []).some((s) => s.kind === kind && s.mine);
  // The teacher or expert answers what the others ask: the same dialog verb opens their answers.
  const answers =
    definition.answeredBy !== undefined && (view.me.roles ?? []).includes(definition.answeredBy);
  const title = answers ? "Answer" : writingButtonTitle(definition, hasOwn);
  const button = dialogButton(title, ACTIVITY_VERBS.write, view.id, style);
  return { ...button, data: { ...button.data, kind } };
}

/** "My partner" (pairs) or "My group": who is in it, and a one-click chat. */
export function groupButton(view: ActionView, style?: string): Record<string, unknown> {
  const format = formatDefinitionOf(view.format);
  const pairs = isPairs(groupingNow(format, view.phases, view.state));
  return dialogButton(pairs ? "My partner" : "My group", ACTIVITY_VERBS.partner, view.id, style);
}

/**
 * What a person can do in this phase, from the format's definition: the phase's own kinds (the
 * first is the one primary button), finding one's group in a phase that forms groups, and Join
 * before any groups exist (later, opening one's group or writing joins). Short titles: three
 * buttons share a 280 px meeting chat in one row.
 */
export function participantActions(view: ActionView, primary = true): Record<string, unknown>[] {
  const style = primary ? "positive" : undefined;
  const join = (s?: string) => executeButton("Join", ACTIVITY_VERBS.join, { activityId: view.id }, s);
  if (view.state.status === "ended") return [];
  if (view.state.status === "not-started") return view.me.joined ? [] : [join(style)];
  const format = formatDefinitionOf(view.format);
  const actions: Record<string, unknown>[] = [];
  const next = () => (actions.length === 0 ? style : undefined);
  // A kind for the hot seat alone (a mastermind's challenge) is offered to the hot seat only, one
  // kept to a role held for the activity (a micro-teach's notes) to its holder only.
  const onHotSeat = view.me.group?.onHotSeat === true;
  const roles = view.me.roles ?? [];
  for (const kind of phaseKinds(format, view.phases, view.state.phaseIndex)) {
    const writers = format.submissions[kind]?.writers ?? [];
    if (writers.includes("hot-seat") && !onHotSeat) continue;
    if (writers.length > 0 && !writers.some((w) => w === "hot-seat" || roles.includes(w))) continue;
    const notBy = format.submissions[kind]?.notBy;
    if (notBy && roles.includes(notBy)) continue;
    const button = kindButton(view, kind, next());
    if (button) actions.push(button);
  }
  // A role the phase's grouping keeps out (a peer review's author) has no group to find.
  const current = view.phases[view.state.phaseIndex];
  const keptOut = rolesKeptOut(groupingOf(format, current)).some((role) =>
    (roles as readonly string[]).includes(role),
  );
  if (formsGroups(format, current) && !keptOut) actions.push(groupButton(view, next()));
  if (!view.me.joined && beforeFirstGroups(format, view.phases, view.state)) actions.push(join(next()));
  // At most three: what a 280 px meeting chat shows in one row (the controls go in the "…" menu).
  return actions.slice(0, 3);
}

/** The facilitator's controls behind one button (a dialog: every client, any width). */
export const controlsButton = (activityId: string) => ({
  ...dialogButton("Facilitator controls", ACTIVITY_VERBS.controls, activityId),
  mode: "secondary",
});

/** Long phase titles ("Café round 3") would cut three buttons in a 280 px chat: "Next" then (the card names the phase). */
const NEXT_TITLE_MAX = 8;
const nextTitle = (title: string) =>
  title && title.length <= NEXT_TITLE_MAX ? `Next: ${title}` : "Next phase";

/** The facilitator's buttons for the state the activity is in. */
export function controlActions(
  view: Pick<ActivityView, "id" | "state" | "phases">,
  as: "execute" | "dialog",
): Record<string, unknown>[] {
  const button = (title: string, data: Record<string, unknown>, style?: string) =>
    as === "execute"
      ? executeButton(title, ACTIVITY_VERBS.control, { activityId: view.id, ...data }, style)
      : {
          type: "Action.Submit",
          title,
          ...(style ? { style } : {}),
          data: { verb: ACTIVITY_VERBS.controlDialog, activityId: view.id, ...data },
        };
  const { status, phaseIndex } = view.state;
  if (status === "ended") return [];
  if (status === "not-started") return [button("Start", { kind: "start" }, "positive")];
  const last = phaseIndex >= view.phases.length - 1;
  return [
    ...(last
      ? []
      : [
          button(
            nextTitle(view.phases[phaseIndex + 1]?.title ?? ""),
            { kind: "next", phaseIndex },
            "positive",
          ),
        ]),
    button("+2 min", { kind: "extend", phaseIndex, minutes: 2 }),
    status === "paused" ? button("Resume", { kind: "resume" }) : button("Pause", { kind: "pause" }),
    // In the "…" menu: ending is rare, and three buttons is what a 280 px chat shows in a row.
    { ...button("End activity", { kind: "end" }, "destructive"), mode: "secondary" },
  ];
}

/**
 * A card's `refresh`: Teams asks the bot for the activity's current card (Action.Execute) when one
 * of `userIds` (Teams ids) looks at it, so what they see keeps up with the activity.
 */
export function activityRefresh(activityId: string, userIds: string[]) {
  return {
    action: {
      type: "Action.Execute",
      title: "Refresh",
      verb: ACTIVITY_VERBS.refresh,
      data: { verb: ACTIVITY_VERBS.refresh, activityId },
    },
    userIds,
  };
}
