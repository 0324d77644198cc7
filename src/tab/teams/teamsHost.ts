import { app, authentication } from "@microsoft/teams-js";
import { markStartup } from "../startupMarks.js";
import { isWebUrl } from "./webUrl.js";

/** The three Teams themes, as `app.Context.app.theme` and the theme-change event name them. */
export type TeamsThemeName = "default" | "dark" | "contrast";

/** Maps Teams' theme string to one of the three themes; unknown values mean the default theme. */
export function toTeamsThemeName(theme: string | undefined): TeamsThemeName {
  return theme === "dark" || theme === "contrast" ? theme : "default";
}

let initialization: Promise<app.Context> | undefined;
let initialized: app.Context | undefined;

/**
 * Initialises teams-js once per page and resolves with the Teams context. React may mount twice
 * (StrictMode), so the promise is shared rather than started per caller.
 */
export function initializeTeams(): Promise<app.Context> {
  initialization ??= app.initialize().then(() => {
    markStartup("teams-initialized");
    // Every page calls the API first thing: ask for the token now, alongside the context and the
    // first render, rather than after them (the answer waits in the cache below).
    getTeamsAuthToken().then(
      () => markStartup("token"),
      () => undefined,
    );
    return app.getContext().then((context) => {
      markStartup("teams-context");
      initialized = context;
      return context;
    });
  });
  return initialization;
}

/** The Teams context once {@link initializeTeams} has it (so a first render can start ready), else undefined. */
export function initializedTeamsContext(): app.Context | undefined {
  return initialized;
}

/** True when the page is not inside a frame, the one case teams-js can never initialise. */
export function isTopLevelWindow(): boolean {
  return window.parent === window;
}

/** Follows Teams' live theme switches; the handler receives the new theme. */
export function onTeamsThemeChange(handler: (theme: TeamsThemeName) => void): void {
  app.registerOnThemeChangeHandler((theme) => handler(toTeamsThemeName(theme)));
}

let firstViewReported = false;

/**
 * Tells Teams the first view is on screen, which hides Teams' own loading indicator. Teams gives an
 * app 30 s before it shows an error, so pages call this as soon as they show content, an empty state
 * or an error state — not only on success. Only the first call is sent.
 */
export function reportFirstViewReady(): void {
  if (firstViewReported) return;
  firstViewReported = true;
  app.notifySuccess().catch((error: unknown) => console.warn("PeerCircle: notifySuccess failed", error));
}

/** Tells Teams the app could not start, with a reason Teams can log. */
export function reportStartupFailure(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  try {
    app.notifyFailure({ reason: app.FailedReason.Other, message });
  } catch {
    // Outside Teams teams-js throws here too; the page already shows the failure to the person.
  }
}

/** How long before a token's expiry the tab asks Teams for a new one (tab SSO tokens last about an hour). */
const TOKEN_RENEW_MARGIN_MS = 5 * 60_000;

let cachedToken: { token: Promise<string>; renewAt: number } | undefined;

/**
 * A tab SSO token for PeerCircle's API from the Teams host. Requests made together share one
 * `getAuthToken` round trip, and the token is reused until shortly before it expires; a failed
 * request is not kept, so the next call asks again.
 */
export function getTeamsAuthToken(): Promise<string> {
  if (cachedToken && Date.now() < cachedToken.renewAt) return cachedToken.token;
  const entry = { token: authentication.getAuthToken(), renewAt: Number.POSITIVE_INFINITY };
  cachedToken = entry;
  entry.token.then(
    (token) => {
      entry.renewAt = tokenExpiry(token) - TOKEN_RENEW_MARGIN_MS;
    },
    () => {
      if (cachedToken === entry) cachedToken = undefined;
    },
  );
  return entry.token;
}

/** A JWT's `exp` in milliseconds since the epoch; 0 (ask again next time) when it cannot be read. */
export function tokenExpiry(token: string): number {
  try {
    const payload = token.split(".")[1] ?? "";
    const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === "number" ? exp * 1000 : 0;
  } catch {
    return 0;
  }
}

/**
 * Opens a web link the way Teams expects (`app.openLink`: Teams links such as a message's deep
 * link open inside Teams, others in the browser). Where the host refuses, the link opens in a new
 * browser tab without access to this one. Resolves false for anything but http(s).
 */
export async function openExternalLink(url: string): Promise<boolean> {
  if (!isWebUrl(url)) return false;
  try {
    await app.openLink(url);
    return true;
  } catch {
    // With "noopener" window.open always returns null, so there is nothing to check.
    window.open(url, "_blank", "noopener,noreferrer");
    return true;
  }
}
