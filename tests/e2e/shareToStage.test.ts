import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newLocalOnlyContext } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/testServer.js";
import { apiAs, demoMemberA, demoSteward } from "./librarySupport.js";
import { hostUrl, receivedCalls, tabFrame, waitForAppSuccess } from "./localHostPage.js";

const PROMPT = "What would we show the whole meeting?";

/**
 * One click puts the activity on the meeting stage: the side panel's "Share to stage" calls
 * teams-js `meeting.shareAppContentToStage`, which the local Teams host answers by opening the
 * stage page in its stage area, as Teams does for the whole meeting.
 */
describe("share to stage from the side panel", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    browser = await launchBrowser();
    ({ context } = await newLocalOnlyContext(browser, { viewport: { width: 1280, height: 1400 } }));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The side panel as a person; the meeting chat id it asks the API about. */
  async function sidePanel(
    user: { id: string },
    locale = "en-US",
  ): Promise<{ page: Page; conversationId: string }> {
    const page = await context.newPage();
    const asked = page.waitForRequest((r) => r.url().includes("/api/activities?conversationId="));
    await page.goto(
      hostUrl(server.baseUrl, { frame: "sidePanel", user: user.id, page: "/tab/meeting/sidepanel", locale }),
    );
    await waitForAppSuccess(page);
    const conversationId = new URL((await asked).url()).searchParams.get("conversationId") ?? "";
    return { page, conversationId };
  }

  it("shows the button to the facilitator only, and the click puts the stage view up in the host", async () => {
    const facilitator = await sidePanel(demoSteward);
    expect(facilitator.conversationId).toMatch(/^19:meeting_/);
    const created = await apiAs(server.baseUrl, demoSteward, "POST", "/activities", {
      communityId: server.demoCommunityId,
      conversationId: facilitator.conversationId,
      prompt: PROMPT,
      requestId: "stage-setup",
    });
    expect(created.status).toBe(201);
    const activityId = (created.body as { activity: { id: string } }).activity.id;
    const started = await apiAs(server.baseUrl, demoSteward, "POST", `/activities/${activityId}/controls`, {
      kind: "start",
      requestId: "stage-start",
    });
    expect(started.status).toBe(200);

    const panel = await tabFrame(facilitator.page);
    const share = panel.getByRole("button", { name: "Share to stage" });
    await share.waitFor();
    // Nothing is on the stage before the click.
    expect(await facilitator.page.locator("#stage-area").isHidden()).toBe(true);
    await share.click();
    await panel.getByText("The activity is on the meeting stage.").waitFor();

    const stageArea = facilitator.page.locator("#stage-area");
    await stageArea.waitFor({ state: "visible" });
    expect(await facilitator.page.locator("#stage-frame").getAttribute("src")).toBe("/tab/meeting/stage");
    await facilitator.page.waitForFunction(
      () => document.getElementById("stage-area")?.dataset.appStatus === "success",
    );
    const stage = await (await facilitator.page.locator("#stage-frame").elementHandle())?.contentFrame();
    if (!stage) throw new Error("the host has no stage frame");
    await stage.getByText(PROMPT).waitFor();
    await stage.getByTestId("stage-phase").getByText("Think", { exact: false }).waitFor();
    // The stage app was told it is on the stage (frameContext meetingStage) and signed in as Teams does.
    expect(await receivedCalls(facilitator.page)).toEqual(
      expect.arrayContaining([
        "meeting.getAppContentStageSharingCapabilities",
        "meeting.shareAppContentToStage",
      ]),
    );

    // A participant who does not steer sees no button (and nothing else changes on the stage).
    const participant = await sidePanel(demoMemberA);
    const theirs = await tabFrame(participant.page);
    await theirs.getByTestId("meeting-activity").waitFor();
    await theirs.getByTestId("activity-prompt").getByText(PROMPT).waitFor();
    expect(await theirs.getByRole("button", { name: "Share to stage" }).count()).toBe(0);
    expect(await participant.page.locator("#stage-area").isHidden()).toBe(true);

    // In German, in the 280 px panel, the button's label fits on its line.
    const german = await tabFrame((await sidePanel(demoSteward, "de-DE")).page);
    const button = german.getByRole("button", { name: "Auf der Bühne zeigen" });
    await button.waitFor();
    const fits = await button.evaluate((el) => ({
      right: el.getBoundingClientRect().right,
      width: document.documentElement.clientWidth,
      oneLine: el.getBoundingClientRect().height < 40,
    }));
    expect(fits.right).toBeLessThanOrEqual(fits.width);
    expect(fits.oneLine).toBe(true);
  });
});
