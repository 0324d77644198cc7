// @vitest-environment happy-dom
import { act, createElement } from "react";
import { createRoot } from "react-dom/client";
import Markdown from "react-markdown";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { safeMarkdownOptions } from "../../../src/tab/components/SafeMarkdown/safeMarkdown.js";

let container: HTMLElement;
let unmount: () => void = () => {};

/** Renders markdown exactly as the entry page configures react-markdown. */
async function render(markdown: string, onOpenLink: (url: string) => void = () => {}): Promise<HTMLElement> {
  container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => {
    root.render(createElement(Markdown, safeMarkdownOptions({ onOpenLink }), markdown));
  });
  unmount = () => act(() => root.unmount());
  return container;
}

/** Every attribute of every element, as `tag attr=value`, for precise failure messages. */
function attributesOf(root: HTMLElement): string[] {
  return Array.from(root.querySelectorAll("*")).flatMap((el) =>
    Array.from(el.attributes).map((attr) => `${el.tagName.toLowerCase()} ${attr.name}=${attr.value}`),
  );
}

const DANGEROUS_TAGS =
  "script, iframe, frame, object, embed, svg, math, img, image, video, audio, source, style, link, meta, base, form";

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

afterEach(() => {
  unmount();
  container.remove();
});

describe("entry body markdown (react-markdown, safe options)", () => {
  it("renders the markdown the server stores: emphasis, lists, code, quotes, GFM tables and strikethrough", async () => {
    const body = await render(
      "**Bold** and _italic_ and ~~old~~\n\n- one\n- two\n\n```sql\nselect 1;\n```\n\n> quoted\n\n| a | b |\n| - | - |\n| 1 | 2 |",
    );
    expect(body.querySelector("strong")?.textContent).toBe("Bold");
    expect(body.querySelector("em")?.textContent).toBe("italic");
    expect(body.querySelector("del")?.textContent).toBe("old");
    expect(body.querySelectorAll("li")).toHaveLength(2);
    expect(body.querySelector("pre code")?.textContent).toBe("select 1;\n");
    expect(body.querySelector("blockquote")?.textContent?.trim()).toBe("quoted");
    expect(body.querySelectorAll("table td")).toHaveLength(2);
  });

  it("drops raw HTML: no script, handler, iframe, svg or image reaches the DOM", async () => {
    const body = await render(
      [
        "Nice find!",
        '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">',
        '<svg onload="window.__xss = 3"><circle r="10"/></svg><iframe src="https://evil.example"></iframe>',
        '<div style="position:fixed;inset:0">Session expired</div>',
        '<a href="javascript:alert(1)" onclick="alert(1)">raw link</a>',
        "Real content here.",
      ].join("\n\n"),
    );
    expect(body.querySelectorAll(DANGEROUS_TAGS)).toHaveLength(0);
    expect(attributesOf(body).filter((a) => /^\w+ (on|style=|srcdoc)/i.test(a))).toEqual([]);
    expect(body.textContent).toContain("Nice find!");
    expect(body.textContent).toContain("Real content here.");
    expect(body.innerHTML).not.toMatch(/<script|onerror|onload|javascript:/i);
  });

  it("keeps only http(s) links; javascript:, data:, vbscript: and relative links become plain text", async () => {
    const body = await render(
      [
        "[Click me](javascript:alert(5))",
        "[Mixed case](JaVaScRiPt:alert(6))",
        "[Entity](&#106;avascript:alert(7))",
        "[Data](data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==)",
        "[VB](vbscript:msgbox(1))",
        "[Relative](/tab/home)",
        "<javascript:alert(8)>",
        "[Good](https://learn.microsoft.com/teams) and <https://example.com/a?b=c>",
      ].join("\n\n"),
    );
    const hrefs = Array.from(body.querySelectorAll("a")).map((a) => a.getAttribute("href"));
    expect(hrefs).toEqual(["https://learn.microsoft.com/teams", "https://example.com/a?b=c"]);
    expect(body.textContent).toContain("Click me");
    expect(body.textContent).toContain("Data");
  });

  it("never loads an image: the alt text shows instead of a tracking pixel", async () => {
    const body = await render("![chart of adoption](https://evil.example/pixel.gif) **bold**");
    expect(body.querySelectorAll("img, picture, source")).toHaveLength(0);
    expect(body.innerHTML).not.toContain("evil.example");
    expect(body.textContent).toContain("chart of adoption");
  });

  it("opens links through Teams (app.openLink), with a new-tab fallback that cannot reach back", async () => {
    const onOpenLink = vi.fn();
    const body = await render("See [the docs](https://learn.microsoft.com/teams).", onOpenLink);
    const link = body.querySelector("a");
    expect(link?.getAttribute("target")).toBe("_blank");
    expect(link?.getAttribute("rel")).toBe("noopener noreferrer");
    const click = new MouseEvent("click", { bubbles: true, cancelable: true });
    await act(async () => {
      link?.dispatchEvent(click);
    });
    expect(onOpenLink).toHaveBeenCalledWith("https://learn.microsoft.com/teams");
    expect(click.defaultPrevented).toBe(true);
  });

  it("puts markdown headings below the page's own title and sections", async () => {
    const body = await render("# Top\n\n## Next\n\n###### Deep");
    expect(Array.from(body.querySelectorAll("h1, h2, h3, h4, h5, h6")).map((h) => h.tagName)).toEqual([
      "H3",
      "H4",
      "H6",
    ]);
  });
});
