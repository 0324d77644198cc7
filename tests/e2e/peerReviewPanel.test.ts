import { describe, expect, it } from "vitest";
import { demoPeople } from "../../src/local/demoCommunity.js";
import { org } from "../support/orgFixture.js";
import { tokenFor } from "../support/testServer.js";
import { brokenWords, pageWidth } from "./layoutChecks.js";
import { meetingPanelsForSuite } from "./meetingPanels.js";

const PROMPT = "Our Q1 pricing proposal";
const RUBRIC = ["Is the argument clear?", "What is missing?"];
const DRAFT = "https://contoso.sharepoint.com/pricing-q1.docx";
const FEEDBACK = "Die Zusammenfassung fehlt am Anfang";

/**
 * A peer review from the side panel and on the stage: the facilitator sets it up with a rubric
 * typed in the form and an author picked; the author shares the draft; a German reviewer at 280 px
 * writes feedback per criterion; the author marks it "I will change this" (it joins their changes
 * for that criterion); the stage shows the feedback criterion by criterion.
 */
describe("Peer review from the side panel and on the stage", () => {
  const { panelOf, stage: openStage, server } = meetingPanelsForSuite();
  const [steward, author, german, english] = demoPeople(org) as unknown as [
    { id: string; displayName: string },
    { id: string; displayName: string },
    { id: string; displayName: string },
    { id: string; displayName: string },
  ];

  it("reviews a draft per criterion and the author marks what they will change", async () => {
    const f = await panelOf(steward);
    await f.getByRole("button", { name: "Set up an activity" }).click();
    const form = f.getByRole("form", { name: "Set up an activity" });
    await form.getByRole("combobox", { name: "Format" }).selectOption("peer-review");
    await form.getByTestId("rubric-field").fill(RUBRIC.join("\n"));
    // The steward keeps it as the community's rubric too.
    await form.getByRole("checkbox", { name: "Keep as the community's rubric" }).check();
    const picker = form.getByRole("combobox", { name: /Author \(optional\)/ });
    await picker.fill(author.displayName.split(" ")[0] ?? author.displayName);
    await f.getByRole("option", { name: new RegExp(`^${author.displayName}`) }).click();
    await picker.press("Escape");
    await form.getByRole("textbox", { name: /Prompt/ }).fill(PROMPT);
    await form.getByRole("button", { name: "Set up" }).click();
    const controls = f.getByTestId("facilitator-controls");
    await controls.getByRole("button", { name: "Start" }).click();
    await f.getByTestId("role-holders").getByText(`Author: ${author.displayName}`).waitFor();
    const kept = await fetch(`${server().baseUrl}/api/communities/${server().demoCommunityId}/rubric`, {
      headers: { authorization: `Bearer ${await tokenFor(server().baseUrl, author.id)}` },
    });
    expect(((await kept.json()) as { criteria: string[] }).criteria).toEqual(RUBRIC);

    // The author shares the draft; only they are offered its box.
    const a = await panelOf(author);
    await a.getByRole("button", { name: "Join the activity" }).click();
    await a
      .getByTestId("role-holders")
      .getByText(/^You're the author/)
      .waitFor();
    const draft = a.getByTestId("my-draft");
    await draft.getByRole("textbox").fill(DRAFT);
    await draft.getByRole("button", { name: "Save" }).click();
    await draft.getByText("Saved").waitFor();
    const g = await panelOf(german, { locale: "de-DE" });
    await g.getByRole("button", { name: "An der Aktivität teilnehmen" }).click();
    const e = await panelOf(english);
    await e.getByRole("button", { name: "Join the activity" }).click();
    expect(await g.getByTestId("my-draft").count()).toBe(0);
    await g.getByTestId("from-everyone").getByText(DRAFT).waitFor();

    // Review: the German reviewer writes feedback on one criterion at 280 px.
    await controls.getByRole("button", { name: "Move on to Review" }).click();
    const feedback = g.getByTestId("criteria-review-feedback");
    await feedback.getByRole("textbox", { name: RUBRIC[1] }).fill(FEEDBACK);
    await feedback.getByRole("button", { name: "Feedback hinzufügen" }).click();
    await feedback.getByText("Hinzugefügt").waitFor();
    expect(await brokenWords(g)).toEqual([]);
    // The author is offered no feedback box on their own draft.
    await a.getByTestId("from-everyone").getByText(FEEDBACK).waitFor({ timeout: 15_000 });
    expect(await a.getByTestId("criteria-review-feedback").getByRole("textbox").count()).toBe(0);
    const width = await pageWidth(g);
    expect(width.scrollWidth).toBeLessThanOrEqual(width.clientWidth);

    // The author marks it: it joins their changes for that criterion.
    await controls.getByRole("button", { name: "Move on to What I will change" }).click();
    const everyone = a.getByTestId("from-everyone");
    await everyone.getByTestId("criteria").getByText(FEEDBACK).waitFor({ timeout: 15_000 });
    expect(await e.getByRole("button", { name: /^I will change this/ }).count()).toBe(0);
    await everyone.getByRole("button", { name: `I will change this: “${FEEDBACK}”` }).click();
    await everyone.getByText("In my changes").waitFor();
    const changes = a.getByTestId("criteria-changes");
    expect(await changes.getByRole("textbox", { name: RUBRIC[1] }).inputValue()).toBe(FEEDBACK);

    // The stage shows the feedback (and the author's changes after it) criterion by criterion.
    const stage = await openStage();
    await stage.getByTestId("stage-role-holder").getByText(`Author: ${author.displayName}`).waitFor();
    const criteria = stage.getByTestId("stage-shared").getByTestId("stage-criteria");
    await criteria
      .first()
      .getByText(RUBRIC[1] as string)
      .waitFor();
    await criteria.first().getByText(FEEDBACK).waitFor();
    expect(await criteria.count()).toBe(2);
  });
});
