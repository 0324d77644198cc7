import type { Caller } from "../identity.js";
import type { ContentSection } from "./activityFormats.js";

/**
 * Where a format whose phases come from content (`phasesFrom: "module"`) finds it: a community's
 * modules. Asked once at set-up; the sections are then stored with the activity, so the phase clock
 * derives everything from stored facts as for any format, and a module edited later never changes
 * an activity already set up.
 */
export interface PhaseContent {
  /**
   * The content's title and timed sections, for an activity about to be set up from it (the
   * source may note the use, once per activity). A NotFoundError when the community has no such content.
   */
  sectionsFor(
    caller: Caller,
    communityId: string,
    contentId: string,
    activityId: string,
  ): Promise<{ id: string; title: string; sections: ContentSection[] }>;
}
