import { type ActivityService, notAcceptedNow } from "../../domain/activities/activityService.js";
import type { ActivityView } from "../../domain/activities/activityViews.js";
import type { RubricService } from "../../domain/activities/communityRubrics.js";
import type { ModuleService } from "../../domain/activities/modules/moduleService.js";
import type { TeachingTopicService } from "../../domain/activities/teachingTopics.js";
import type { CommunityService } from "../../domain/communities/communityService.js";
import type { Caller } from "../../domain/identity.js";
import type { PeopleDirectory } from "../../domain/people/peopleDirectory.js";
import type { Logger } from "../../observability/logger.js";
import { chatLink } from "../cards/activityCards.js";
import { formatDefinitionOf } from "../cards/phaseActions.js";
import type { ActivityAnnouncer } from "./activityAnnouncer.js";
import type { BackgroundWork } from "./backgroundWork.js";
import type { ProactiveSender } from "./proactiveSender.js";

/*
 * What the activity handlers (meetingActivities.ts, activityDialogs.ts) share: their dependencies,
 * the announcement after a change, joining on the way to one's group, chat links to the group.
 */

/** What activities in the meeting chat need from the composition root. */
export interface MeetingActivityDependencies {
  activities: ActivityService;
  communities: CommunityService;
  directory: PeopleDirectory;
  announcer: ActivityAnnouncer;
  sender: ProactiveSender;
  background: BackgroundWork;
  allowedTenants: ReadonlySet<string>;
  logger: Logger;
  /** The communities' micro-teach topic queues: the set-up dialog offers a topic to teach. */
  topics?: Pick<TeachingTopicService, "list">;
  /** The communities' modules: the set-up dialog offers them for a format whose phases come from one. */
  modules?: Pick<ModuleService, "list">;
  /** The communities' rubrics: the set-up dialog of a format written per criterion starts from its community's. */
  rubrics?: Pick<RubricService, "rubricOf">;
}

/** How long a partner's chat link waits for the directory (Graph slow must not hold the invoke). */
const DIRECTORY_WAIT_MS = 1_000;

/** Why a kind cannot be written now, in the words of its format (the phases that take it). */
export function notNow(view: ActivityView, kind: string): string {
  if (view.state.status === "ended") return "This activity has ended.";
  if (view.state.status === "not-started") return "The activity has not started yet.";
  const format = formatDefinitionOf(view.format);
  const definition = format.submissions[kind];
  return definition
    ? notAcceptedNow(format, kind, definition)
    : `${view.formatName} takes no such submission.`;
}

/** After a change: announce what is due at once, after the invoke is answered (the poller would, later). */
export function afterwards(
  deps: MeetingActivityDependencies,
  me: Caller,
  view: Pick<ActivityView, "id" | "facilitator">,
): void {
  deps.background.run("activity announcement", { tenantId: me.tenantId, activityId: view.id }, () =>
    deps.announcer.announce(me.tenantId, view.id, view.facilitator),
  );
}

/** The caller's view; someone who opens their group or its text joins first (late joiners too). */
export async function joinedView(
  deps: MeetingActivityDependencies,
  me: Caller,
  activityId: string,
): Promise<ActivityView> {
  const view = await deps.activities.view(me, activityId);
  if (view.me.joined || view.state.status === "ended" || view.state.status === "not-started") return view;
  const joined = await deps.activities.join(me, activityId);
  if (joined.me.group) afterwards(deps, me, joined); // a late joiner: the group list changes
  return joined;
}

/** One-click chat links to the caller's partners: by UPN (mail) when the directory answers in time. */
export async function partnerLinks(
  deps: MeetingActivityDependencies,
  me: Caller,
  view: Pick<ActivityView, "me">,
): Promise<Map<string, string>> {
  const partners = view.me.group?.partners ?? [];
  const links = new Map(partners.map((p) => [p.id, chatLink([p.principalName ?? p.id])]));
  // Those who joined through the tab brought their principal name; the rest are looked up.
  const unknown = partners.filter((p) => !p.principalName);
  if (unknown.length === 0) return links;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const answer = await Promise.race([
      deps.directory.getMany(
        me.tenantId,
        unknown.map((p) => p.id),
      ),
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), DIRECTORY_WAIT_MS);
      }),
    ]);
    for (const p of unknown) {
      const mail = answer?.people.get(p.id)?.mail;
      if (mail) links.set(p.id, chatLink([mail]));
    }
  } catch {
    // The directory down: the Entra object id still opens the chat.
  } finally {
    clearTimeout(timer);
  }
  return links;
}
