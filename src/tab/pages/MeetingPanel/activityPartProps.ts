import type { ActivityChange, ActivityView } from "../../api/activities.js";

/**
 * What each part of the panel that changes the activity takes: the activity as I see it, and
 * where the server's answer to a change goes (the panel keeps the newest state).
 */
export interface ActivityPartProps {
  view: ActivityView;
  onChanged: (change: ActivityChange) => void;
}
