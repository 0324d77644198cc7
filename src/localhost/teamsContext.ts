import type { HostSettings } from "./hostSettings";
import type { LocalDefaults, LocalUser } from "./localApi";

/** Ids that stay the same for one load of the tab, as Teams keeps them per app session. */
export interface HostSession {
  sessionId: string;
  appSessionId: string;
  appLaunchId: string;
  userClickTime: number;
}

/** Starts a new app session: Teams hands out new ids every time it loads the tab. */
export function newHostSession(): HostSession {
  return {
    sessionId: crypto.randomUUID(),
    appSessionId: crypto.randomUUID(),
    appLaunchId: crypto.randomUUID(),
    userClickTime: Date.now(),
  };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The context object Teams answers `getContext` with. This is the flat v1 shape on the wire
 * (teams-js' `Context` interface); teams-js maps it to `app.Context` itself. Meeting frames get a
 * meeting id and meeting chat id, as a scheduled channel meeting has.
 */
export function buildTeamsContext(
  settings: HostSettings,
  user: LocalUser | undefined,
  defaults: LocalDefaults,
  session: HostSession,
): Record<string, unknown> {
  const inMeeting = settings.frame !== "content";
  const meetingThread = `19:meeting_${defaults.channelId.replace(/[^A-Za-z0-9]/g, "").slice(0, 32)}@thread.v2`;
  const groupId = defaults.groupId ?? (GUID.test(defaults.teamId) ? defaults.teamId : undefined);
  const upn = user?.userPrincipalName ?? "";

  return {
    // Where the tab is
    entityId: settings.entityId,
    subEntityId: settings.subEntityId,
    frameContext: settings.frame,
    isFullScreen: false,
    isMultiWindow: false,
    isBackgroundLoad: false,
    dialogParameters: {},
    // The host
    hostClientType: "web",
    hostName: "Teams",
    ringId: "general",
    locale: settings.locale,
    theme: settings.theme,
    sessionId: session.sessionId,
    appSessionId: session.appSessionId,
    appLaunchId: session.appLaunchId,
    userClickTime: session.userClickTime,
    // Who is signed in
    tid: defaults.tenantId,
    tenantSKU: "enterprise",
    userObjectId: user?.id ?? settings.userId,
    userDisplayName: user?.displayName,
    userPrincipalName: upn,
    loginHint: upn,
    upn,
    userLicenseType: "Unknown",
    isCallingAllowed: true,
    isPSTNCallingAllowed: false,
    // The team and channel the tab is pinned to
    teamId: defaults.teamId,
    teamName: defaults.teamName,
    groupId,
    teamType: 0,
    userTeamRole: 1,
    isTeamArchived: false,
    channelId: defaults.channelId,
    channelName: defaults.channelName,
    channelType: "Regular",
    // Meetings
    meetingId: inMeeting ? btoa(`0#${meetingThread}#0`) : undefined,
    chatId: inMeeting ? meetingThread : undefined,
  };
}
