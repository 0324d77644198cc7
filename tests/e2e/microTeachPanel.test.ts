import { describe, expect, it } from "vitest";
import { demoPeople } from "../../src/local/demoCommunity.js";
import { org } from "../support/orgFixture.js";
import { tokenFor } from "../support/testServer.js";
import { brokenWords, pageWidth } from "./layoutChecks.js";
import { meetingPanelsForSuite } from "./meetingPanels.js";

const TOPIC = "Regex lookarounds in five minutes";
const QUESTION = "Gehen Lookbehinds auch in JavaScript?";
const ANSWER = "Yes, in every current engine.";

/**
 * A micro-teach from the side panel: the facilitator sets it up from the community's topic queue
 * (its proposer teaches), the teacher writes the notes (nobody else gets the box), a German
 * participant at 280 px asks a question that another votes for, the teacher answers it under the
 * question, and the stage shows the question with its answer.
 */
describe("Micro-teach from the side panel and on the stage", () => {
  const [steward, ...members] = demoPeople(org) as unknown as [
    { id: string; displayName: string },
    ...{ id: string; displayName: string }[],
  ];
  const [teacher, german, voter] = members as [
    { id: string; displayName: string },
    { id: string; displayName: string },
    { id: string; displayName: string },
  ];

  const panels = meetingPanelsForSuite();
  const { panelOf } = panels;

  it("teaches a topic from the queue, takes a German question at 280 px and answers it under the question", async () => {
    const server = panels.server();
    const proposed = await fetch(
      `${server.baseUrl}/api/communities/${server.demoCommunityId}/micro-teach-topics`,
      {
        method: "POST",
        headers: {
          authorization: `Bearer ${await tokenFor(server.baseUrl, teacher.id)}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({ text: TOPIC, requestId: "e2e-topic" }),
      },
    );
    expect(proposed.status).toBe(201);

    const f = await panelOf(steward);
    await f.getByRole("button", { name: "Set up an activity" }).click();
    const form = f.getByRole("form", { name: "Set up an activity" });
    await form.getByRole("combobox", { name: "Format" }).selectOption("micro-teach");
    await form
      .getByRole("combobox", { name: /Topic from the queue/ })
      .selectOption({ label: `${TOPIC} · ${teacher.displayName}` });
    expect(await form.getByRole("textbox", { name: /Prompt/ }).inputValue()).toBe(TOPIC);
    await form.getByRole("button", { name: "Set up" }).click();
    const controls = f.getByTestId("facilitator-controls");
    await controls.getByRole("button", { name: "Start" }).click();

    const teacherTab = await panelOf(teacher);
    await teacherTab.getByText("You're the teacher.").waitFor();
    await teacherTab.getByRole("button", { name: "Join the activity" }).click();
    const notes = teacherTab.getByTestId("my-teaching-notes");
    await notes.getByRole("textbox").fill("(?=…) looks ahead, (?<=…) looks behind.");
    await notes.getByRole("button", { name: "Save" }).click();

    const germanTab = await panelOf(german, { locale: "de-DE" });
    await germanTab.getByText(`Lehrperson: ${teacher.displayName}`).waitFor();
    await germanTab.getByRole("button", { name: "An der Aktivität teilnehmen" }).click();
    expect(await germanTab.getByTestId("my-teaching-notes").count()).toBe(0);
    const voterTab = await panelOf(voter);
    await voterTab.getByRole("button", { name: "Join the activity" }).click();

    await controls.getByRole("button", { name: "Move on to Questions" }).click();
    const add = germanTab.getByTestId("add-teach-question");
    await add.getByRole("textbox").fill(QUESTION);
    await add.getByRole("button", { name: "Fragen" }).click();
    await add.getByRole("listitem").getByText(QUESTION).waitFor();
    const everyone = voterTab.getByTestId("from-everyone");
    await everyone.getByText(QUESTION).waitFor({ timeout: 15_000 });
    await everyone
      .getByRole("button", { name: new RegExp(`^Vote for “${QUESTION.replace(/[?.*+]/g, "\\$&")}”`) })
      .click();
    await everyone.getByRole("button", { name: `Vote for “${QUESTION}” (1 vote)` }).waitFor();
    // Only the teacher answers.
    expect(await everyone.getByTestId("answer-item").count()).toBe(0);

    await controls.getByRole("button", { name: "Move on to Answers" }).click();
    const box = teacherTab.getByTestId("from-everyone").getByTestId("answer-item");
    await box.getByRole("textbox").waitFor({ timeout: 15_000 });
    await box.getByRole("textbox").fill(ANSWER);
    await box.getByRole("button", { name: "Answer" }).click();
    await teacherTab.getByTestId("from-everyone").getByRole("button", { name: "Change answer" }).waitFor();

    // The German participant reads the answer under their own question, at 280 px, unbroken.
    const mine = germanTab.getByTestId("add-teach-question");
    await mine.getByTestId("item-answer").getByText(ANSWER).waitFor({ timeout: 15_000 });
    await mine.getByText(`Antwort von ${teacher.displayName}:`).waitFor();
    expect(await brokenWords(germanTab)).toEqual([]);
    const width = await pageWidth(germanTab);
    expect(width.scrollWidth).toBeLessThanOrEqual(width.clientWidth);

    // The stage shows the question with its answer.
    const stage = await panels.stage();
    const shared = stage.getByTestId("stage-shared");
    await shared.getByText(QUESTION).waitFor({ timeout: 15_000 });
    await shared.getByTestId("stage-answer").getByText(ANSWER).waitFor();
  });
});
