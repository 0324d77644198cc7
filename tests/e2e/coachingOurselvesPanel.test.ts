import { describe, expect, it } from "vitest";
import { demoPeople } from "../../src/local/demoCommunity.js";
import { LEADING_THROUGH_CHANGE } from "../support/moduleFixtures.js";
import { org } from "../support/orgFixture.js";
import { demoServerAndBrowser } from "../support/panelBrowser.js";
import { brokenWords, pageWidth } from "./layoutChecks.js";
import { type HostParams, openTab } from "./localHostPage.js";

type Person = { id: string; displayName: string };

/**
 * A CoachingOurselves-style module in Chromium: a steward writes one on the Modules page in the
 * 280 px side panel (a section without timing is refused with its line; the good one is imported
 * from a .md file), the facilitator sets the
 * activity up from it in the side panel, a German participant at 280 px follows each section's text
 * with their group, writes an action and rates the module after the end, the stage shows the
 * section, and the steward sees the rating counted, with no average before five.
 */
describe("CoachingOurselves module from the side panel and on the stage", () => {
  const [steward, german, other] = demoPeople(org) as unknown as [Person, Person, Person];
  const { server: running, context } = demoServerAndBrowser();

  const panelOf = async (user: Person, extra: HostParams = {}) =>
    openTab(await context().newPage(), running().baseUrl, { frame: "sidePanel", user: user.id, ...extra });

  it("writes a module at 280 px, runs it from the side panel and collects a German participant's action and rating", async () => {
    // The steward writes the module in the 280 px panel.
    const modules = await panelOf(steward, { page: "/tab/modules" });
    const box = modules.getByTestId("module-markdown");
    await box.fill(LEADING_THROUGH_CHANGE.replace("## Reflect (10 min)", "## Reflect"));
    await modules.getByTestId("module-save").click();
    await modules.getByText("Line 8: “Reflect” has no timing; write it like “## Read (15 min)”.").waitFor();
    // Imported from a .md file instead: the file's text fills the box.
    await modules.getByTestId("module-import").setInputFiles({
      name: "leading-through-change.md",
      mimeType: "text/markdown",
      buffer: Buffer.from(LEADING_THROUGH_CHANGE),
    });
    // The browser reads the file asynchronously: wait until its text is in the box.
    await expect.poll(() => box.inputValue(), { timeout: 10_000 }).toBe(LEADING_THROUGH_CHANGE);
    await modules.getByTestId("module-save").click();
    const card = modules.getByTestId("module");
    await card.getByRole("heading", { name: "Leading through change" }).waitFor();
    await card.getByText("Exchange in groups (45 min)").waitFor();
    const width = await pageWidth(modules);
    expect(width.scrollWidth).toBeLessThanOrEqual(width.clientWidth);

    // The facilitator sets it up from the module: no minutes to fill in.
    const f = await panelOf(steward);
    await f.getByRole("button", { name: "Set up an activity" }).click();
    const form = f.getByRole("form", { name: "Set up an activity" });
    await form.getByRole("combobox", { name: "Format" }).selectOption("coaching-ourselves");
    await form
      .getByRole("combobox", { name: /Module/ })
      .selectOption({ label: "Leading through change · 4 sections, 85 min" });
    expect(await form.getByRole("spinbutton").count()).toBe(0);
    await form.getByRole("textbox", { name: /Prompt/ }).fill("Leading through change");
    await form.getByRole("button", { name: "Set up" }).click();

    const germanTab = await panelOf(german, { locale: "de-DE" });
    await germanTab.getByRole("button", { name: "An der Aktivität teilnehmen" }).click();
    const otherTab = await panelOf(other);
    await otherTab.getByRole("button", { name: "Join the activity" }).click();
    const controls = f.getByTestId("facilitator-controls");
    await controls.getByRole("button", { name: "Start" }).click();

    // Each group sees the section's text with the module's title, in German at 280 px.
    const section = germanTab.getByTestId("section-text");
    await section.getByText("Leading through change · Abschnitt 1 von 4").waitFor({ timeout: 15_000 });
    await section.locator("strong", { hasText: "release process" }).waitFor();
    // What to do comes from the section's rule, in German; the section's title is the module's.
    await germanTab
      .getByText("Ihre Gruppe (4–6 Personen) steht. Gehen Sie den Abschnitt des Moduls gemeinsam durch.")
      .waitFor();
    await controls.getByRole("button", { name: /Reflect/ }).click();
    await controls.getByRole("button", { name: /Exchange in groups/ }).click();
    await controls.getByRole("button", { name: /Actions/ }).click();
    const action = germanTab.getByTestId("my-action");
    await action.getByRole("textbox").fill("Mein Team fragen, was es an der Änderung beunruhigt");
    await action.getByRole("button", { name: "Speichern" }).click();
    await action.getByText("Gespeichert").waitFor();
    expect(await brokenWords(germanTab)).toEqual([]);
    const narrow = await pageWidth(germanTab);
    expect(narrow.scrollWidth).toBeLessThanOrEqual(narrow.clientWidth);

    // The stage shows the section that runs.
    const stage = await openTab(await context().newPage(), running().baseUrl, { frame: "meetingStage" });
    await stage
      .getByTestId("section-text")
      .getByText("One thing you will do differently with your team.")
      .waitFor({
        timeout: 15_000,
      });

    // After the end, the German participant rates the module, 1–5.
    await controls.getByRole("button", { name: "End activity" }).click();
    await f.getByRole("dialog").getByRole("button", { name: "End activity" }).click();
    const rating = germanTab.getByTestId("my-usefulness");
    await rating.getByRole("heading", { name: "Wie nützlich war das Modul?" }).waitFor({ timeout: 15_000 });
    await rating.getByRole("radio", { name: "4" }).check();
    await rating.getByRole("button", { name: "Speichern" }).click();
    await rating.getByText("Gespeichert").waitFor();

    // The steward sees it counted, without an average before five ratings.
    const modulesAgain = await panelOf(steward, { page: "/tab/modules" });
    const report = modulesAgain.getByTestId("module-report");
    await report.getByText("Ratings: 1 · sessions run: 1").waitFor({ timeout: 15_000 });
    await report.getByText(/The average shows from 5 ratings on/).waitFor();

    // A steward deletes the module, after saying so in a dialog.
    await modulesAgain.getByRole("button", { name: "Delete module" }).click();
    const dialog = modulesAgain.getByRole("dialog", { name: "Delete this module?" });
    await dialog.getByRole("button", { name: "Delete module" }).click();
    await modulesAgain.getByTestId("modules-empty").waitFor();
    expect(await modulesAgain.getByTestId("module").count()).toBe(0);
  });
});
