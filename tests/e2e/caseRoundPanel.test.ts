import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { demoPeople } from "../../src/local/demoCommunity.js";
import { org } from "../support/orgFixture.js";
import { tokenFor } from "../support/testServer.js";
import { brokenWords, pageWidth } from "./layoutChecks.js";
import { meetingPanelsForSuite } from "./meetingPanels.js";

const PROMPT = "How we priced the analytics add-on";
const HEURISTIC = "When usage is concentrated, we check per-seat pricing first";

/**
 * A case round from the side panel to a published playbook: the facilitator sets it up, a
 * participant (German, 280 px) writes a heuristic, another votes for it, the facilitator promotes
 * it; after the end the steward finds the proposed playbook in the Playbooks page and publishes it.
 */
describe("Case round from the side panel to a published playbook", () => {
  const [steward, ...members] = demoPeople(org) as unknown as [{ id: string }, ...{ id: string }[]];
  const people = members.slice(0, 3);

  const panels = meetingPanelsForSuite();
  const { panelOf } = panels;

  it("writes, votes and promotes heuristics, and the steward publishes the playbook", async () => {
    const server = panels.server();
    const f = await panelOf(steward);
    await f.getByRole("button", { name: "Set up an activity" }).click();
    const form = f.getByRole("form", { name: "Set up an activity" });
    await form.getByRole("combobox", { name: "Format" }).selectOption("case-round");
    await form.getByRole("textbox", { name: /Prompt/ }).fill(PROMPT);
    await form.getByRole("button", { name: "Set up" }).click();
    const controls = f.getByTestId("facilitator-controls");
    await controls.getByRole("button", { name: "Start" }).click();

    const tabs: Frame[] = [];
    for (const [i, p] of people.entries()) {
      const tab = await panelOf(p, i === 0 ? { locale: "de-DE" } : {});
      await tab.getByTestId("activity-prompt").getByText(PROMPT).waitFor();
      await tab
        .getByRole("button", { name: i === 0 ? "An der Aktivität teilnehmen" : "Join the activity" })
        .click();
      tabs.push(tab);
    }
    await controls.getByRole("button", { name: "Move on to Questions only" }).click();
    await controls.getByRole("button", { name: "Move on to Heuristics" }).click();

    // A German participant writes a heuristic at 280 px; an English one votes for it.
    const german = tabs[0] as Frame;
    const add = german.getByTestId("add-heuristic");
    await add.getByRole("textbox").fill(HEURISTIC);
    await add.getByRole("button", { name: "Faustregel hinzufügen" }).click();
    await add.getByRole("listitem").getByText(HEURISTIC).waitFor();
    expect(await brokenWords(german)).toEqual([]);
    const width = await pageWidth(german);
    expect(width.scrollWidth).toBeLessThanOrEqual(width.clientWidth);
    const english = tabs[1] as Frame;
    const everyone = english.getByTestId("from-everyone");
    await everyone.getByText(HEURISTIC).waitFor({ timeout: 15_000 });
    await everyone.getByRole("button", { name: new RegExp(`^Vote for “${HEURISTIC}”`) }).click();
    await everyone.getByRole("button", { name: `Vote for “${HEURISTIC}” (1 vote)` }).waitFor();
    // Only those who steer see Promote.
    expect(await everyone.getByRole("button", { name: /into the proposed playbook/ }).count()).toBe(0);

    // The facilitator promotes it, then ends.
    await controls.getByRole("button", { name: "Move on to Into a playbook" }).click();
    const promote = f
      .getByTestId("from-everyone")
      .getByRole("button", { name: `Promote “${HEURISTIC}” into the proposed playbook` });
    await promote.click();
    await f.getByTestId("from-everyone").getByText("In the playbook").waitFor();
    await controls.getByRole("button", { name: "End activity" }).click();
    await f.getByRole("dialog").getByRole("button", { name: "End activity" }).click();

    // The close runs in the background: wait for its proposal, then the steward opens Playbooks.
    const token = await tokenFor(server.baseUrl, steward.id);
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(`${server.baseUrl}/api/communities/${server.demoCommunityId}/playbooks`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const { items } = (await res.json()) as { items: { proposed?: unknown }[] };
      if (items.some((p) => p.proposed)) break;
      if (attempt > 100) throw new Error("no playbook was proposed");
      await new Promise((r) => setTimeout(r, 200));
    }
    const playbooks = await panels.open({
      user: steward.id,
      page: "/tab/playbooks",
    });
    await playbooks.getByTestId("playbook-proposed-badge").waitFor();
    await playbooks.getByRole("link", { name: `Case round: ${PROMPT}` }).click();
    const notice = playbooks.getByTestId("playbook-proposed");
    await notice.getByRole("button", { name: "Publish" }).click();
    await notice.waitFor({ state: "detached" });
    await playbooks.getByRole("link", { name: `Heuristic: ${HEURISTIC}` }).waitFor();
  });
});
