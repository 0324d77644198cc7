import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { demoPeople } from "../../src/local/demoCommunity.js";
import { launchBrowser, newLocalOnlyContext } from "../support/browser.js";
import { org } from "../support/orgFixture.js";
import { startTestServer, type TestServer } from "../support/testServer.js";
import { brokenWords } from "./layoutChecks.js";
import { apiAs, createEntry, demoSteward, entryPage, type Person } from "./librarySupport.js";
import { openTab } from "./localHostPage.js";

const MEMBERS_PAGE = "/tab/members";
const TAB_FRAME = "#tab-frame";
// Fluent's focus helpers are aria-hidden yet focusable by design (PLATFORM.md); nothing else is excluded.
const TABSTER_DUMMY = "[data-tabster-dummy]";

/** People of the synthetic organisation outside the demo community, with names to search for. */
const demoIds = new Set(demoPeople(org).map((p) => p.id));
const outsiders: Person[] = org.users
  .filter((u) => !demoIds.has(u.id) && u.displayName)
  .slice(0, 4)
  .map((u) => ({ id: u.id, displayName: u.displayName }));
const [asker, picked, other, voter] = outsiders as [Person, Person, Person, Person];

/** The 280 px side panel's layout: no horizontal scrolling and nothing sticking out on the right. */
function layoutOf(tab: Frame) {
  return tab.evaluate(() => ({
    width: window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    widestRight: Math.max(
      ...Array.from(document.querySelectorAll("body *"), (el) => el.getBoundingClientRect().right),
    ),
  }));
}

async function expectFits(tab: Frame) {
  const layout = await layoutOf(tab);
  expect(layout.width).toBe(280);
  expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
  expect(layout.widestRight).toBeLessThanOrEqual(layout.clientWidth);
  // No word broken across two lines (German labels are long).
  expect(await brokenWords(tab)).toEqual([]);
}

describe("membership in the tab: asking to join a private community, the stewards' members page", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let community: string;

  const api = (person: Person, method: string, route: string, body?: unknown) =>
    apiAs(server.baseUrl, person, method, route, body);
  const memberIds = async () =>
    (
      (await api(demoSteward, "GET", `/communities/${community}/members`)).body as { items: Person[] }
    ).items.map((m) => m.id);

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    browser = await launchBrowser();
    const created = await api(demoSteward, "POST", "/communities", {
      name: "Führungskreis Süd",
      purpose: "Vertrauliche kollegiale Beratung unter Führungskräften.",
      privacy: "private",
    });
    community = (created.body as { id: string }).id;
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

  it("shows a non-member the private community's home with Ask to join, then Request sent", async () => {
    const tab = await openTab(page, server.baseUrl, { user: asker.id, entityId: community });
    await tab.getByRole("heading", { level: 1, name: "Führungskreis Süd" }).waitFor();
    await tab.getByText("Vertrauliche kollegiale Beratung unter Führungskräften.").waitFor();
    // What it is about, not its content: no sessions or insights for a non-member.
    await tab.getByText("Its sessions, insights and activities are for members.", { exact: false }).waitFor();
    expect(await tab.getByRole("heading", { name: "Next sessions" }).count()).toBe(0);

    await tab.getByRole("button", { name: "Ask to join" }).click();
    await tab.getByRole("button", { name: "Request sent" }).waitFor();
    expect(await tab.getByTestId("request-to-join").getAttribute("aria-disabled")).toBe("true");
    await tab.getByText("A steward of Führungskreis Süd will let you in.", { exact: false }).waitFor();
    expect(await tab.getByRole("heading", { name: "Next sessions" }).count()).toBe(0);

    const requests = await api(demoSteward, "GET", `/communities/${community}/join-requests`);
    expect((requests.body as { items: { userId: string }[] }).items.map((r) => r.userId)).toContain(asker.id);
    expect(await memberIds()).not.toContain(asker.id);
  });

  it("lets a non-member ask to join in the 280 px meeting side panel, in German", async () => {
    const tab = await openTab(page, server.baseUrl, {
      user: other.id,
      entityId: community,
      frame: "sidePanel",
      locale: "de-DE",
    });
    await tab.getByRole("heading", { level: 1, name: "Führungskreis Süd ist privat" }).waitFor();
    await expectFits(tab);
    await tab.getByRole("button", { name: "Beitritt anfragen" }).click();
    await tab.getByRole("button", { name: "Anfrage gesendet" }).waitFor();
    await expectFits(tab);
    const requests = await api(demoSteward, "GET", `/communities/${community}/join-requests`);
    expect((requests.body as { items: { userId: string }[] }).items.map((r) => r.userId)).toContain(other.id);
  });

  it("lets the steward approve and decline requests, add people and stewards, and remove members, at 280 px in German", async () => {
    await api(asker, "POST", `/communities/${community}/join-requests`);
    await api(other, "POST", `/communities/${community}/join-requests`);

    // The community's home in its channel tab: the way in, with the count of waiting requests.
    const home = await openTab(page, server.baseUrl, {
      user: demoSteward.id,
      entityId: community,
      locale: "de-DE",
    });
    const manage = home.getByTestId("manage-members");
    await manage.waitFor();
    expect(await home.getByTestId("join-request-count").textContent()).toBe("2");
    expect(await manage.getAttribute("aria-label")).toBe("Mitglieder: 2 Beitrittsanfragen warten");

    // The members page itself at 280 px (the meeting side panel keeps membership off its home).
    let tab = await openTab(page, server.baseUrl, {
      user: demoSteward.id,
      entityId: community,
      frame: "sidePanel",
      locale: "de-DE",
      page: MEMBERS_PAGE,
    });
    await tab.getByRole("heading", { level: 1, name: "Mitglieder" }).waitFor();
    await tab.getByTestId("join-request").nth(1).waitFor();
    await tab.getByTestId("member").first().waitFor();
    await expectFits(tab);
    const axe = await new AxeBuilder({ page })
      .include(TAB_FRAME)
      .exclude([TAB_FRAME, TABSTER_DUMMY])
      .analyze();
    expect(axe.passes.some((rule) => rule.id === "color-contrast")).toBe(true);
    expect(
      axe.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`)),
    ).toEqual([]);

    // The steward's work itself, in the channel tab (the people picker's list needs the room).
    tab = await openTab(page, server.baseUrl, {
      user: demoSteward.id,
      entityId: community,
      locale: "de-DE",
      page: MEMBERS_PAGE,
    });
    await tab.getByTestId("join-request").nth(1).waitFor();
    await tab.getByRole("button", { name: `Anfrage von ${asker.displayName} annehmen` }).click();
    await tab.getByText(`${asker.displayName} ist jetzt Mitglied.`).waitFor();
    await tab.getByRole("button", { name: `Anfrage von ${other.displayName} ablehnen` }).click();
    await tab.getByText(`Sie haben die Anfrage von ${other.displayName} abgelehnt.`).waitFor();
    await tab.getByText("Keine Anfragen warten.").waitFor();
    const members = tab.getByTestId("member");
    await members.filter({ hasText: asker.displayName }).waitFor();
    expect(await memberIds()).toEqual(expect.arrayContaining([demoSteward.id, asker.id]));
    expect(await memberIds()).not.toContain(other.id);

    // Add someone through the people picker, as a steward.
    const picker = tab.getByRole("combobox", { name: /Hinzuzufügende Personen/ });
    await picker.fill(picked.displayName.split(" ")[0] ?? picked.displayName);
    await tab.getByRole("option", { name: new RegExp(`^${picked.displayName}`) }).click();
    // The picker's list stays open for more people (it covers the form below at 280 px): close it.
    await picker.press("Escape");
    // By keyboard: the picker's list of people stays open over the form for picking more.
    const asStewards = tab.getByRole("checkbox", { name: "Als Verantwortliche hinzufügen" });
    await asStewards.focus();
    await asStewards.press("Space");
    expect(await tab.getByRole("checkbox", { name: "Als Verantwortliche hinzufügen" }).isChecked()).toBe(
      true,
    );
    await tab.getByRole("button", { name: "Hinzufügen", exact: true }).click();
    await tab.getByText("1 Person hinzugefügt.").waitFor();
    const added = members.filter({ hasText: picked.displayName });
    await added.getByText("Verantwortlich", { exact: true }).waitFor();
    const read = (await api(picked, "GET", `/communities/${community}`)).body as Record<string, unknown>;
    expect(read).toMatchObject({ isMember: true, isSteward: true });

    // End their steward role, then remove the approved member.
    await tab.getByRole("button", { name: `Verantwortung von ${picked.displayName} beenden` }).click();
    await tab.getByRole("button", { name: `${picked.displayName} zu Verantwortlichen machen` }).waitFor();
    await tab.getByRole("button", { name: `${asker.displayName} aus der Community entfernen` }).click();
    await members.filter({ hasText: asker.displayName }).waitFor({ state: "detached" });
    expect(await memberIds()).not.toContain(asker.id);

    // The only steward left cannot end their role: the page says why.
    await tab.getByRole("button", { name: `Verantwortung von ${demoSteward.displayName} beenden` }).click();
    await tab
      .getByRole("alert")
      .getByText(/name another steward first/)
      .waitFor();
  });

  it("tells a member who is not a steward that the members page is for stewards", async () => {
    const tab = await openTab(page, server.baseUrl, {
      user: picked.id,
      entityId: community,
      page: MEMBERS_PAGE,
    });
    await tab.getByRole("heading", { level: 1, name: "Only stewards manage members" }).waitFor();
  });

  it("tells a non-member whose helpful vote joined the open community so", async () => {
    const entry = await createEntry(server.baseUrl, demoSteward, server.demoCommunityId, {
      type: "insight",
      title: "Write the decision down before the meeting ends",
      body: "A decision nobody wrote down is made again next week.",
    });
    const before = (await api(voter, "GET", `/communities/${server.demoCommunityId}`)).body as {
      isMember: boolean;
      memberCount: number;
    };
    expect(before.isMember).toBe(false);
    const tab = await openTab(page, server.baseUrl, {
      user: voter.id,
      page: entryPage(server.demoCommunityId, entry.id),
    });
    await tab.getByTestId("helpful-button").click();
    await tab
      .getByTestId("joined-community-note")
      .getByText("Taking part made you a member of this community.", { exact: false })
      .waitFor();
    await tab.getByTestId("helpful-count").filter({ hasText: /^1$/ }).waitFor();
    const after = (await api(voter, "GET", `/communities/${server.demoCommunityId}`)).body as {
      isMember: boolean;
      memberCount: number;
    };
    expect(after).toMatchObject({ isMember: true, memberCount: before.memberCount + 1 });
  });
});
