import type { Browser, BrowserContext, Frame } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "../../src/local/demoCommunity.js";
import { launchBrowser, newLocalOnlyContext } from "../support/browser.js";
import { org } from "../support/orgFixture.js";
import { startTestServer, type TestServer } from "../support/testServer.js";
import { brokenWords, pageWidth } from "./layoutChecks.js";
import { type HostParams, openTab } from "./localHostPage.js";

const PROMPT = "December circle";

/**
 * A mastermind circle run from the meeting side panel: the facilitator sets it up from the format's
 * definition; four members join and make one circle; each panel says who is on the hot seat; the
 * hot seat alone gets the challenge box; the circle reads its questions; the queue shows who is
 * next; the stage names the hot seat and shows nothing written in the circle. One member's panel
 * is German at 280 px.
 */
describe("Mastermind circle in the meeting side panel", () => {
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

  it("seats a hot seat, keeps the circle's words inside it, and shows the queue", async () => {
    const f = await panelOf(steward as { id: string });
    await f.getByRole("heading", { name: "Meeting activity" }).waitFor();
    await f.getByRole("button", { name: "Set up an activity" }).click();
    const form = f.getByRole("form", { name: "Set up an activity" });
    await form.getByRole("combobox", { name: "Format" }).selectOption("mastermind");
    expect(await form.getByRole("spinbutton", { name: "Advice" }).inputValue()).toBe("20");
    await form.getByRole("textbox", { name: /Prompt/ }).fill(PROMPT);
    await form.getByRole("button", { name: "Set up" }).click();
    const controls = f.getByTestId("facilitator-controls");

    const tabs: Frame[] = [];
    for (const [i, p] of people.entries()) {
      const tab = await panelOf(p, i === 0 ? { locale: "de-DE" } : {});
      await tab.getByTestId("activity-prompt").getByText(PROMPT).waitFor();
      await tab
        .getByRole("button", { name: i === 0 ? "An der Aktivität teilnehmen" : "Join the activity" })
        .click();
      tabs.push(tab);
    }
    await controls.getByRole("button", { name: "Start" }).click();
    await controls.getByRole("button", { name: "Move on to Check-in" }).click();

    // Check-in: one circle of four; each panel names the hot seat (or says it is you).
    const seatLines = await Promise.all(
      tabs.map(async (tab) => {
        const line = tab.getByTestId("hot-seat");
        await line.waitFor({ timeout: 15_000 });
        return line.innerText();
      }),
    );
    const seatIndex = seatLines.findIndex(
      (l) => l === "You're on the hot seat." || l === "Sie sitzen auf dem heißen Stuhl.",
    );
    expect(seatIndex).toBeGreaterThanOrEqual(0);
    const seat = people[seatIndex] as { displayName: string };
    for (const [i, line] of seatLines.entries())
      if (i !== seatIndex) expect(line).toMatch(new RegExp(`${seat.displayName}$`));
    const german = tabs[0] as Frame;
    const member = tabs[seatIndex === 1 ? 2 : 1] as Frame;
    const goal = member.getByTestId("my-goal");
    await goal.getByRole("textbox").fill("Ship the data contracts pilot");
    await goal.getByRole("button", { name: "Save" }).click();
    await goal.getByText("Saved", { exact: true }).waitFor();
    await german
      .getByTestId("register")
      .getByText("Ship the data contracts pilot")
      .waitFor({ timeout: 15_000 });
    await german.getByTestId("register").getByText("Unsere Ziele").waitFor();

    // The queue: everyone of the circle, the one who just sat down last.
    const queue = member.getByTestId("hot-seat-queue");
    await queue.getByRole("heading", { name: "Hot-seat queue" }).waitFor();
    await expect.poll(() => queue.getByRole("listitem").count(), { timeout: 15_000 }).toBe(4);
    expect(await queue.getByRole("listitem").last().innerText()).toContain(seat.displayName);

    // The hot seat: only its person gets the challenge box.
    await controls.getByRole("button", { name: "Move on to Hot seat" }).click();
    const seatTab = tabs[seatIndex] as Frame;
    await seatTab.getByTestId("my-challenge").waitFor({ timeout: 15_000 });
    await member
      .getByText(/Hot seat/)
      .first()
      .waitFor();
    expect(await member.getByTestId("my-challenge").count()).toBe(0);
    await seatTab
      .getByTestId("my-challenge")
      .getByRole("textbox")
      .fill("Getting two teams to share one roadmap");
    await seatTab
      .getByTestId("my-challenge")
      .getByRole("button", { name: /Save|Speichern/ })
      .click();

    // Questions: the circle reads them under "From your group".
    await controls.getByRole("button", { name: "Move on to Questions" }).click();
    const ask = member.getByTestId("add-question");
    await ask.getByRole("textbox").fill("Who owns the roadmap today?");
    await ask.getByRole("button", { name: "Ask" }).click();
    await ask.getByRole("listitem").getByText("Who owns the roadmap today?").waitFor();
    const fromGroup = german.getByTestId("from-group");
    await fromGroup.getByText("Who owns the roadmap today?").waitFor({ timeout: 15_000 });
    await fromGroup.getByText("Aus Ihrer Gruppe").waitFor();
    expect(await brokenWords(german)).toEqual([]);
    const width = await pageWidth(german);
    expect(width.scrollWidth).toBeLessThanOrEqual(width.clientWidth);

    // The stage names the hot seat and shows nothing the circle wrote.
    const stage = await openTab(await context.newPage(), server.baseUrl, { frame: "meetingStage" });
    await stage.getByTestId("stage-hot-seats").getByText(`On the hot seat: ${seat.displayName}`).waitFor();
    await stage.getByText(/^Mastermind circle in /).waitFor();
    await stage.getByTestId("stage-confidential").waitFor();
    const stageText = await stage.locator("body").innerText();
    for (const secret of ["Who owns the roadmap today?", "Getting two teams", "data contracts pilot"])
      expect(stageText).not.toContain(secret);
  });
});
