import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_TEAM } from "../../src/local/demoCommunity.js";
import { launchBrowser, newLocalOnlyContext } from "../support/browser.js";
import { ConnectorRecorder } from "../support/connectorRecorder.js";
import {
  botInstalledActivity,
  installInDemoTeam,
  postActivity,
  teamsUser,
} from "../support/teamsActivities.js";
import { startTestServer, type TestServer } from "../support/testServer.js";
import { brokenWords, pageWidth } from "./layoutChecks.js";
import { apiAs, createEntry, demoMemberA, demoMemberB, demoSteward } from "./librarySupport.js";
import { type HostParams, openTab } from "./localHostPage.js";

/**
 * Asking the community from the library at the meeting side panel's 280 px, in German, dark:
 * the library's quoted answer with links to its sources; a question the library cannot answer
 * opened and sent to the on-call expert (named, with the time an answer is hoped for); the
 * question's page with who was asked, answering it, the asker accepting and a steward taking it
 * back; the stewards'
 * unanswered queue. Each view checked with axe and for width.
 */
type AxeResults = Awaited<ReturnType<AxeBuilder["analyze"]>>;
const TAB_FRAME = "#tab-frame";
const TABSTER_DUMMY = "[data-tabster-dummy]";
const SEARCH_LABEL = "Bibliothek durchsuchen";

function seriousViolations(results: AxeResults): string[] {
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((node) => `${v.id}: ${JSON.stringify(node.target)}`));
}

describe("asking the community from the library (German, 280 px, dark)", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const connector = new ConnectorRecorder();
  const c = () => server.demoCommunityId;
  let byMemberA = "";

  const narrow = (params: HostParams) =>
    openTab(page, server.baseUrl, { frame: "sidePanel", locale: "de-DE", theme: "dark", ...params });
  const search = async (tab: Frame, words: string) => {
    await tab.getByRole("searchbox", { name: SEARCH_LABEL }).fill(words);
  };
  const checks = async (tab: Frame) => {
    await tab.waitForLoadState("networkidle");
    const width = await pageWidth(tab);
    expect(width.scrollWidth).toBeLessThanOrEqual(width.clientWidth);
    expect(await brokenWords(tab)).toEqual([]);
    const results = await new AxeBuilder({ page })
      .include(TAB_FRAME)
      .exclude([TAB_FRAME, TABSTER_DUMMY])
      .analyze();
    expect(seriousViolations(results)).toEqual([]);
  };

  beforeAll(async () => {
    await connector.start();
    server = await startTestServer({ demo: true });
    browser = await launchBrowser();
    ({ id: byMemberA } = await createEntry(server.baseUrl, demoMemberA, c(), {
      type: "howto",
      title: "Pipeline-Tabellen partitionieren",
      body: "Partitionieren Sie Pipeline-Tabellen nach dem Datum, nach dem Sie filtern. Abfragen lesen dann einen Tag statt eines Jahres.",
      tags: ["pipelines"],
    }));
    // Member B is on call for the next session and has PeerCircle in personal chat.
    const session = await apiAs(server.baseUrl, demoSteward, "POST", `/communities/${c()}/sessions`, {
      title: "Fragestunde",
      format: "ama",
      startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      timeZone: "Europe/Berlin",
    });
    expect(session.status).toBe(201);
    const sessionId = (session.body as { id: string }).id;
    const role = await apiAs(
      server.baseUrl,
      demoSteward,
      "PUT",
      `/communities/${c()}/sessions/${sessionId}/roles/on-call-expert`,
      { person: demoMemberB },
    );
    expect(role.status).toBe(200);
    await postActivity(
      server.baseUrl,
      botInstalledActivity({
        serviceUrl: connector.serviceUrl,
        conversationType: "personal",
        from: teamsUser(demoMemberB),
      }),
    );
    await connector.waitFor(1);
    // PeerCircle is in the demo community's team: the bot knows its channel.
    await installInDemoTeam(server.baseUrl, connector, DEMO_TEAM);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await connector.stop();
  });

  beforeEach(async () => {
    await context?.close();
    ({ context } = await newLocalOnlyContext(browser, { viewport: { width: 1280, height: 900 } }));
    page = await context.newPage();
  });

  it("quotes the library's answer with links to its sources", async () => {
    const tab = await narrow({ page: "/tab/library" });
    await search(tab, "Wie partitioniere ich Pipeline-Tabellen?");
    await tab.getByRole("button", { name: "Community fragen" }).click();
    const box = tab.getByTestId("ask-the-community");
    await box.getByRole("heading", { name: "Aus der Bibliothek" }).waitFor();
    await box
      .getByText(/nach dem Datum, nach dem Sie filtern/)
      .first()
      .waitFor();
    const source = box.getByRole("link", { name: "Pipeline-Tabellen partitionieren" });
    expect(await source.getAttribute("href")).toContain(`/tab/library/${c()}/`);
    expect(await box.getByRole("link", { name: "[1]" }).count()).toBeGreaterThan(0);
    await checks(tab);
  });

  it("says honestly it has no answer, sends the question and names who; the question's page takes answers", async () => {
    const tab = await narrow({ page: "/tab/library" });
    await search(tab, "Wo steht der Yak-Stall?");
    await tab.getByRole("button", { name: "Community fragen" }).click();
    const routed = tab.getByTestId("ask-routed");
    await routed.getByText(`Gesendet an ${demoMemberB.displayName}.`).waitFor();
    await tab.getByText("Die Bibliothek hat darauf keine Antwort, und PeerCircle rät nicht.").waitFor();
    await routed.getByText(/Antwort erhofft bis/).waitFor();
    await checks(tab);
    // Member B got the question in personal chat.
    await expect
      .poll(() => connector.activities.some((a) => JSON.stringify(a.body).includes("Yak-Stall")))
      .toBe(true);

    // The question's page: who was asked; member A answers there.
    await routed.getByRole("link", { name: "Frage öffnen" }).click();
    await tab
      .getByTestId("question-route")
      .getByText(new RegExp(`${demoMemberB.displayName}, gefragt am`))
      .waitFor();
    const questionUrl = new URL(tab.url()).pathname;
    await tab.getByText("Noch keine Antworten.").waitFor();
    await checks(tab);

    const asA = await narrow({ page: questionUrl, user: demoMemberA.id });
    await asA.getByLabel("Ihre Antwort").fill("Hinter dem **Rechenzentrum**, neben den Fahrrädern.");
    await asA.getByRole("button", { name: "Antwort senden" }).click();
    await asA.getByTestId("question-answers").getByText("Rechenzentrum").waitFor();
    // Member A did not ask: they may not accept.
    expect(await asA.getByRole("button", { name: "Diese Antwort akzeptieren" }).count()).toBe(0);

    // The asker (the steward, the host's default user) accepts it.
    const asker = await narrow({ page: questionUrl });
    await asker.getByRole("button", { name: "Diese Antwort akzeptieren" }).click();
    await asker.getByText("Akzeptierte Antwort").waitFor();
    await asker.getByText("Eine Antwort ist da: Niemand weiteres wird gefragt.").waitFor();
    await checks(asker);

    // The steward thanks member A in the community's channel.
    await asker.getByRole("button", { name: `${demoMemberA.displayName} würdigen` }).click();
    await asker.getByLabel("Wofür (im Kanal sichtbar)").fill("Für den Weg zum Yak-Stall.");
    await checks(asker);
    await asker.getByRole("button", { name: "An den Kanal senden" }).click();
    await asker.getByText("Ihre Würdigung steht im Kanal der Community.").waitFor();
    await expect
      .poll(() => connector.activities.some((a) => a.conversationId === DEMO_TEAM.channelId))
      .toBe(true);

    // Member A's reputation on My learning: the accepted answer, the badge it earned, the rules.
    const mine = await narrow({ page: "/tab/personal", user: demoMemberA.id, entityId: "" });
    const reputation = mine.getByTestId("my-reputation");
    await reputation.getByText("1 akzeptierte Antwort").waitFor();
    await reputation.getByText("Erste Antwort").waitFor();
    await reputation.getByText("0 von 10: 10 Hilfreich-Stimmen für Ihre Einträge").waitFor();
    await checks(mine);

    // Where colleagues look: the author's card on an entry page shows the same record, no ranking.
    const entryPage = await narrow({ page: `/tab/library/${c()}/${byMemberA}` });
    await entryPage.getByRole("button", { name: `Verfasst von ${demoMemberA.displayName}` }).click();
    const card = entryPage.getByTestId("person-card");
    await card.getByRole("heading", { name: `${demoMemberA.displayName} in Ihren Communities` }).waitFor();
    await card.getByText("1 akzeptierte Antwort").waitFor();
    await card.getByText("Erste Antwort").waitFor();
    await checks(entryPage);

    // Only a steward may take an acceptance back: member A, who answered, is not offered it.
    const answerer = await narrow({ page: questionUrl, user: demoMemberA.id });
    await answerer.getByText("Akzeptierte Antwort").waitFor();
    expect(await answerer.getByRole("button", { name: "Akzeptanz zurücknehmen" }).count()).toBe(0);
    // The steward takes it back: the question is open again and the answer can be accepted anew.
    const steward = await narrow({ page: questionUrl });
    await steward.getByRole("button", { name: "Akzeptanz zurücknehmen" }).click();
    await steward.getByRole("button", { name: "Diese Antwort akzeptieren" }).waitFor();
    expect(await steward.getByText("Akzeptierte Antwort").count()).toBe(0);
    await checks(steward);
    const question = await apiAs(
      server.baseUrl,
      demoSteward,
      "GET",
      questionUrl.replace("/tab/library/", "/communities/").replace(/\/([^/]+)$/, "/entries/$1"),
    );
    expect((question.body as { answered?: boolean }).answered).toBe(false);
  });

  it("shows stewards the questions nobody could take", async () => {
    // Member B, the only one on call, asks: nobody is left to ask.
    const asked = await apiAs(server.baseUrl, demoMemberB, "POST", `/communities/${c()}/questions`, {
      question: "Wer verwaltet die Schlüssel des Zebra-Lagers?",
    });
    expect(asked.status).toBe(201);
    const tab = await narrow({ page: "/tab/library" });
    const queue = tab.getByTestId("unanswered-questions");
    await queue.getByRole("heading", { name: "Unbeantwortete Fragen" }).waitFor();
    await queue.getByRole("link", { name: "Wer verwaltet die Schlüssel des Zebra-Lagers?" }).waitFor();
    await queue.getByText(/Niemand konnte gefragt werden/).waitFor();
    await checks(tab);
    // A member sees no queue.
    const member = await narrow({ page: "/tab/library", user: demoMemberA.id });
    await member.locator("main h1").first().waitFor();
    await member.waitForLoadState("networkidle");
    expect(await member.getByTestId("unanswered-questions").count()).toBe(0);
  });
});
