import { pages } from "@microsoft/teams-js";

/** What a configurable tab saves with Teams (`pages.config.setConfig`). */
export interface TabSaveConfig {
  /** The community id: every surface of the tab reads it back as `page.id`. */
  entityId: string;
  contentUrl: string;
  websiteUrl: string;
  suggestedDisplayName: string;
}

/** Enables or disables Teams' Save button of the configuration dialog. */
export function setConfigValid(valid: boolean): void {
  try {
    pages.config.setValidityState(valid);
  } catch (error) {
    console.warn("PeerCircle: pages.config.setValidityState failed", error);
  }
}

/**
 * Registers what happens when the person presses Teams' Save: `prepare` creates the community if
 * needed and says what to save; the tab is then saved and Teams is told it worked. A failure is
 * reported to Teams (which keeps the dialog open) and rethrown to `onError` for the page to show.
 */
export function onConfigSave(prepare: () => Promise<TabSaveConfig>, onError: (error: unknown) => void): void {
  pages.config.registerOnSaveHandler((saveEvent) => {
    prepare()
      .then((config) => pages.config.setConfig(config))
      .then(
        () => saveEvent.notifySuccess(),
        (error: unknown) => {
          console.warn("PeerCircle: saving the tab's configuration failed", error);
          onError(error);
          saveEvent.notifyFailure(error instanceof Error ? error.message : String(error));
        },
      );
  });
}

/** The tab's content URL for a community: Teams loads it in every surface of the tab. */
export function tabConfigFor(communityId: string, communityName: string): TabSaveConfig {
  const contentUrl = new URL("/tab/home", window.location.origin).href;
  return { entityId: communityId, contentUrl, websiteUrl: contentUrl, suggestedDisplayName: communityName };
}
