import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newLocalOnlyContext } from "../support/browser.js";
import { ConnectorRecorder } from "../support/connectorRecorder.js";
import { startTestServer, type TestServer } from "../support/testServer.js";
import {
  demoMemberA,
  demoSteward,
  entryPage,
  messageFixture,
  readEntry,
  saveMessageAsInsight,
} from "./librarySupport.js";
import { openTab } from "./localHostPage.js";

/** teams-js' one outside request: Teams' list of valid host origins (blocked here; it falls back). */
const TEAMS_JS_VALID_DOMAINS = "https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json";

/** What the traps saw: script-driven dialogs, CSP violations, and every request of the context. */
interface Evidence {
  dialogs: string[];
  requests: string[];
  blocked: string[];
  consoleErrors: string[];
}

/**
 * Everything a script in the page could do that a test can see, recorded in every frame from
 * before any script of the page runs: `alert`/`confirm`/`prompt`/`print`/`open` calls and a
 * `window.__xss` flag land in `window.__xssTrap`, as do CSP violations (a violation means markup
 * got through and the browser's last line of defence stopped it).
 */
function installTraps(): void {
  const trap: string[] = [];
  Object.defineProperty(window, "__xssTrap", { value: trap });
  for (const name of ["alert", "confirm", "prompt", "print", "open"] as const) {
    const original = window[name] as (...args: unknown[]) => unknown;
    (window as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      trap.push(`${name}(${args.map(String).join(",")})`);
      return name === "open" ? null : original.apply(window, args);
    };
  }
  Object.defineProperty(window, "__xss", { set: (value) => trap.push(`__xss=${String(value)}`) });
  document.addEventListener("securitypolicyviolation", (event) =>
    trap.push(`csp ${event.violatedDirective} ${event.blockedURI}`),
  );
}

/** What the rendered page contains that must never come from a message. */
function inspectTab(tab: Frame) {
  return tab.evaluate(() => {
    const all = Array.from(document.querySelectorAll("*"));
    const body = document.querySelector('[data-testid="entry-body"]');
    return {
      trapped: (window as unknown as { __xssTrap: string[] }).__xssTrap,
      handlerAttributes: all.flatMap((el) =>
        Array.from(el.attributes)
          .filter((attr) => /^on/i.test(attr.name))
          .map((attr) => `${el.tagName} ${attr.name}`),
      ),
      frames: document.querySelectorAll("iframe, frame, object, embed").length,
      scriptsInBody: document.body.querySelectorAll("script").length,
      images: document.querySelectorAll("img, picture, image, video, audio").length,
      svgInBody: body ? body.querySelectorAll("svg, math, style, form, input, textarea").length : -1,
      styledInBody: body ? body.querySelectorAll("[style]").length : -1,
      // A message's "Session expired, sign in" overlay is harmless text unless it can cover the page.
      positionedInBody: body
        ? Array.from(body.querySelectorAll("*")).filter((el) =>
            /fixed|absolute|sticky/.test(getComputedStyle(el).position),
          ).length
        : -1,
      badHrefs: Array.from(document.querySelectorAll("[href], [src], [action], [formaction], [xlink\\:href]"))
        .map((el) => el.getAttribute("href") ?? el.getAttribute("src") ?? el.getAttribute("action") ?? "")
        .filter((url) => /^\s*(javascript|data|vbscript):/i.test(url)),
    };
  });
}

describe("XSS: hostile Teams messages saved through the bot and shown in the tab", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const connector = new ConnectorRecorder();
  const evidence: Evidence = { dialogs: [], requests: [], blocked: [], consoleErrors: [] };
  const saved = new Map<string, string>();

  beforeAll(async () => {
    await connector.start();
    server = await startTestServer({ demo: true });
    for (const name of ["xss-script", "xss-svg-iframe", "markdown-injection"]) {
      saved.set(
        name,
        await saveMessageAsInsight(server.baseUrl, connector.serviceUrl, demoSteward, messageFixture(name)),
      );
    }
    browser = await launchBrowser();
    const local = await newLocalOnlyContext(browser);
    context = local.context;
    evidence.blocked = local.blockedRequests;
    await context.addInitScript(installTraps);
    context.on("request", (request) => evidence.requests.push(request.url()));
    page = await context.newPage();
    page.on("dialog", (dialog) => {
      evidence.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on("console", (message) => {
      if (message.type() === "error") evidence.consoleErrors.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await connector.stop();
  });

  it.each([
    ["xss-script", "Nice find!"],
    ["xss-svg-iframe", "Real content here."],
    ["markdown-injection", "bold"],
  ])(
    "renders the %s message without running, loading or linking anything it carries",
    async (name, visible) => {
      const entryId = saved.get(name) ?? "";
      const stored = await readEntry(server.baseUrl, demoMemberA, server.demoCommunityId, entryId);
      expect(stored.source.kind).toBe("message");

      const tab = await openTab(page, server.baseUrl, {
        user: demoMemberA.id,
        page: entryPage(server.demoCommunityId, entryId),
      });
      await tab.getByRole("heading", { level: 1 }).waitFor();
      await tab.getByTestId("entry-body").getByText(visible).first().waitFor();
      // Give anything deferred (onload, timers, lazy images) a moment to fire.
      await page.waitForTimeout(300);

      const found = await inspectTab(tab);
      expect(found.trapped).toEqual([]);
      expect(found.handlerAttributes).toEqual([]);
      expect(found.frames).toBe(0);
      expect(found.scriptsInBody).toBe(0);
      expect(found.images).toBe(0);
      expect(found.svgInBody).toBe(0);
      expect(found.styledInBody).toBe(0);
      expect(found.badHrefs).toEqual([]);
      expect(found.positionedInBody).toBe(0);
      expect(evidence.dialogs).toEqual([]);
    },
  );

  it("shows the same messages safely in the library's results", async () => {
    const tab = await openTab(page, server.baseUrl, { user: demoMemberA.id, page: "/tab/library" });
    await tab.getByRole("searchbox", { name: "Search the library" }).fill("Nice find");
    await tab.locator("article mark").first().waitFor();
    await page.waitForTimeout(300);
    const found = await inspectTab(tab);
    expect(found.trapped).toEqual([]);
    expect(found.handlerAttributes).toEqual([]);
    expect(found.frames + found.images + found.scriptsInBody).toBe(0);
    expect(found.badHrefs).toEqual([]);
  });

  it("sent no request anywhere but this machine, and nothing tried to", () => {
    const outside = evidence.requests.filter((url) => {
      const { hostname, protocol } = new URL(url);
      return !(hostname === "127.0.0.1" || protocol === "data:" || protocol === "blob:");
    });
    // The only outside URL ever attempted is teams-js' own valid-origins list, and it was blocked.
    expect(new Set(outside)).toEqual(new Set(evidence.blocked));
    expect(outside.every((url) => url === TEAMS_JS_VALID_DOMAINS)).toBe(true);
    expect(evidence.requests.some((url) => url.includes("evil.example"))).toBe(false);
    expect(evidence.requests.some((url) => url.includes("/api/communities/"))).toBe(true);
    expect(evidence.consoleErrors.filter((text) => /Content Security Policy|Refused to/i.test(text))).toEqual(
      [],
    );
  });
});
