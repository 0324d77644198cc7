import { meeting, type SdkError } from "@microsoft/teams-js";

/**
 * Whether Teams lets this person put the app on the meeting stage now (teams-js
 * `meeting.getAppContentStageSharingCapabilities`: presenters and organisers, with the RSC
 * permission `MeetingStage.Write.Chat` or `ChannelMeetingStage.Write.Group` granted). Anything
 * else — an error, a host without meetings — counts as no.
 */
export function stageSharingAllowed(): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      meeting.getAppContentStageSharingCapabilities((error, capabilities) =>
        resolve(!error && capabilities?.doesAppHaveSharePermission === true),
      );
    } catch {
      resolve(false);
    }
  });
}

/** Puts `url` (a page of this app) on the meeting stage for everyone: teams-js `meeting.shareAppContentToStage`. */
export function shareToStage(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    try {
      meeting.shareAppContentToStage((error: SdkError | null, shared: boolean | null) => {
        if (error) reject(new Error(error.message ?? `Teams error ${error.errorCode}`));
        else if (shared === false) reject(new Error("Teams did not share it."));
        else resolve();
      }, url);
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
