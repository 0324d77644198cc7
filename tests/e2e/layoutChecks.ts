import type { Frame } from "playwright-core";

/**
 * Words of four or more letters that a narrow frame breaks across two lines (a word's range has
 * more than one line box): what German labels at 280 px do when a style lets them. Text in inputs
 * and hidden elements is left out.
 */
export function brokenWords(tab: Frame): Promise<string[]> {
  return tab.evaluate(() => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      const parent = node.parentElement;
      if (!parent || parent.closest("textarea, input, select, [aria-hidden='true']")) continue;
      for (const match of text.matchAll(/[\p{L}\p{N}]{4,}/gu)) {
        const range = document.createRange();
        range.setStart(node, match.index ?? 0);
        range.setEnd(node, (match.index ?? 0) + match[0].length);
        const tops = new Set(
          Array.from(range.getClientRects())
            .filter((r) => r.width > 0)
            .map((r) => Math.round(r.top)),
        );
        if (tops.size > 1) broken.push(match[0]);
      }
    }
    return broken;
  });
}

/** How wide the frame's content is against its viewport (280 px in the side panel): no horizontal scroll. */
export function pageWidth(tab: Frame): Promise<{ clientWidth: number; scrollWidth: number }> {
  return tab.evaluate(() => ({
    clientWidth: document.documentElement.clientWidth,
    scrollWidth: document.documentElement.scrollWidth,
  }));
}
