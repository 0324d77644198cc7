import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newLocalOnlyContext } from "../support/browser.js";
import { org } from "../support/orgFixture.js";
import { startTestServer, type TestServer } from "../support/testServer.js";
import { apiAs, demoMemberA, demoMemberB, demoSteward } from "./librarySupport.js";
import { type HostParams, openTab, receivedCalls } from "./localHostPage.js";

const TAB_FRAME = "#tab-frame";
const TABSTER_DUMMY = "[data-tabster-dummy]";
const THEMES = ["default", "dark", "contrast"] as const;
const PROMPT = "What slowed our last release down?";

/** The frame's viewport and how wide its content is; wider content means horizontal scrolling. */
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

/** Serious or critical axe findings inside the tab frame of a page. */
async function serious(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include(TAB_FRAME)
    .exclude([TAB_FRAME, TABSTER_DUMMY])
    .analyze();
  expect(results.passes.some((rule) => rule.nodes.some((node) => node.target.length > 1))).toBe(true);
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((node) => `${v.id}: ${JSON.stringify(node.target)}`));
}

const mailOf = (id: string) => org.users.find((u) => u.id === id)?.mail ?? "";

describe("think-pair-share in the meeting side panel and on the stage", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  const pages: Page[] = [];
  let activityId = "";

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    browser = await launchBrowser();
    ({ context } = await newLocalOnlyContext(browser, { viewport: { width: 1280, height: 900 } }));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A new page of the host with the tab in a meeting frame, as a person. */
  async function open(params: HostParams): Promise<{ page: Page; tab: Frame }> {
    const page = await context.newPage();
    pages.push(page);
    return { page, tab: await openTab(page, server.baseUrl, params) };
  }

  const panelOf = (user: { id: string }, extra: HostParams = {}) =>
    open({ frame: "sidePanel", user: user.id, ...extra });

  it("runs from set-up to close: facilitator, two participants and the stage", async () => {
    // The facilitator sets it up from the side panel (defaults 2/5/5, across departments) and starts.
    const facilitator = await panelOf(demoSteward);
    const f = facilitator.tab;
    await f.getByText("No activity is running in this meeting.").waitFor();
    await f.getByRole("button", { name: "Set up an activity" }).click();
    const form = f.getByRole("form", { name: "Set up an activity" });
    expect(await form.getByRole("spinbutton", { name: "Think" }).inputValue()).toBe("2");
    expect(await form.getByRole("spinbutton", { name: "Pair" }).inputValue()).toBe("5");
    expect(await form.getByRole("spinbutton", { name: "Share" }).inputValue()).toBe("5");
    expect(await form.getByRole("combobox", { name: /Pairing/ }).inputValue()).toBe("cross-department");
    const formLayout = await layoutOf(f);
    expect(formLayout.scrollWidth).toBeLessThanOrEqual(formLayout.clientWidth);
    expect(formLayout.widestRight).toBeLessThanOrEqual(formLayout.clientWidth);
    // An empty prompt is refused with the reason next to the field.
    await form.getByRole("button", { name: "Set up" }).click();
    await form.getByText(/Write a prompt/).waitFor();
    await form.getByRole("textbox", { name: /Prompt/ }).fill(PROMPT);
    await form.getByRole("button", { name: "Set up" }).click();
    const controls = f.getByTestId("facilitator-controls");
    await controls.getByRole("button", { name: "Start" }).click();
    await f.getByTestId("activity-countdown").waitFor();
    // The facilitator (in no group) is told what people are asked to do, not asked to do it.
    expect(await f.getByTestId("activity-instruction").textContent()).toMatch(
      /^Participants see: “Think about the prompt on your own/,
    );
    activityId = (await f.getByTestId("meeting-activity").getAttribute("data-activity-id")) ?? "";
    expect(activityId).not.toBe("");

    // The stage shows the prompt, the phase, a countdown and how many reflected.
    const stage = await open({ frame: "meetingStage" });
    const s = stage.tab;
    await s.getByRole("heading", { level: 1, name: PROMPT }).waitFor();
    expect(await s.getByTestId("stage-phase").textContent()).toContain("Think");
    expect(await s.getByTestId("stage-countdown").textContent()).toMatch(/^[12]:\d\d$/);
    await s.getByTestId("stage-reflected").getByText("0 of 0 have reflected").waitFor();

    // Two participants reflect privately.
    const a = await panelOf(demoMemberA);
    const b = await panelOf(demoMemberB);
    for (const [panel, text] of [
      [a.tab, "Alice: releases wait on manual sign-off"],
      [b.tab, "Bob: flaky tests block the pipeline"],
    ] as const) {
      await panel.getByTestId("activity-prompt").getByText(PROMPT).waitFor();
      await panel.getByText("Only you can see this.", { exact: false }).waitFor();
      expect(await panel.getByTestId("activity-instruction").textContent()).toMatch(
        /^Think about the prompt/,
      );
      await panel.getByRole("textbox", { name: "My reflection (private)" }).fill(text);
      await panel.getByTestId("my-reflection").getByRole("button", { name: "Save" }).click();
      await panel.getByTestId("my-reflection").getByText("Saved").waitFor();
    }
    await s.getByTestId("stage-reflected").getByText("2 of 2 have reflected").waitFor();
    await f.getByTestId("reflected-count").getByText("2 of 2 have reflected").waitFor();
    // The stage and the facilitator never see what anyone wrote.
    for (const frame of [s, f])
      expect(await frame.locator("body").textContent()).not.toContain("manual sign-off");

    // Pair: each sees the other as partner, with a one-click Teams chat.
    await controls.getByRole("button", { name: "Move on to Pair" }).click();
    await f
      .getByTestId("activity-instruction")
      .getByText(/^Participants see: “Talk it over with your partner/)
      .waitFor();
    const aPartners = a.tab.getByTestId("my-partners");
    await aPartners.getByRole("listitem").getByText(demoMemberB.displayName, { exact: true }).waitFor();
    await b.tab
      .getByTestId("my-partners")
      .getByRole("listitem")
      .getByText(demoMemberA.displayName, { exact: true })
      .waitFor();
    await aPartners.getByRole("button", { name: `Chat with ${demoMemberB.displayName}` }).click();
    await expect
      .poll(() => receivedCalls(a.page))
      .toContain(
        `executeDeepLink https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(mailOf(demoMemberB.id))}`,
      );

    // Share: A writes the key insight; the stage wall shows it within 2 s.
    const aShare = a.tab.getByTestId("pair-share");
    await aShare.getByRole("textbox", { name: "Our key insight" }).fill("Sign-off is the bottleneck");
    await aShare.getByRole("button", { name: "Save" }).click();
    await aShare.getByText("Saved", { exact: true }).waitFor();
    await s.getByTestId("stage-wall").getByText("Sign-off is the bottleneck").waitFor({ timeout: 2_000 });

    // B's box follows A's text; B edits it, and the wall follows.
    const bShare = b.tab.getByTestId("pair-share");
    const bBox = bShare.getByRole("textbox", { name: "Our key insight" });
    await expect.poll(() => bBox.inputValue(), { timeout: 5_000 }).toBe("Sign-off is the bottleneck");
    await bBox.fill("Sign-off is the bottleneck; automate the checklist");
    await bShare.getByRole("button", { name: "Save" }).click();
    await s
      .getByTestId("stage-wall")
      .getByText("Sign-off is the bottleneck; automate the checklist")
      .waitFor({
        timeout: 2_000,
      });

    // A edits from that version while B saves again: A's save is refused, both texts are shown and
    // merged in the box, and saving the merge keeps both.
    const aBox = aShare.getByRole("textbox", { name: "Our key insight" });
    await expect.poll(() => aBox.inputValue(), { timeout: 5_000 }).toContain("automate the checklist");
    await aBox.fill("Sign-off waits two days");
    const shareEtag = await apiAs(server.baseUrl, demoMemberB, "GET", `/activities/${activityId}`).then(
      (r) => (r.body as { activity: { me: { share: { etag: string } } } }).activity.me.share.etag,
    );
    const bSaved = await apiAs(
      server.baseUrl,
      demoMemberB,
      "PUT",
      `/activities/${activityId}/share`,
      { text: "Bob's rewrite: one owner per release", requestId: "bob-rewrite" },
      { "If-Match": shareEtag },
    );
    expect(bSaved.status).toBe(200);
    await aShare.getByRole("button", { name: "Save" }).click();
    const conflict = aShare.getByTestId("share-conflict");
    await conflict.getByText("Your partner saved meanwhile").waitFor();
    expect(await conflict.getByTestId("their-version").textContent()).toBe(
      "Bob's rewrite: one owner per release",
    );
    expect(await conflict.getByTestId("your-version").textContent()).toBe("Sign-off waits two days");
    // The two versions stand apart, one under the other (they ran together inline in the panel).
    const theirs = await conflict.getByTestId("their-version").boundingBox();
    const yours = await conflict.getByTestId("your-version").boundingBox();
    if (!theirs || !yours) throw new Error("a version is not shown");
    expect(yours.y).toBeGreaterThanOrEqual(theirs.y + theirs.height);
    const merged = await aBox.inputValue();
    expect(merged).toContain("Bob's rewrite: one owner per release");
    expect(merged).toContain("Sign-off waits two days");
    await aShare.getByRole("button", { name: "Save merged insight" }).click();
    await conflict.waitFor({ state: "detached" });
    const wallItem = s.getByTestId("stage-wall").getByRole("listitem");
    await expect.poll(() => wallItem.textContent(), { timeout: 2_000 }).toContain("Sign-off waits two days");
    expect(await wallItem.textContent()).toContain("Bob's rewrite");

    // Share phase: the facilitator highlights; the stage marks it.
    await controls.getByRole("button", { name: "Move on to Share" }).click();
    const names = new RegExp(
      `^Highlight the insight of (${demoMemberA.displayName}|${demoMemberB.displayName}) and`,
    );
    await f.getByTestId("panel-wall").getByRole("button", { name: names }).click();
    await s.getByTestId("stage-wall").getByText("Highlighted").waitFor({ timeout: 2_000 });

    // The side panel fits 280 px without horizontal scrolling, with all of this on it.
    for (const panel of [a.tab, f]) {
      const layout = await layoutOf(panel);
      expect(layout.width).toBe(280);
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
      expect(layout.widestRight).toBeLessThanOrEqual(layout.clientWidth);
    }
    const stageLayout = await layoutOf(s);
    expect(stageLayout.scrollWidth).toBeLessThanOrEqual(stageLayout.clientWidth);

    // Close: the facilitator ends it (after confirming); each writes a commitment.
    await controls.getByRole("button", { name: "End activity" }).click();
    await f.getByRole("dialog").getByRole("button", { name: "End activity" }).click();
    await s.getByTestId("stage-phase").getByText("Ended", { exact: false }).waitFor();
    const commitment = a.tab.getByTestId("my-commitment");
    await commitment
      .getByRole("textbox", { name: "What will I try before next time?" })
      .fill("Automate sign-off");
    await commitment.getByRole("button", { name: "Save" }).click();
    await commitment.getByText("Saved").waitFor();
    // The stage keeps the final wall.
    expect(await s.getByTestId("stage-wall").textContent()).toContain("Sign-off waits two days");
  });

  it("puts my reflection and commitment in My learning, and nobody else's", async () => {
    const { tab } = await open({ user: demoMemberA.id, page: "/tab/personal", entityId: "" });
    const reflections = tab.getByTestId("my-reflections");
    await reflections.getByText("Alice: releases wait on manual sign-off").waitFor();
    await reflections.getByText(`Prompt: ${PROMPT}`).waitFor();
    await tab.getByTestId("my-commitments").getByText("Automate sign-off").waitFor();
    expect(await tab.locator("body").textContent()).not.toContain("Bob: flaky tests");
  });

  it("shows the view in German", async () => {
    const { tab } = await panelOf(demoMemberA, { locale: "de-DE" });
    await tab.getByRole("heading", { name: "Diese Aktivität ist beendet" }).waitFor();
    await tab.getByRole("textbox", { name: "Was probiere ich bis zum nächsten Mal aus?" }).waitFor();
  });

  it.each(THEMES)(
    "no serious or critical axe findings on the panels and the stage (%s theme)",
    async (theme) => {
      const f = await panelOf(demoSteward, { theme });
      // The activity of the first test has ended: set up a new one (in the share phase: the richest
      // views) once, in the first theme.
      if (theme === "default") {
        await f.tab.getByRole("button", { name: "Set up an activity" }).click();
        await f.tab.getByRole("textbox", { name: /Prompt/ }).fill("What will you try next sprint?");
        expect(await serious(f.page)).toEqual([]);
        await f.tab.getByRole("button", { name: "Set up" }).click();
        await f.tab.getByTestId("facilitator-controls").getByRole("button", { name: "Start" }).click();
        const a = await panelOf(demoMemberA);
        await a.tab.getByRole("textbox", { name: "My reflection (private)" }).fill("A thought");
        await a.tab.getByTestId("my-reflection").getByRole("button", { name: "Save" }).click();
        const b = await panelOf(demoMemberB);
        await b.tab.getByRole("textbox", { name: "My reflection (private)" }).fill("Another thought");
        await b.tab.getByTestId("my-reflection").getByRole("button", { name: "Save" }).click();
        await b.tab.getByTestId("my-reflection").getByText("Saved").waitFor();
        await f.tab
          .getByTestId("facilitator-controls")
          .getByRole("button", { name: "Move on to Pair" })
          .click();
        await a.tab
          .getByTestId("my-partners")
          .getByRole("listitem")
          .getByText(demoMemberB.displayName)
          .waitFor();
        const aShare = a.tab.getByTestId("pair-share");
        await aShare
          .getByRole("textbox", { name: "Our key insight" })
          .fill("Pairing across teams spreads tricks");
        await aShare.getByRole("button", { name: "Save" }).click();
        await aShare.getByText("Saved", { exact: true }).waitFor();
        await f.tab
          .getByTestId("facilitator-controls")
          .getByRole("button", { name: "Move on to Share" })
          .click();
        await f.tab
          .getByTestId("panel-wall")
          .getByRole("button", { name: /^Highlight/ })
          .click();
        await f.tab.getByTestId("panel-wall").getByText("Highlighted").waitFor();
      } else {
        await f.tab.getByTestId("panel-wall").getByText("Highlighted").waitFor();
      }
      expect(await serious(f.page)).toEqual([]);

      const participant = await panelOf(demoMemberA, { theme });
      await participant.tab
        .getByTestId("my-partners")
        .getByRole("listitem")
        .getByText(demoMemberB.displayName)
        .waitFor();
      await participant.tab.getByTestId("pair-share").getByText("Saved", { exact: true }).waitFor();
      expect(await serious(participant.page)).toEqual([]);

      const stage = await open({ frame: "meetingStage", theme });
      await stage.tab.getByTestId("stage-wall").getByText("Highlighted").waitFor();
      expect(await serious(stage.page)).toEqual([]);
      for (const page of pages.splice(0)) await page.close();
    },
  );
});
