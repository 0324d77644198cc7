import type { Browser, BrowserContext, Frame } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "../../src/local/demoCommunity.js";
import { launchBrowser, newLocalOnlyContext } from "../support/browser.js";
import { org } from "../support/orgFixture.js";
import { startTestServer, type TestServer } from "../support/testServer.js";
import { brokenWords, pageWidth } from "./layoutChecks.js";
import { type HostParams, openTab } from "./localHostPage.js";

const JOIN_DE = "An der Aktivität teilnehmen";
const QUESTION = "What would make onboarding stick in the first month?";

/**
 * A Knowledge Café run from the meeting side panel, built from the format's definition: the
 * facilitator picks the format and its phases' minutes; people see their table and write its
 * notes together; in the harvest they add themes and a pledge, and see what everyone added. One
 * participant's panel is German at 280 px; one more joins late, in round 2, on a dark panel.
 */
describe("Knowledge Café in the meeting side panel", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  const [steward, ...members] = demoPeople(org) as unknown as { id: string; displayName: string }[];
  const people = members.slice(0, 4);

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    browser = await launchBrowser();
    ({ context } = await newLocalOnlyContext(browser, { viewport: { width: 1280, height: 900 } }));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const panelOf = async (user: { id: string }, extra: HostParams = {}) =>
    openTab(await context.newPage(), server.baseUrl, { frame: "sidePanel", user: user.id, ...extra });

  it("runs tables, notes, themes and pledges from the panel", async () => {
    const f = await panelOf(steward as { id: string });
    await f.getByRole("button", { name: "Set up an activity" }).click();
    const form = f.getByRole("form", { name: "Set up an activity" });
    await form.getByRole("combobox", { name: "Format" }).selectOption("knowledge-cafe");
    // The café's own phases, with its defaults; the third round can be left out with 0.
    expect(await form.getByRole("spinbutton", { name: "Café round 1" }).inputValue()).toBe("12");
    await form.getByRole("spinbutton", { name: /Café round 3/ }).fill("0");
    await form.getByRole("textbox", { name: /Prompt/ }).fill(QUESTION);
    await form.getByRole("button", { name: "Set up" }).click();
    await f.getByTestId("facilitator-controls").getByRole("button", { name: "Start" }).click();
    await f.getByTestId("activity-countdown").waitFor();

    // Four people join; one of them sees the panel in German at 280 px.
    const tabs: Frame[] = [];
    for (const [i, p] of people.entries()) {
      const tab = await panelOf(p, i === 0 ? { locale: "de-DE" } : {});
      await tab.getByTestId("activity-prompt").getByText(QUESTION).waitFor();
      await tab.getByRole("button", { name: i === 0 ? JOIN_DE : "Join the activity" }).click();
      tabs.push(tab);
    }
    // Round 1: everyone at one table of four, with a text the table writes together.
    await f
      .getByTestId("facilitator-controls")
      .getByRole("button", { name: "Move on to Café round 1" })
      .click();
    const german = tabs[0] as Frame;
    const notes = german.getByTestId("group-table-notes");
    await notes.getByRole("heading", { name: "Notizen unseres Tisches" }).waitFor();
    await notes.getByRole("textbox").fill("Ein Buddy in der ersten Woche");
    await notes.getByRole("button", { name: "Speichern" }).click();
    await notes.getByText("Gespeichert", { exact: true }).waitFor();
    expect(await brokenWords(german)).toEqual([]);
    const width = await pageWidth(german);
    expect(width.scrollWidth).toBeLessThanOrEqual(width.clientWidth);
    // Another at the table sees it and can carry it on.
    const english = tabs[1] as Frame;
    await english.getByTestId("group-table-notes").getByRole("textbox").waitFor();
    await expect
      .poll(() => english.getByTestId("group-table-notes").getByRole("textbox").inputValue(), {
        timeout: 15_000,
      })
      .toBe("Ein Buddy in der ersten Woche");

    // Round 2, then the harvest (round 3 was left out): themes and a pledge.
    const controls = f.getByTestId("facilitator-controls");
    await controls.getByRole("button", { name: "Move on to Café round 2" }).click();
    await english.getByTestId("group-table-notes").waitFor();
    // Someone arrives in round 2 (a dark panel): it shows the first round's notes; Join names
    // them as held, its answer leaves them out, and the panel keeps showing them, at their table.
    const latePage = await context.newPage();
    const late = await openTab(latePage, server.baseUrl, {
      frame: "sidePanel",
      user: (members[4] as { id: string }).id,
      theme: "dark",
    });
    const firstRound = late.getByTestId("from-everyone").getByText("Ein Buddy in der ersten Woche");
    await firstRound.waitFor();
    const joinAnswer = latePage.waitForResponse((r) => r.url().endsWith("/join"));
    await late.getByRole("button", { name: "Join the activity" }).click();
    expect(await (await joinAnswer).json()).toMatchObject({
      submissionsHeld: true,
      activity: { submissions: [] },
    });
    await late.getByTestId("group-table-notes").waitFor();
    expect(await firstRound.count()).toBe(1);
    if (process.env.SCREENSHOT_DIR) {
      await latePage.screenshot({ path: `${process.env.SCREENSHOT_DIR}/cafe-late-joiner-dark.png` });
      await late
        .getByTestId("from-everyone")
        .screenshot({ path: `${process.env.SCREENSHOT_DIR}/cafe-late-joiner-dark-notes.png` });
    }
    await controls.getByRole("button", { name: "Move on to Harvest" }).click();
    const themes = english.getByTestId("add-theme");
    await themes.getByRole("textbox").fill("A small win in week two");
    await themes.getByRole("button", { name: "Add theme" }).click();
    await themes.getByRole("listitem").getByText("A small win in week two").waitFor();
    const pledge = english.getByTestId("my-pledge");
    await pledge.getByRole("textbox").fill("I will pair with the next newcomer");
    await pledge.getByRole("button", { name: "Save" }).click();
    await pledge.getByText("Saved", { exact: true }).waitFor();
    // Everyone sees the theme; the German panel names it in German.
    const everyone = german.getByTestId("from-everyone");
    await everyone.getByText("A small win in week two").waitFor({ timeout: 15_000 });
    await everyone.getByText("Themen", { exact: true }).waitFor();
    // A vote for the theme: pressed, counted, in German.
    const vote = everyone.getByRole("button", { name: /^Für „A small win in week two“ stimmen/ });
    await vote.click();
    await everyone
      .getByRole("button", { name: "Für „A small win in week two“ stimmen (1 Stimme)" })
      .waitFor();
    expect(await vote.getAttribute("aria-pressed")).toBe("true");
    expect(await brokenWords(german)).toEqual([]);
    // The stage shows who takes part and what was shared, not think-pair-share's wall.
    const stage = await openTab(await context.newPage(), server.baseUrl, { frame: "meetingStage" });
    await stage.getByTestId("stage-taking-part").getByText("5 taking part").waitFor();
    await stage.getByTestId("stage-shared").getByText("A small win in week two").waitFor();
    expect(await stage.getByText("Shared insights").count()).toBe(0);
    // Named as the café, its lists by what they hold (not the panel's "My pledge").
    await stage.getByText(/^Knowledge Café in /).waitFor();
    await stage.getByTestId("stage-shared").getByText("Pledges", { exact: true }).waitFor();
    expect(await stage.getByText("My pledge").count()).toBe(0);
    await german.getByTestId("from-everyone").getByText("Zusagen", { exact: true }).waitFor();
  });
});
