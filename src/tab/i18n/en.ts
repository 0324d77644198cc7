/**
 * English text of the tab. Every other language is checked against this shape, so a missing
 * translation is a type error rather than a blank label.
 */
export const en = {
  appName: "PeerCircle",
  startingUp: "Starting PeerCircle…",
  startupFailedTitle: "PeerCircle couldn't start",
  startupFailedOutsideTeams:
    "PeerCircle runs inside Microsoft Teams. Open it from a Teams channel, meeting or the app bar. For local development, open the local Teams host page at /local/.",
  startupFailedGeneric: "Teams didn't answer in time. Close the tab and open it again.",

  pageFailedTitle: "Something went wrong",
  pageFailedBody: "This part of PeerCircle didn't load. Reload the tab to try again.",
  loading: "Loading…",
  loadingCommunity: "Loading community…",
  loadErrorTitle: "Couldn't load this community",
  retry: "Retry",
  notConnectedTitle: "This tab isn't connected to a community yet",
  notConnectedBody:
    "A community steward can connect it: open the tab's menu (…) in the tab bar, choose Settings, and pick or create the community for this channel.",
  forbiddenTitle: "This community is private",
  forbiddenBody: "Only members can see it. Ask one of its stewards to add you.",
  signInErrorBody:
    "Teams couldn't confirm who you are. Reload the tab; if that doesn't help, sign out of Teams and in again.",
  networkErrorBody: "PeerCircle can't be reached right now. Check your connection and try again.",

  domainLabel: "Domain",
  topicsHeading: "Topics",
  noTopics: "No topics yet.",
  stewardsHeading: "Stewards",
  noStewards: "No stewards yet.",
  privacyOpen: "Open community",
  privacyPrivate: "Private community",
  youAreMember: "You're a member",
  youAreSteward: "You're a steward",
  membersLabel: "Members",
  startedLabel: "Started",

  join: "Join community",
  leave: "Leave community",
  joining: "Joining…",
  leaving: "Leaving…",
  joined: (name: string): string => `You joined ${name}.`,
  left: (name: string): string => `You left ${name}.`,
  membershipErrorTitle: "That didn't work",

  configTitle: "Set up PeerCircle",
  configBody:
    "Connecting this tab to a community is coming soon. For now, a steward can create the community and the tab will show it once it is connected.",
  personalTitle: "My learning",
  personalBody:
    "Your saved and authored insights, your sessions and roles, and your commitments will appear here.",
  meetingPanelHeading: "Community for this meeting",
  meetingStageHeading: "On stage",
  meetingStagePlaceholder: "Activities you run in this meeting will appear on the stage here.",
  notFoundTitle: "This page doesn't exist",
  notFoundBody: "The link may be out of date. Open the community home instead.",
  openHome: "Open community home",
};

/** The shape every translation must have. */
export type Messages = typeof en;
