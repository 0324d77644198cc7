import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TEAMS_FRAME_ANCESTORS } from "../../src/server/http/securityHeaders.js";
import { repoRoot, startTestServer } from "../support/testServer.js";

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | null): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (header ?? "").split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

const local = await startTestServer({ demo: true });
// Production mode against the same Azurite: credentials are shaped right but never used here.
const production = await startTestServer({
  env: {
    APP_MODE: "production",
    TEAMSFX_ENV: "none",
    HOST: "127.0.0.1",
    BOT_ID: "00000000-0000-4000-8000-0000000000b0",
    BOT_PASSWORD: "not-a-real-secret",
    AAD_APP_CLIENT_ID: "00000000-0000-4000-8000-00000000c0de",
    AAD_APP_ID_URI: "api://peercircle.example/00000000-0000-4000-8000-00000000c0de",
    ALLOWED_TENANTS: "72f988bf-0000-4000-8000-000000000001",
    DEMO: "false",
  },
});

describe("security headers, CORS and request limits", () => {
  afterAll(async () => {
    await local.close();
    await production.close();
  });

  it("lets only Teams and Microsoft 365 frame the tab in production, with no inline script", async () => {
    const res = await fetch(`${production.baseUrl}/tab/home`);
    expect(res.status).toBe(200);
    const csp = directives(res.headers.get("content-security-policy"));
    expect(csp.get("frame-ancestors")).toEqual([...TEAMS_FRAME_ANCESTORS]);
    expect(csp.get("frame-ancestors")).toContain("https://teams.microsoft.com");
    expect(csp.get("frame-ancestors")).toContain("https://*.cloud.microsoft");
    expect(csp.get("frame-ancestors")).not.toContain("'self'");
    expect(csp.get("frame-ancestors")).not.toContain("*");
    expect(csp.get("script-src")).toEqual(["'self'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("frame-src")).toEqual(["'none'"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(true);
    // X-Frame-Options cannot name Teams' hosts and would fight frame-ancestors: not sent.
    expect(res.headers.get("x-frame-options")).toBeNull();
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=31536000/);
    expect(res.headers.get("x-powered-by")).toBeNull();
  });

  it("lets the local Teams host page frame the tab from the same origin in local mode", async () => {
    const tab = await fetch(`${local.baseUrl}/tab/home`);
    const csp = directives(tab.headers.get("content-security-policy"));
    expect(csp.get("frame-ancestors")).toEqual(["'self'", ...TEAMS_FRAME_ANCESTORS]);
    expect(tab.headers.get("strict-transport-security")).toBeNull();
    const host = await fetch(`${local.baseUrl}/local/`);
    expect(host.status).toBe(200);
    expect(directives(host.headers.get("content-security-policy")).get("frame-src")).toEqual(["'self'"]);
  });

  it("serves built pages that need no inline script (the policy would block it)", () => {
    for (const page of ["tab", "localhost"]) {
      const html = readFileSync(path.join(repoRoot, "dist", "web", page, "index.html"), "utf8");
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length, page).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(attributes, page).toMatch(/\bsrc="\/assets\//);
        expect(body?.trim(), page).toBe("");
      }
      expect(html, page).not.toMatch(/\son[a-z]+=/i); // no inline event handlers either
    }
  });

  it("keeps CORS closed: no cross-origin read is allowed, preflights included", async () => {
    const origin = "https://evil.example";
    const simple = await fetch(`${production.baseUrl}/api/health`, { headers: { origin } });
    expect(simple.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await fetch(`${production.baseUrl}/api/communities`, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type",
      },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    expect(preflight.headers.get("access-control-allow-headers")).toBeNull();
    expect(preflight.headers.get("access-control-allow-methods")).toBeNull();
  });

  it("never lets API answers be cached", async () => {
    const res = await fetch(`${production.baseUrl}/api/health`);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses oversized bodies before anything reads them", async () => {
    const big = JSON.stringify({ name: "x".repeat(300 * 1024) });
    const api = await fetch(`${production.baseUrl}/api/communities`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: big,
    });
    expect(api.status).toBe(413);
    const bot = await fetch(`${production.baseUrl}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "x".repeat(1100 * 1024) }),
    });
    expect(bot.status).toBe(413);
  });
});
