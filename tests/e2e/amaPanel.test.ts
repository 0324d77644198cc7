import { describe, expect, it } from "vitest";
import { demoPeople } from "../../src/local/demoCommunity.js";
import { org } from "../support/orgFixture.js";
import { brokenWords, pageWidth } from "./layoutChecks.js";
import { meetingPanelsForSuite } from "./meetingPanels.js";

const PROMPT = "Ask our data platform's on-call expert";
const QUESTION = "Wie füllen wir eine Tabelle sicher nach";
const ANSWER = "Into a shadow table first, then swap.";

/**
 * An AMA from the side panel: the facilitator sets it up and picks the expert, a German
 * participant at 280 px asks, another votes, the expert's answer shows under the question in the
 * panel and on the stage.
 */
describe("AMA with the on-call expert from the side panel and on the stage", () => {
  const [steward, ...members] = demoPeople(org) as unknown as [
    { id: string; displayName: string },
    ...{ id: string; displayName: string }[],
  ];
  const [german, voter, expert] = members as [
    { id: string; displayName: string },
    { id: string; displayName: string },
    { id: string; displayName: string },
  ];

  const panels = meetingPanelsForSuite();
  const { panelOf } = panels;

  it("takes a German question at 280 px and shows the expert's answer under it", async () => {
    const f = await panelOf(steward);
    await f.getByRole("button", { name: "Set up an activity" }).click();
    const form = f.getByRole("form", { name: "Set up an activity" });
    await form.getByRole("combobox", { name: "Format" }).selectOption("ama");
    expect(await form.getByRole("combobox", { name: /Topic from the queue/ }).count()).toBe(0);
    // The expert is chosen at set-up with the people picker.
    const picker = form.getByRole("combobox", { name: /Expert \(optional\)/ });
    await picker.fill(expert.displayName.split(" ")[0] ?? expert.displayName);
    await f.getByRole("option", { name: new RegExp(`^${expert.displayName}`) }).click();
    await picker.press("Escape");
    await form.getByRole("textbox", { name: /Prompt/ }).fill(PROMPT);
    await form.getByRole("button", { name: "Set up" }).click();
    const controls = f.getByTestId("facilitator-controls");
    await controls.getByRole("button", { name: "Start" }).click();
    await f.getByTestId("role-holders").getByText(`Expert: ${expert.displayName}`).waitFor();

    const germanTab = await panelOf(german, { locale: "de-DE" });
    await germanTab.getByRole("button", { name: "An der Aktivität teilnehmen" }).click();
    await germanTab
      .getByTestId("role-holders")
      .getByText(/^Expertin\/Experte: /)
      .waitFor();
    const voterTab = await panelOf(voter);
    await voterTab.getByRole("button", { name: "Join the activity" }).click();
    const add = germanTab.getByTestId("add-ama-question");
    await add.getByRole("textbox").fill(QUESTION);
    await add.getByRole("button", { name: "Fragen" }).click();
    await add.getByRole("listitem").getByText(QUESTION).waitFor();
    const everyone = voterTab.getByTestId("from-everyone");
    await everyone.getByText(QUESTION).waitFor({ timeout: 15_000 });
    await everyone.getByRole("button", { name: new RegExp(`^Vote for “${QUESTION}”`) }).click();
    await everyone.getByRole("button", { name: `Vote for “${QUESTION}” (1 vote)` }).waitFor();
    expect(await everyone.getByTestId("answer-item").count()).toBe(0);

    // Only the expert answers.
    const expertTab = await panelOf(expert);
    await expertTab.getByText("You're the expert: answer the questions, most voted first.").waitFor();
    const box = expertTab.getByTestId("from-everyone").getByTestId("answer-item");
    await box.getByRole("textbox").waitFor({ timeout: 15_000 });
    await box.getByRole("textbox").fill(ANSWER);
    await box.getByRole("button", { name: "Answer" }).click();
    const mine = germanTab.getByTestId("add-ama-question");
    await mine.getByTestId("item-answer").getByText(ANSWER).waitFor({ timeout: 15_000 });
    const stage = await panels.stage();
    await stage
      .getByTestId("stage-shared")
      .getByTestId("stage-answer")
      .getByText(ANSWER)
      .waitFor({ timeout: 15_000 });
    expect(await brokenWords(germanTab)).toEqual([]);
    const width = await pageWidth(germanTab);
    expect(width.scrollWidth).toBeLessThanOrEqual(width.clientWidth);
  });
});
