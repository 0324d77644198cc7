import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchBrowser, newLocalOnlyContext } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/testServer.js";
import { brokenWords } from "./layoutChecks.js";
import { apiAs, createEntry, demoMemberA, demoSteward } from "./librarySupport.js";
import { type HostParams, openTab } from "./localHostPage.js";

/**
 * The tab as a first-day user sees it at the meeting side panel's 280 px, in German (the longest
 * words): nothing glued together, no word broken in the middle, nothing wider than the panel.
 * The side panel frame is 280 px wide; an explicit page path shows any page in it.
 */

/**
 * Paragraphs and headings that run into the text before or after them on one line: a block
 * element rendered inline (Fluent's text components are inline unless told `block`) in a parent
 * that lays its children out as text.
 */
function gluedBlocks(tab: Frame): Promise<string[]> {
  return tab.evaluate(() =>
    Array.from(document.querySelectorAll("main p, main h1, main h2, main h3, main h4"))
      .filter((el) => {
        if (getComputedStyle(el).display !== "inline") return false;
        const parent = el.parentElement;
        const layout = parent ? getComputedStyle(parent).display : "block";
        return !/flex|grid/.test(layout);
      })
      .map((el) => `${el.tagName.toLowerCase()}: ${el.textContent?.slice(0, 40)}`),
  );
}

/** How wide the frame's content is against its viewport, and what sticks out past it. */
function overflow(tab: Frame) {
  return tab.evaluate(() => {
    const clientWidth = document.documentElement.clientWidth;
    const outside = Array.from(document.querySelectorAll("main *"))
      .filter(
        (el) =>
          el.getBoundingClientRect().right > clientWidth &&
          el.checkVisibility({ visibilityProperty: true, opacityProperty: true }),
      )
      .map((el) => `${el.tagName.toLowerCase()}.${el.className.toString().split(" ")[0]}`);
    return { clientWidth, scrollWidth: document.documentElement.scrollWidth, outside };
  });
}

describe("the tab at 280 px in German", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  const sessions = () => `/communities/${server.demoCommunityId}/sessions`;
  async function planSession(title: string, daysAhead: number): Promise<{ id: string }> {
    const created = await apiAs(server.baseUrl, demoSteward, "POST", sessions(), {
      title,
      format: "think-pair-share",
      startsAt: new Date(Date.now() + daysAhead * 86_400_000).toISOString(),
      timeZone: "Europe/Berlin",
    });
    expect(created.status).toBe(201);
    return created.body as { id: string };
  }

  const narrow = (params: HostParams = {}) =>
    openTab(page, server.baseUrl, { frame: "sidePanel", locale: "de-DE", ...params });

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    browser = await launchBrowser();
    await planSession("Nächste Runde", 3);
    await planSession("Vergangene Runde", -3);
    await createEntry(server.baseUrl, demoSteward, server.demoCommunityId, {
      type: "howto",
      title: "Datenverträge für veröffentlichte Tabellen",
      body: "So schreiben wir einen Datenvertrag.",
      tags: ["datenqualität"],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    await context?.close();
    ({ context } = await newLocalOnlyContext(browser, { viewport: { width: 1280, height: 900 } }));
    page = await context.newPage();
  });

  it.each([
    ["home", "/tab/home"],
    ["calendar", "/tab/calendar"],
    ["library", "/tab/library"],
    ["new entry", "/tab/library/new"],
    ["playbooks", "/tab/playbooks"],
    ["my learning", "/tab/personal"],
    ["removal requests", "/tab/library/removal-requests"],
    ["modules", "/tab/modules"],
  ])(
    "%s: no word broken mid-word, no paragraph glued to the next, nothing wider than 280 px",
    async (_name, tabPage) => {
      const tab = await narrow({ page: tabPage });
      await tab.locator("main h1").first().waitFor();
      await tab.waitForLoadState("networkidle");
      expect(await brokenWords(tab)).toEqual([]);
      expect(await gluedBlocks(tab)).toEqual([]);
      const layout = await overflow(tab);
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
      expect(layout.outside).toEqual([]);
    },
  );

  it("entry and new-entry pages keep the tab navigation", async () => {
    const search = await apiAs(
      server.baseUrl,
      demoSteward,
      "GET",
      `/communities/${server.demoCommunityId}/entries?limit=1`,
    );
    const [entry] = (search.body as { items: { id: string }[] }).items;
    for (const tabPage of [`/tab/library/${server.demoCommunityId}/${entry?.id}`, "/tab/library/new"]) {
      const tab = await narrow({ page: tabPage });
      const nav = tab.getByRole("navigation", { name: "Bereiche der Community" });
      await nav.getByRole("tab", { name: "Bibliothek" }).waitFor();
      expect(await nav.getByRole("tab", { name: "Bibliothek" }).getAttribute("aria-selected")).toBe("true");
    }
  });

  it("the new-entry form's error banner does not point 'below' from below the fields", async () => {
    const tab = await narrow({ page: "/tab/library/new", locale: "en-US" });
    await tab.getByRole("button", { name: "Save entry" }).click();
    const banner = tab.getByText("Check the fields marked in red.");
    await banner.waitFor();
    expect(await tab.getByText(/marked below/).count()).toBe(0);
  });

  it("week view: each day's name sits above its sessions, and the week is named after its Monday", async () => {
    const tab = await narrow({ page: "/tab/calendar" });
    await tab.getByRole("tab", { name: "Woche", exact: true }).click();
    const days = tab.getByTestId("week-view").locator("li[data-day]");
    await days.first().waitFor();
    expect(await gluedBlocks(tab)).toEqual([]);
    for (const day of await days.all()) {
      const heading = await day.locator("h2").boundingBox();
      const next = await day.locator("h2 + *").boundingBox();
      if (!heading || !next) throw new Error("a day without its name or its content");
      expect(next.y).toBeGreaterThanOrEqual(heading.y + heading.height - 1);
    }
    const monday = (await days.first().getAttribute("data-day")) ?? "";
    const [y, m, d] = monday.split("-").map(Number);
    const named = new Intl.DateTimeFormat("de-DE", { dateStyle: "medium", timeZone: "UTC" }).format(
      Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1),
    );
    await tab.getByText(`Woche vom ${named}`).waitFor();
  });

  it("past sessions have a view of their own; the upcoming list holds none of them", async () => {
    const tab = await narrow({ page: "/tab/calendar" });
    await tab.getByRole("link", { name: "Nächste Runde" }).waitFor();
    expect(await tab.getByRole("link", { name: "Vergangene Runde" }).count()).toBe(0);
    await tab.getByRole("tab", { name: "Vergangene", exact: true }).click();
    await tab.getByRole("link", { name: "Vergangene Runde" }).waitFor();
    expect(await tab.getByRole("link", { name: "Nächste Runde" }).count()).toBe(0);
  });

  it("the session form counts the description's characters and caps it", async () => {
    const tab = await narrow({ page: "/tab/calendar" });
    await tab.getByRole("button", { name: "Sitzung planen" }).click();
    const description = tab.getByRole("textbox", { name: "Beschreibung" });
    await description.fill("Hallo");
    await tab.getByText("5 von 4.000 Zeichen").waitFor();
    expect(await description.getAttribute("maxlength")).toBe("4000");
  });

  it("the session form's date picker: a German calendar, starting on Monday, inside the 280 px panel", async () => {
    const tab = await narrow({ page: "/tab/calendar", theme: "dark" });
    await tab.getByRole("button", { name: "Sitzung planen" }).click();
    const date = tab.getByRole("combobox", { name: "Datum" });
    expect(await date.getAttribute("placeholder")).toBe("JJJJ-MM-TT");
    // Read before the calendar opens: the open calendar hides the page from the accessibility tree.
    const [year, month] = (await date.inputValue()).split("-").map(Number);
    // Every control stays inside the form's card (Fluent's Dropdown asks for 250 px by default).
    const card = await tab.getByRole("region", { name: "Sitzung planen" }).boundingBox();
    for (const name of ["Format", "Datum", "Wiederholung"]) {
      const control = await tab.getByRole("combobox", { name, exact: true }).boundingBox();
      expect(control && card && control.x + control.width <= card.x + card.width, name).toBe(true);
    }
    const startCentre = await tab.getByLabel("Beginn").evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    await tab.getByRole("button", { name: "Datum auswählen: Datum" }).click();
    const calendar = tab.getByRole("dialog", { name: "Datum" });
    await calendar.getByRole("button", { name: "Gehe zu heute" }).waitFor();
    await calendar.getByRole("button", { name: "Nächster Monat" }).waitFor();
    const monthName = new Intl.DateTimeFormat("de-DE", { month: "long" }).format(
      new Date(year ?? 0, (month ?? 1) - 1, 1),
    );
    await calendar.getByText(`${monthName} ${year}`, { exact: true }).first().waitFor();
    // The week starts on Monday, as the tab's own week and month views do.
    expect(await calendar.locator("th").first().getAttribute("title")).toBe("Montag");
    const box = await calendar.boundingBox();
    const frameWidth = await tab.evaluate(() => document.documentElement.clientWidth);
    const frameBox = await (await tab.frameElement()).boundingBox();
    expect(box && frameBox && box.x >= frameBox.x && box.x + box.width <= frameBox.x + frameWidth).toBe(true);
    expect(await brokenWords(tab)).toEqual([]);
    // The popup covers only itself: the form stays visible around it (the tab's page background
    // once came along into every popup's portal and hid the page).
    expect(await tab.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName, startCentre)).toBe(
      "INPUT",
    );
  });

  it("the meeting side panel: the community by name without Leave, the set-up form fits, no words broken", async () => {
    const tab = await narrow({ page: "/tab/meeting/sidepanel" });
    await tab.getByRole("heading", { level: 1, name: "Data Community" }).waitFor();
    expect(await tab.getByRole("button", { name: "Community verlassen" }).count()).toBe(0);
    await tab.getByRole("button", { name: "Aktivität einrichten" }).click();
    const form = tab.getByRole("form", { name: "Aktivität einrichten" });
    await form.waitFor();
    expect(await brokenWords(tab)).toEqual([]);
    // No label runs into another ("NachdenkenAustauschenTeilen" when three columns were too narrow).
    const boxes = await form.locator("label").evaluateAll((labels) =>
      labels.map((l) => {
        const range = document.createRange();
        range.selectNodeContents(l);
        const r = range.getBoundingClientRect();
        return { text: l.textContent ?? "", left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }),
    );
    const overlaps = boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
        .map((b) => `${a.text} / ${b.text}`),
    );
    expect(overlaps).toEqual([]);
    expect(await gluedBlocks(tab)).toEqual([]);
    expect((await overflow(tab)).outside).toEqual([]);
  });

  it("the side panel speaks to each person's part: facilitator, joined member, trio", async () => {
    // The steward sets it up and starts; three members join: one group of three.
    const facilitator = await narrow({
      page: "/tab/meeting/sidepanel",
      user: demoSteward.id,
      locale: "en-US",
    });
    await facilitator.getByRole("button", { name: "Set up an activity" }).click();
    const form = facilitator.getByRole("form", { name: "Set up an activity" });
    await form.getByRole("textbox", { name: /Prompt/ }).fill("What surprised you this week?");
    await form.getByRole("button", { name: "Set up" }).click();
    await facilitator.getByTestId("facilitator-controls").waitFor();
    // Not started: the facilitator is not told to wait for the facilitator, and has no input boxes.
    const mine = facilitator.getByTestId("my-activity");
    await mine.getByText("You facilitate. Join too").waitFor();
    expect(await facilitator.getByText("The facilitator starts the activity in a moment.").count()).toBe(0);
    expect(await mine.getByRole("textbox").count()).toBe(0);

    // A member who joined before the start is told what comes, not shown an empty card.
    const memberPage = await context.newPage();
    const member = await openTab(memberPage, server.baseUrl, {
      frame: "sidePanel",
      user: demoMemberA.id,
      locale: "en-US",
    });
    await member.getByRole("button", { name: "Join the activity" }).click();
    await member.getByTestId("joined-waiting").getByText("You're in.").waitFor();

    const activityId =
      (await facilitator.getByTestId("meeting-activity").getAttribute("data-activity-id")) ?? "";
    const people = (await fetch(`${server.baseUrl}/local/api/users`).then((r) => r.json())) as {
      id: string;
      displayName: string;
    }[];
    const others = people.filter((p) => p.id !== demoSteward.id && p.id !== demoMemberA.id).slice(0, 2);
    for (const person of others)
      expect((await apiAs(server.baseUrl, person, "POST", `/activities/${activityId}/join`)).status).toBe(
        200,
      );

    const controls = facilitator.getByTestId("facilitator-controls");
    await controls.getByRole("button", { name: "Start" }).click();
    await controls.getByRole("button", { name: /^Move on to/ }).click();
    // The facilitator sees who is with whom.
    const groups = facilitator.getByTestId("facilitator-groups");
    await groups.getByRole("listitem").first().waitFor();
    expect(await groups.getByRole("listitem").count()).toBe(1);
    expect(await groups.textContent()).toContain(demoMemberA.displayName);

    // In a trio, the pair phase speaks of partners, not "your partner".
    await memberPage.reload();
    const trio = await (await memberPage.locator("#tab-frame").elementHandle())?.contentFrame();
    if (!trio) throw new Error("no tab frame");
    await trio.getByText("Talk it over with your 2 partners.", { exact: false }).waitFor();
    expect(await trio.getByText("with your partner.", { exact: false }).count()).toBe(0);
  });
});

describe("an organisation that has not enabled PeerCircle", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    // The local organisation signs in, but the deployment serves another tenant only.
    server = await startTestServer({
      demo: true,
      env: { ALLOWED_TENANTS: "99999999-0000-4000-8000-000000000009" },
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("is told so in its language, not that its sign-in failed", async () => {
    const { context } = await newLocalOnlyContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/local/?locale=de-DE&entityId=${server.demoCommunityId}`);
      const tab = await (await page.locator("#tab-frame").elementHandle())?.contentFrame();
      if (!tab) throw new Error("no tab frame");
      await tab
        .getByRole("heading", { level: 1, name: "Ihre Organisation hat PeerCircle nicht freigeschaltet" })
        .waitFor();
      expect(await tab.locator("main").innerText()).not.toMatch(/Anmeldung|sign-in/i);
    } finally {
      await context.close();
    }
  });
});
