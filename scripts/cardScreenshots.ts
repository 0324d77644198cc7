import { mkdir } from "node:fs/promises";
import path from "node:path";
import { chromium } from "playwright-core";
import { cardGallery } from "./lib/cardGallery.js";
import { prepareCardPage, renderCards } from "./lib/cardRenderer.js";
import { CHROMIUM_FLAGS, chromiumPath } from "./lib/chromium.js";

/**
 * `npm run screenshots:cards`: every card the bot can send, rendered by Microsoft's Adaptive Cards
 * renderer with Teams' light and dark host configs, messages at 280 and 400 px and dialogs at 360
 * and 600 px, one PNG per card in `screenshots/cards/<theme>-<width>/` (git-ignored; the folder is
 * `CARD_SCREENSHOTS_DIR` when set), and a list
 * of any button title that is cut or text that spills over. Needs Chromium (CHROMIUM_PATH).
 */
// `npm run screenshots` passes its own filters (280, de…) to both scripts: the folder is a setting.
const out = path.resolve(process.env.CARD_SCREENSHOTS_DIR ?? "screenshots/cards");
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  headless: true,
  args: CHROMIUM_FLAGS,
});
const gallery = cardGallery();
let problems = 0;
try {
  for (const theme of ["light", "dark"] as const) {
    const page = await browser.newPage({ viewport: { width: 700, height: 900 }, deviceScaleFactor: 1 });
    await prepareCardPage(page, theme);
    for (const [kind, width] of [
      ["message", 280],
      ["message", 400],
      ["dialog", 360],
      ["dialog", 600],
    ] as const) {
      const cards = gallery.filter((c) => c.kind === kind);
      const rendered = await renderCards(page, cards, width);
      const folder = path.join(out, `${theme}-${width}`);
      await mkdir(folder, { recursive: true });
      for (const card of rendered) {
        await page
          .locator(`[data-card="${card.name}"]`)
          .screenshot({ path: path.join(folder, `${card.name}.png`) });
        for (const cut of card.cutButtons)
          console.log(`${theme} ${width}px ${card.name}: button "${cut}" is cut`);
        for (const spill of card.overflowing)
          console.log(`${theme} ${width}px ${card.name}: "${spill}" spills over`);
        problems += card.cutButtons.length + card.overflowing.length;
      }
    }
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`${gallery.length} cards in ${out}; ${problems} problem(s) seen`);
