import { createRequire } from "node:module";
import path from "node:path";
import type { Page } from "playwright-core";
import type { AdaptiveCard } from "../../src/bot/cards/adaptiveCard.js";
import { type CardTheme, teamsHostConfig } from "./teamsHostConfig.js";

const require = createRequire(import.meta.url);

// The page's globals, as the functions below use them inside Chromium (this folder compiles
// without the DOM library, and these declarations stay in this module).
interface PageElement {
  className: string;
  textContent: string | null;
  innerHTML: string;
  dataset: Record<string, string>;
  style: Record<string, string>;
  offsetParent: unknown;
  scrollWidth: number;
  clientWidth: number;
  appendChild(child: PageElement): void;
  append(...children: PageElement[]): void;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { right: number; height: number };
  querySelectorAll<T = PageElement>(selector: string): Iterable<T>;
}
type HTMLElement = PageElement;
declare const window: unknown;
declare const document: {
  getElementById(id: string): PageElement | null;
  createElement(tag: string): PageElement;
};

/** What a card looks like at one width: what a person would see cut or spilling over. */
export interface RenderedCard {
  name: string;
  /** Button titles that do not fit their button (Teams shows them with "…"). */
  cutButtons: string[];
  /** Text that runs past the card's right edge (a long word, a wide table). */
  overflowing: string[];
  height: number;
}

/**
 * Renders Adaptive Cards in a Chromium page with Microsoft's own renderer (the `adaptivecards`
 * package), Teams' host config and markdown, each in a box as wide as Teams gives a card: what a
 * person sees, measured, and ready for a screenshot.
 */
export async function prepareCardPage(page: Page, theme: CardTheme): Promise<void> {
  const background = theme === "light" ? "#f5f5f5" : "#1f1f1f";
  await page.setContent(
    `<!doctype html><html><head><meta charset="utf-8"><style>
      body { margin: 0; padding: 12px; background: ${background}; font-family: 'Segoe UI', 'Liberation Sans', sans-serif; }
      .card { margin: 0 0 16px; border-radius: 6px; overflow: hidden; box-shadow: 0 1px 2px rgba(0,0,0,.2); }
      .name { font: 12px monospace; color: #888; margin: 0 0 4px; }
      .ac-pushButton { padding: 5px 12px; border-radius: 4px; min-height: 32px; letter-spacing: .2px; }
    </style></head><body><div id="cards"></div></body></html>`,
  );
  await page.addStyleTag({ path: require.resolve("adaptivecards/dist/adaptivecards.css") });
  // markdown-it's package exports do not name its browser build: find it beside its entry point.
  const markdownIt = path.join(
    path.dirname(require.resolve("markdown-it")),
    "browser",
    "markdown-it.umd.min.js",
  );
  await page.addScriptTag({ path: markdownIt });
  await page.addScriptTag({ path: require.resolve("adaptivecards/dist/adaptivecards.min.js") });
  await page.evaluate((hostConfig) => {
    const w = window as unknown as {
      AdaptiveCards: {
        AdaptiveCard: { onProcessMarkdown: (text: string, result: Record<string, unknown>) => void };
        HostConfig: new (json: unknown) => unknown;
      };
      markdownit: () => { render(text: string): string };
      hostConfig: unknown;
    };
    const markdown = w.markdownit();
    w.AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
      result.outputHtml = markdown.render(text);
      result.didProcess = true;
    };
    w.hostConfig = new w.AdaptiveCards.HostConfig(hostConfig);
  }, teamsHostConfig(theme));
}

/** Renders the cards at `width` px (the card's own width, as Teams lays it out) and measures them. */
export async function renderCards(
  page: Page,
  cards: { name: string; card: AdaptiveCard }[],
  width: number,
): Promise<RenderedCard[]> {
  return page.evaluate(
    ({ cards, width }) => {
      const w = window as unknown as {
        AdaptiveCards: {
          AdaptiveCard: new () => { hostConfig: unknown; parse(json: unknown): void; render(): HTMLElement };
        };
        hostConfig: unknown;
      };
      const root = document.getElementById("cards") as HTMLElement;
      root.innerHTML = "";
      const results = [];
      for (const { name, card } of cards) {
        const label = document.createElement("p");
        label.className = "name";
        label.textContent = name;
        const box = document.createElement("div");
        box.className = "card";
        box.style.width = `${width}px`;
        box.dataset.card = name;
        const adaptive = new w.AdaptiveCards.AdaptiveCard();
        adaptive.hostConfig = w.hostConfig;
        adaptive.parse(card);
        box.appendChild(adaptive.render());
        root.append(label, box);
        // The renderer puts a button's title in an inner box that ends in "…" when it is cut.
        const cutButtons = [...box.querySelectorAll<HTMLElement>("button")]
          .filter((b) => b.offsetParent !== null)
          .filter((b) =>
            [b, ...b.querySelectorAll<HTMLElement>("*")].some((e) => e.scrollWidth > e.clientWidth + 1),
          )
          .map((b) => b.getAttribute("aria-label") || b.textContent?.trim() || "?");
        const edge = box.getBoundingClientRect().right;
        const overflowing = [
          ...box.querySelectorAll<HTMLElement>(".ac-textBlock, .ac-factset, table, .ac-input"),
        ]
          .filter((e) => e.getBoundingClientRect().right > edge + 1 || e.scrollWidth > e.clientWidth + 1)
          .map((e) => (e.textContent ?? "").trim().slice(0, 60));
        results.push({ name, cutButtons, overflowing, height: box.getBoundingClientRect().height });
      }
      return results;
    },
    { cards, width },
  );
}
