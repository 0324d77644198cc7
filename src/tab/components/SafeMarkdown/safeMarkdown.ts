import { Link } from "@fluentui/react-components";
import { createElement, type MouseEvent, type ReactNode } from "react";
import type { Components, Options } from "react-markdown";
import remarkGfm from "remark-gfm";
import { isWebUrl } from "../../teams/webUrl.js";

/** What {@link safeMarkdownOptions} needs. */
export interface SafeMarkdownSettings {
  /** Opens a link the person clicked (in Teams: `app.openLink`). Only http(s) URLs ever reach it. */
  onOpenLink: (url: string) => void;
  /** The heading level markdown's `#` becomes; the page's own title and sections sit above it. */
  topHeadingLevel?: 2 | 3 | 4;
  /** Class of the box a wide table scrolls in. */
  tableClassName?: string;
}

type HeadingTag = "h1" | "h2" | "h3" | "h4" | "h5" | "h6";
const HEADINGS: HeadingTag[] = ["h1", "h2", "h3", "h4", "h5", "h6"];

/**
 * react-markdown's options for an entry body, safe for text from anyone:
 * - raw HTML in the markdown is dropped (`skipHtml`): no tag, attribute or event handler from the
 *   text ever reaches the DOM; react-markdown builds React elements and never sets innerHTML;
 * - link and image URLs keep only absolute http(s) (`urlTransform`); any other link renders as its
 *   text, and links open through `onOpenLink` or in a new tab with `rel="noopener noreferrer"`;
 * - images are never loaded (a tracking pixel is the usual trick): their alt text shows instead;
 * - GFM (tables, strikethrough, task lists) as the server's HTML-to-markdown import writes it.
 */
export function safeMarkdownOptions(settings: SafeMarkdownSettings): Omit<Options, "children"> {
  const top = settings.topHeadingLevel ?? 3;
  const heading = (level: number) => {
    const tag = HEADINGS[Math.min(level + top - 2, 5)] ?? "h6";
    return ({ children }: { children?: ReactNode }) => createElement(tag, null, children);
  };

  const components: Components = {
    a: ({ href, children }) => {
      if (!href || !isWebUrl(href)) return createElement("span", null, children);
      return createElement(
        Link,
        {
          href,
          target: "_blank",
          rel: "noopener noreferrer",
          inline: true,
          onClick: (event: MouseEvent<HTMLAnchorElement>) => {
            event.preventDefault();
            settings.onOpenLink(href);
          },
        },
        children,
      );
    },
    img: ({ alt }) => (alt ? createElement("span", null, alt) : null),
    table: ({ children }) =>
      createElement("div", { className: settings.tableClassName }, createElement("table", null, children)),
    h1: heading(1),
    h2: heading(2),
    h3: heading(3),
    h4: heading(4),
    h5: heading(5),
    h6: heading(6),
  };

  return {
    remarkPlugins: [remarkGfm],
    skipHtml: true,
    urlTransform: (url) => (isWebUrl(url) ? url : null),
    components,
  };
}
