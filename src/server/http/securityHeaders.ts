import type { RequestHandler } from "express";
import helmet from "helmet";
import type { AppMode } from "../config.js";

/**
 * The hosts allowed to frame PeerCircle's pages: Teams (web, desktop and mobile render the tab in
 * a frame of these origins), and Microsoft 365 and Outlook, where Teams apps also run. From
 * "Prerequisites" in https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements
 * (`*.cloud.microsoft` is where the web clients are moving; the older hosts stay for now).
 */
export const TEAMS_FRAME_ANCESTORS = [
  "https://teams.microsoft.com",
  "https://*.teams.microsoft.com",
  "https://*.cloud.microsoft",
  "https://*.microsoft365.com",
  "https://*.office.com",
  "https://outlook.office.com",
  "https://outlook.office365.com",
  "https://outlook-sdf.office.com",
  "https://outlook-sdf.office365.com",
  "https://outlook.live.com",
] as const;

/**
 * teams-js fetches Teams' list of valid host origins from here (and falls back to its bundled
 * list when it cannot).
 */
const TEAMS_JS_VALID_DOMAINS_CDN = "https://res.cdn.office.net";

/** The Content-Security-Policy directives, per mode; exported so tests and the guide agree. */
export function contentSecurityPolicy(mode: AppMode): Record<string, string[]> {
  const local = mode === "local";
  return {
    "default-src": ["'self'"],
    // Vite emits every script as a file under /assets: no inline script, no eval.
    "script-src": ["'self'"],
    // Fluent UI (Griffel) inserts its styles as <style> elements at run time, and the tab's
    // first-paint rule is inline: styles cannot run code, so this is the accepted exception.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", TEAMS_JS_VALID_DOMAINS_CDN],
    // Only the local Teams host page frames anything (the tab, same origin).
    "frame-src": local ? ["'self'"] : ["'none'"],
    // Teams and Microsoft 365 only; locally the host page frames the tab from the same origin.
    "frame-ancestors": local ? ["'self'", ...TEAMS_FRAME_ANCESTORS] : [...TEAMS_FRAME_ANCESTORS],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
    ...(local ? {} : { "upgrade-insecure-requests": [] }),
  };
}

/**
 * Security headers for every response: the CSP above, `nosniff`, no referrer, HSTS in production.
 * `X-Frame-Options` is left out on purpose: it cannot list Teams' hosts (`ALLOW-FROM` is gone from
 * browsers) and `frame-ancestors` supersedes it. No CORS headers are ever sent: PeerCircle's API is
 * called only by its own tab, from its own origin, so browsers refuse cross-origin reads.
 */
export function securityHeaders(mode: AppMode): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(mode) },
    xFrameOptions: false,
    // The tab lives in Teams' frame; a strict opener policy would only break sign-in pop-ups.
    crossOriginOpenerPolicy: { policy: "same-origin-allow-popups" },
    crossOriginResourcePolicy: { policy: "same-origin" },
    referrerPolicy: { policy: "no-referrer" },
    strictTransportSecurity: mode === "production" ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}

/**
 * API answers carry people's data: no shared or browser cache may keep them. Routes that set their
 * own Cache-Control afterwards still win.
 */
export const noStoreForApi: RequestHandler = (_req, res, next) => {
  res.setHeader("Cache-Control", "no-store");
  next();
};
