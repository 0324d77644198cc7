import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardGallery } from "../../scripts/lib/cardGallery.js";
import { prepareCardPage, renderCards } from "../../scripts/lib/cardRenderer.js";
import { launchBrowser } from "../support/browser.js";

/**
 * Every card the bot can send, rendered by Microsoft's Adaptive Cards renderer with Teams' host
 * config at the widths Teams gives a card: 280 px (the meeting chat beside a meeting) and 400 px
 * (a narrow chat). No button title is cut ("Write my r…") and no text runs past the card.
 */
describe("cards rendered as Teams lays them out", () => {
  let browser: Browser;
  let page: Page;
  const gallery = cardGallery();

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
    await prepareCardPage(page, "light");
  });
  afterAll(() => browser?.close());

  it("sees a cut title when there is one (the old phase card's row of buttons)", async () => {
    const crowded = {
      type: "AdaptiveCard" as const,
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json" as const,
      version: "1.5" as const,
      body: [{ type: "TextBlock", text: "Think-pair-share · Think", wrap: true }],
      actions: ["Join", "Write my reflection", "Facilitator controls"].map((title) => ({
        type: "Action.Submit",
        title,
      })),
    };
    const [rendered] = await renderCards(page, [{ name: "crowded", card: crowded }], 280);
    expect(rendered?.cutButtons).toContain("Write my reflection");
  });

  // Messages: the meeting chat beside a meeting (280 px) and a narrow chat; dialogs: a phone's
  // (360 px) and the desktop's medium size.
  for (const [kind, width] of [
    ["message", 280],
    ["message", 400],
    ["dialog", 360],
    ["dialog", 600],
  ] as const) {
    it(`cuts no button title and spills no text in a ${kind} at ${width} px`, async () => {
      const cards = gallery.filter((c) => c.kind === kind);
      const rendered = await renderCards(page, cards, width);
      expect(rendered).toHaveLength(cards.length);
      const problems = rendered.flatMap((r) => [
        ...r.cutButtons.map((b) => `${r.name}: button "${b}" is cut`),
        ...r.overflowing.map((t) => `${r.name}: "${t}" runs past the card`),
      ]);
      expect(problems).toEqual([]);
      // Every card rendered something a person can read.
      for (const r of rendered) expect(r.height, r.name).toBeGreaterThan(40);
    });
  }
});
