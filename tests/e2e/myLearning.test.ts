import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { demoPeople } from "../../src/local/demoCommunity.js";
import { formatSessionStart } from "../../src/tab/components/SessionSummary/sessionTime.js";
import { launchBrowser, newLocalOnlyContext } from "../support/browser.js";
import { ConnectorRecorder } from "../support/connectorRecorder.js";
import { org } from "../support/orgFixture.js";
import { invokeActivity, postInvoke, teamsUser } from "../support/teamsActivities.js";
import { startTestServer, type TestServer } from "../support/testServer.js";
import {
  apiAs,
  createEntry,
  demoMemberA,
  demoMemberB,
  demoSteward,
  messageFixture,
  readEntry,
  saveMessageAsInsight,
} from "./librarySupport.js";
import { openTab } from "./localHostPage.js";

const TAB_FRAME = "#tab-frame";
const TABSTER_DUMMY = "[data-tabster-dummy]";
const THEMES = ["default", "dark", "contrast"] as const;
/** The viewer's zone, far from UTC, so a time shown in UTC would not match. */
const VIEWER_ZONE = "Pacific/Auckland";
/** An action item's due day: shown as that day whatever the viewer's zone. */
const ACTION_DUE = "2026-12-03";

interface SessionJson {
  id: string;
  title: string;
  startsAt: string;
}

describe("My learning (personal tab)", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const connector = new ConnectorRecorder();
  let savedTitle = "";
  let rsvpSession: SessionJson;
  let roleSession: SessionJson;
  /** The personal tab as Teams opens it: a static tab, no community entity id. */
  const personal = (user: string, theme?: (typeof THEMES)[number]) => ({
    user,
    page: "/tab/personal",
    entityId: "",
    ...(theme ? { theme } : {}),
  });

  async function plan(title: string, inDays: number): Promise<SessionJson> {
    const { status, body } = await apiAs(
      server.baseUrl,
      demoSteward,
      "POST",
      `/communities/${server.demoCommunityId}/sessions`,
      {
        title,
        format: "mastermind",
        startsAt: new Date(Date.now() + inDays * 86_400_000).toISOString(),
      },
    );
    if (status !== 201) throw new Error(`planning ${title} answered ${status}`);
    return body as SessionJson;
  }

  beforeAll(async () => {
    await connector.start();
    server = await startTestServer({ demo: true });
    // Member A saves someone else's message as an insight (the Save-as-insight invoke) ...
    const savedId = await saveMessageAsInsight(
      server.baseUrl,
      connector.serviceUrl,
      demoMemberA,
      messageFixture("plain-tip"),
    );
    const saved = await readEntry(server.baseUrl, demoMemberA, server.demoCommunityId, savedId);
    expect(saved.author.id).not.toBe(demoMemberA.id);
    expect(saved.savedBy.id).toBe(demoMemberA.id);
    savedTitle = saved.title;
    // ... writes an entry of their own ...
    await createEntry(server.baseUrl, demoMemberA, server.demoCommunityId, {
      type: "lesson",
      title: "Kiwi lesson about backfills",
      body: "Backfill in small batches.",
    });
    // ... says they are going to one session and takes the note-taker role in another.
    rsvpSession = await plan("Kiwi mastermind", 3);
    roleSession = await plan("Kiwi case clinic", 5);
    const base = `/communities/${server.demoCommunityId}/sessions`;
    const rsvp = await apiAs(server.baseUrl, demoMemberA, "PUT", `${base}/${rsvpSession.id}/rsvp`, {
      response: "going",
    });
    expect(rsvp.status).toBe(200);
    const role = await apiAs(
      server.baseUrl,
      demoMemberA,
      "PUT",
      `${base}/${roleSession.id}/roles/note-taker`,
      {
        person: demoMemberA,
      },
    );
    expect(role.status).toBe(200);
    // ... and the steward captures an action item for them in a meeting's chat.
    const action = invokeActivity(
      "task/submit",
      {
        data: {
          verb: "outcome.save",
          kind: "action",
          text: "Send the backfill checklist",
          ownerId: demoMemberA.id,
          due: ACTION_DUE,
          communityId: server.demoCommunityId,
        },
      },
      {
        serviceUrl: connector.serviceUrl,
        conversationType: "groupChat",
        conversationId: "19:meeting_bXktbGVhcm5pbmc@thread.v2",
        from: teamsUser(demoSteward),
        activityId: "my-learning-action",
      },
    );
    (action.channelData as Record<string, unknown>).meeting = { id: "MCMxOTpteS1sZWFybmluZw==" };
    const captured = await postInvoke(server.baseUrl, action);
    expect(captured.status).toBe(200);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await connector.stop();
  });

  beforeEach(async () => {
    await context?.close();
    ({ context } = await newLocalOnlyContext(browser, { timezoneId: VIEWER_ZONE }));
    page = await context.newPage();
  });

  it("shows what I wrote and saved, linked to their entry pages", async () => {
    const tab = await openTab(page, server.baseUrl, personal(demoMemberA.id));
    await tab.getByRole("heading", { level: 1, name: "My learning" }).waitFor();
    const authored = tab.getByTestId("my-authored");
    await authored.getByRole("link", { name: "Kiwi lesson about backfills" }).waitFor();
    await authored.getByText("in Data Community").waitFor();
    // A saved message from someone else is under "Saved by me", not "Written by me".
    const saved = tab.getByTestId("my-saved");
    await saved.getByRole("link", { name: savedTitle }).waitFor();
    expect(await authored.getByRole("link", { name: savedTitle }).count()).toBe(0);

    await authored.getByRole("link", { name: "Kiwi lesson about backfills" }).click();
    await tab.getByRole("heading", { level: 1, name: "Kiwi lesson about backfills" }).waitFor();
  });

  it("shows my sessions with my answer and my roles, in my time zone, and empty commitments and reflections", async () => {
    const tab = await openTab(page, server.baseUrl, personal(demoMemberA.id));
    const sessions = tab.getByTestId("my-session");
    await sessions.first().waitFor();
    expect(await sessions.count()).toBe(2);

    const going = sessions.filter({ hasText: "Kiwi mastermind" });
    await going.getByText("Your answer: Going").waitFor();
    expect(await going.locator("time").textContent()).toBe(
      formatSessionStart(rsvpSession.startsAt, "en-US", VIEWER_ZONE),
    );
    const noting = sessions.filter({ hasText: "Kiwi case clinic" });
    await noting.getByText("Your roles: Note-taker").waitFor();
    expect(await noting.locator("time").textContent()).toBe(
      formatSessionStart(roleSession.startsAt, "en-US", VIEWER_ZONE),
    );

    await tab
      .getByTestId("my-commitments")
      .getByText(/Your commitments and their check-ins appear/)
      .waitFor();
    await tab
      .getByTestId("my-reflections")
      .getByText(/Only you see them/)
      .waitFor();

    await noting.getByRole("link", { name: "Kiwi case clinic" }).click();
    await tab.getByRole("heading", { level: 1, name: "Kiwi case clinic" }).waitFor();
  });

  it("shows the action items captured for me in meetings, with the due day and who captured them", async () => {
    const tab = await openTab(page, server.baseUrl, personal(demoMemberA.id));
    const item = tab.getByTestId("my-action-items").getByTestId("my-action");
    await item.getByText("Send the backfill checklist").waitFor();
    await item.getByText("Due Dec 3, 2026").waitFor();
    await item.getByText(`Captured by ${demoSteward.displayName} on`, { exact: false }).waitFor();
    await item.getByText("in Data Community", { exact: false }).waitFor();
    // Only the owner sees them.
    const other = await openTab(page, server.baseUrl, personal(demoMemberB.id));
    await other
      .getByTestId("my-action-items")
      .getByText(/Action items captured for you in a meeting/)
      .waitFor();
  });

  it("greets someone with nothing yet with friendly empty states", async () => {
    const tab = await openTab(page, server.baseUrl, personal(demoMemberB.id));
    await tab.getByRole("heading", { level: 1, name: "My learning" }).waitFor();
    await tab
      .getByTestId("my-authored")
      .getByText(/Entries you write/)
      .waitFor();
    await tab
      .getByTestId("my-saved")
      .getByText(/Insights you save from others/)
      .waitFor();
    await tab
      .getByTestId("my-sessions")
      .getByText(/Sessions you say you're going to/)
      .waitFor();
  });

  it("speaks German in a German Teams", async () => {
    const tab = await openTab(page, server.baseUrl, { ...personal(demoMemberA.id), locale: "de-DE" });
    await tab.getByRole("heading", { level: 1, name: "Mein Lernen" }).waitFor();
    await tab.getByTestId("my-action-items").getByText("Fällig am 03.12.2026").waitFor();
  });

  it.each(THEMES)("no serious or critical axe findings (%s theme)", async (theme) => {
    const tab = await openTab(page, server.baseUrl, personal(demoMemberA.id, theme));
    await tab.getByTestId("my-session").first().waitFor();
    const results = await new AxeBuilder({ page })
      .include(TAB_FRAME)
      .exclude([TAB_FRAME, TABSTER_DUMMY])
      .analyze();
    expect(results.passes.some((rule) => rule.nodes.some((node) => node.target.length > 1))).toBe(true);
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .flatMap((v) => v.nodes.map((node) => `${v.id}: ${JSON.stringify(node.target)}`));
    expect(serious).toEqual([]);
  });

  it("keeps coming and past sessions apart, each with its count and Show all", async () => {
    const person = demoPeople(org)[4];
    if (!person) throw new Error("The demo community has no fifth person.");
    const answer = (session: SessionJson) =>
      apiAs(
        server.baseUrl,
        person,
        "PUT",
        `/communities/${server.demoCommunityId}/sessions/${session.id}/rsvp`,
        {
          response: "going",
        },
      );
    for (const [title, days] of [
      ["Yak retro one", -9],
      ["Yak soon one", 2],
      ["Yak soon two", 4],
      ["Yak soon three", 6],
      ["Yak soon four", 8],
    ] as const)
      await answer(await plan(title, days));

    const tab = await openTab(page, server.baseUrl, personal(person.id));
    const upcoming = tab.getByTestId("my-upcoming-sessions");
    await upcoming.getByRole("heading", { name: "Coming up (4)" }).waitFor();
    expect(await upcoming.getByTestId("my-session").count()).toBe(3);
    expect(await upcoming.getByText("Yak retro one").count()).toBe(0);
    await upcoming.getByRole("button", { name: "Show all 4" }).click();
    expect(await upcoming.getByTestId("my-session").count()).toBe(4);
    const past = tab.getByTestId("my-past-sessions");
    await past.getByRole("heading", { name: "Past (1)" }).waitFor();
    await past.getByText("Yak retro one").waitFor();
  });
});
