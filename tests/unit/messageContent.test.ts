import { readFileSync } from "node:fs";
import MarkdownIt, { type Token } from "markdown-it";
import { describe, expect, it } from "vitest";
import {
  type DraftResult,
  type EntryDraft,
  MAX_BODY_CHARS,
  messageToDraft,
  sanitizeMarkdown,
  toPlainText,
} from "../../src/domain/library/messageContent/index.js";
import { isPlainProse } from "../../src/domain/library/messageContent/markdownText.js";
import { sanitizeMarkup } from "../../src/domain/library/messageContent/sanitizeMarkdown.js";
import { demoWords, generateLibrary } from "../../src/local/generatedLibrary.js";

interface Fixture {
  name: string;
  description: string;
  messagePayload: Record<string, unknown>;
  expect: { textIncludes?: string[]; textExcludes?: string[]; links?: string[]; reject?: boolean };
}

const fixtures = (
  JSON.parse(readFileSync(new URL("../../fixtures/teams-messages.json", import.meta.url), "utf8")) as {
    messages: Fixture[];
  }
).messages;

/** Why each rejected fixture is rejected. */
const REJECTION_REASONS: Record<string, string> = { "empty-body": "empty" };

/** A CommonMark reading of the output, as the tab's renderer would read it (raw HTML recognised). */
const commonMark = new MarkdownIt("default", { html: true });

function allTokens(markdown: string): Token[] {
  const flat: Token[] = [];
  const visit = (tokens: Token[] | null) => {
    for (const token of tokens ?? []) {
      flat.push(token);
      visit(token.children);
    }
  };
  visit(commonMark.parse(markdown, {}));
  return flat;
}

/** What a renderer would turn into something other than text and http(s) links. */
function unsafeConstructs(markdown: string): string[] {
  return allTokens(markdown).flatMap((token) => {
    if (token.type === "html_block" || token.type === "html_inline") return [`html: ${token.content}`];
    if (token.type === "image") return [`image: ${token.attrGet("src")}`];
    if (token.type === "link_open" && !/^https?:\/\//.test(String(token.attrGet("href")))) {
      return [`link: ${token.attrGet("href")}`];
    }
    return [];
  });
}

function linkTargets(markdown: string): string[] {
  return allTokens(markdown)
    .filter((token) => token.type === "link_open")
    .map((token) => String(token.attrGet("href")));
}

function tokenTypes(markdown: string): string[] {
  return allTokens(markdown).map((token) => token.type);
}

/** The rendered HTML without whitespace, to compare structure. */
function renderedShape(markdown: string): string {
  return commonMark.render(markdown).replace(/\s+/g, "");
}

function fixture(name: string): Fixture {
  const found = fixtures.find((f) => f.name === name);
  if (!found) throw new Error(`fixture ${name} is missing`);
  return found;
}

const basePayload = {
  id: "1791216720000",
  createdDateTime: "2026-10-05T16:12:00.000Z",
  deleted: false,
  linkToMessage: "https://teams.microsoft.com/l/message/19:abc@thread.tacv2/1791216720000",
  from: { user: { id: "ef06e6ff-e17f-482d-a92b-4c227dae3826", displayName: "Ngozi Ivanova" } },
  attachments: [],
  mentions: [],
};

function htmlMessage(content: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...basePayload, body: { contentType: "html", content }, ...extra };
}

function draftOf(result: DraftResult): EntryDraft {
  if (!result.ok) throw new Error(`expected a draft, got ${result.reason}: ${result.message}`);
  return result.draft;
}

function draftFromHtml(content: string, extra: Record<string, unknown> = {}): EntryDraft {
  return draftOf(messageToDraft(htmlMessage(content, extra)));
}

describe("messageToDraft: the Teams message fixtures", () => {
  it("covers all 16 fixtures", () => {
    expect(fixtures).toHaveLength(16);
  });

  for (const f of fixtures) {
    it(`${f.name}: ${f.description}`, () => {
      const result = messageToDraft(f.messagePayload);
      if (f.expect.reject) {
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.reason).toBe(REJECTION_REASONS[f.name]);
        expect(result.message.length).toBeGreaterThan(20);
        return;
      }
      const draft = draftOf(result);
      for (const text of f.expect.textIncludes ?? []) {
        expect(draft.body).toContain(text);
        expect(draft.plainText).toContain(text);
      }
      for (const text of f.expect.textExcludes ?? []) {
        expect(draft.body).not.toContain(text);
        expect(draft.plainText).not.toContain(text);
      }
      if (f.expect.links) expect([...draft.links].sort()).toEqual([...f.expect.links].sort());
      // Whatever the message held, the body is text and http(s) links only, within the limit.
      expect(unsafeConstructs(draft.body)).toEqual([]);
      expect(draft.links).toEqual([...new Set(linkTargets(draft.body))]);
      expect(draft.body.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
      expect(draft.titleSuggestion.length).toBeGreaterThan(0);
      expect(draft.titleSuggestion.length).toBeLessThanOrEqual(80);
      expect(draft.messageId).toBe(f.messagePayload.id);
      expect(draft.postedAt).toBe(f.messagePayload.createdDateTime);
      expect(draft.link).toBe(f.messagePayload.linkToMessage);
      // Opening the draft in the edit dialog and saving it unchanged keeps it unchanged.
      expect(sanitizeMarkdown(draft.body)).toBe(draft.body);
    });
  }

  it("credits the person who wrote a message", () => {
    const draft = draftOf(messageToDraft(fixture("plain-tip").messagePayload));
    expect(draft.author).toEqual({
      id: "ef06e6ff-e17f-482d-a92b-4c227dae3826",
      displayName: "Ngozi Ivanova",
    });
    expect(draft.appName).toBeUndefined();
    expect(draft.truncated).toBe(false);
  });

  it("takes a bot's card message with the card's text, no person as author and the app named", () => {
    const draft = draftOf(messageToDraft(fixture("bot-card-message").messagePayload));
    expect(draft.author).toBeNull();
    expect(draft.appName).toBe("Build Bot");
    expect(draft.body).toBe("Build 4521 failed: flaky test in payments");
    expect(draft.titleSuggestion).toBe("Build 4521 failed: flaky test in payments");
  });

  it("cuts the ~300 KB body to the limit at a word and says so", () => {
    const draft = draftOf(messageToDraft(fixture("huge-body").messagePayload));
    expect(draft.truncated).toBe(true);
    expect(draft.body.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
    expect(draft.body.length).toBeGreaterThan(MAX_BODY_CHARS / 2);
    expect(draft.body).toMatch(/learning\.$/);
  });

  it("keeps a quoted reply as a plain quote without the quoted person's id, and titles from the reply", () => {
    const draft = draftOf(messageToDraft(fixture("quote-reply").messagePayload));
    expect(draft.body).not.toContain("8:orgid");
    expect(draft.body).not.toContain("e2a11157");
    expect(draft.body).toMatch(/^> .*Sara Berg/);
    expect(tokenTypes(draft.body)).toContain("blockquote_open");
    expect(draft.titleSuggestion).toMatch(/^Yes: add the second key to Key Vault first/);
  });

  it("turns mentions into names and Teams emoji into their character, loading no picture", () => {
    expect(draftOf(messageToDraft(fixture("mention-thanks").messagePayload)).body).toBe(
      "Thanks Chloe Ferreira and Diego Nguyen! The trick was to partition the table by tenant id before the join.",
    );
    const emoji = draftOf(messageToDraft(fixture("emoji-and-bold").messagePayload)).body;
    expect(emoji).toBe(
      "**Lesson learned**: ship the retro notes the same day 😅, nobody remembers on Monday.",
    );
  });

  it("makes text that looks like markdown links, pictures or templates inert", () => {
    const draft = draftOf(messageToDraft(fixture("markdown-injection").messagePayload));
    const types = tokenTypes(draft.body);
    expect(types).not.toContain("link_open");
    expect(types).not.toContain("image");
    expect(types).not.toContain("strong_open");
    expect(draft.body).not.toMatch(/\$\{|\{\{|\}\}/);
    // The person still reads what was written.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${…} in message text is what is tested
    expect(draft.plainText).toContain("**bold** ${{SECRET}} {{template}}");
    expect(draft.plainText).toContain("[Click me]");
  });
});

describe("messageToDraft: what is kept of HTML", () => {
  it("keeps nested lists nested", () => {
    const draft = draftFromHtml(
      "<ul><li>Prepare<ul><li>Book a room<ol><li>Check the calendar</li><li>Send the invite</li></ol></li></ul></li><li>Run it</li></ul>",
    );
    expect(renderedShape(draft.body)).toBe(
      "<ul><li>Prepare<ul><li>Bookaroom<ol><li>Checkthecalendar</li><li>Sendtheinvite</li></ol></li></ul></li><li>Runit</li></ul>",
    );
    expect(draft.plainText).toBe("Prepare\nBook a room\nCheck the calendar\nSend the invite\nRun it");
  });

  it("keeps headings, bold, italic, strikethrough and quotes", () => {
    const draft = draftFromHtml(
      "<h3>Decision</h3><p><b>Use</b> <em>Tables</em>, <s>not Cosmos</s>.</p><blockquote><p>Cheaper at our size.</p></blockquote>",
    );
    expect(draft.body).toBe("### Decision\n\n**Use** _Tables_, ~~not Cosmos~~.\n\n> Cheaper at our size.");
  });

  it("keeps a code block's language and its lines, and inline code inline", () => {
    const draft = draftOf(messageToDraft(fixture("code-block").messagePayload));
    expect(draft.body).toContain("Use `odata` from the SDK");
    expect(draft.body).toContain(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${…} in message text is what is tested
      "```typescript\nconst filter = odata`PartitionKey eq ${tenant} and RowKey ge ${from}`;\nfor await",
    );
    const fence = allTokens(draft.body).find((token) => token.type === "fence");
    expect(fence?.info).toBe("typescript");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${…} in message text is what is tested
    expect(fence?.content).toContain("${tenant}");
  });

  it("turns Teams' <codeblock> with <br> lines into a fenced block with its language", () => {
    const draft = draftFromHtml(
      '<codeblock class="language-python"><code>a = 1<br>b = [a]</code></codeblock>',
    );
    expect(draft.body).toBe("```python\na = 1\nb = [a]\n```");
  });

  it("makes the fence longer than any backtick run in the code, and drops a language that is not one", () => {
    const draft = draftFromHtml(
      '<pre><code class="language-x```y">```\nnot the end\n```</code></pre><p>after</p>',
    );
    const fence = allTokens(draft.body).find((token) => token.type === "fence");
    expect(fence?.info).toBe("");
    expect(fence?.content).toBe("```\nnot the end\n```\n");
    expect(draft.plainText).toContain("after");
  });

  it("keeps tables as markdown tables", () => {
    const draft = draftFromHtml(
      "<table><tbody><tr><td>Role</td><td>Who</td></tr><tr><td>Facilitator</td><td>Ana | Bo</td></tr></tbody></table>",
    );
    expect(tokenTypes(draft.body)).toContain("table_open");
    expect(draft.plainText).toBe("Role | Who\nFacilitator | Ana | Bo");
    expect(sanitizeMarkdown(draft.body)).toBe(draft.body);
  });

  it("keeps http(s) links, and only the text of links anywhere else or relative", () => {
    const draft = draftFromHtml(
      '<p><a href="https://contoso.example/a?b=1&amp;c=2">doc</a> <a href="http://intranet.example/x">old</a> ' +
        '<a href="/relative">rel</a> <a href="mailto:a@b.example">mail</a> <a href="https://contoso.example@evil.example/">sneaky</a></p>',
    );
    expect(draft.links).toEqual(["https://contoso.example/a?b=1&c=2", "http://intranet.example/x"]);
    expect(draft.plainText).toBe("doc old rel mail sneaky");
    expect(draft.body).not.toContain("evil.example");
  });
});

describe("messageToDraft: hostile HTML", () => {
  it.each([
    ['<a href="JaVaScRiPt:alert(1)">click</a>', "mixed-case scheme"],
    ['<a href="javascript&colon;alert(1)">click</a>', "entity-encoded colon"],
    ['<a href="&#106;avascript:alert(1)">click</a>', "entity-encoded letter"],
    ['<a href="jav&#x09;ascript:alert(1)">click</a>', "tab inside the scheme"],
    ['<a href=" vbscript:msgbox(1)">click</a>', "vbscript"],
    ['<a href="data:text/html;base64,PHNjcmlwdD4=">click</a>', "data URL"],
  ])("drops the target of %s (%s) and keeps the text", (html) => {
    const draft = draftFromHtml(`<p>Please ${html} now</p>`);
    expect(draft.body).toBe("Please click now");
    expect(draft.links).toEqual([]);
  });

  it("drops pictures with event handlers and keeps no attribute of them", () => {
    const draft = draftFromHtml('<p>Before</p><img src=x onerror="alert(1)"><p>After</p>');
    expect(draft.body).toBe("Before\n\nAfter");
  });

  it("drops pictures that are not emoji, keeping only a meaningful alt text", () => {
    const draft = draftFromHtml(
      '<p>Chart: <img src="https://tracker.example/p.gif" alt="image"><img src="https://contoso.example/c.png" alt="burn-down chart"></p>',
    );
    expect(draft.body).toBe("Chart: burn-down chart");
    expect(draft.body).not.toContain("tracker.example");
  });

  it("understands the newer <emoji> element", () => {
    expect(draftFromHtml('<p>Agreed <emoji id="yes" alt="👍" title="Like"></emoji></p>').body).toBe(
      "Agreed 👍",
    );
  });

  it("removes script, style, iframe, svg, object, embed and forms with their content, and every style", () => {
    const draft = draftFromHtml(
      "<style>p{display:none}</style><script>steal()</script><iframe src=https://evil.example>frame text</iframe>" +
        "<svg><text>svg text</text></svg><object data=x>object text</object><embed src=x>" +
        '<form action="https://evil.example"><label>Password</label><input name=p><button>Sign in</button></form>' +
        '<p style="color:red" onclick="x()">Kept</p>',
    );
    expect(draft.body).toBe("Kept");
  });

  it("escapes HTML that arrives as text, so it stays text", () => {
    const draft = draftFromHtml("<p>Use &lt;script&gt; tags sparingly &amp;amp; wisely</p>");
    expect(unsafeConstructs(draft.body)).toEqual([]);
    expect(draft.plainText).toBe("Use <script> tags sparingly &amp; wisely");
  });

  it("decodes entity-encoded script markup once and drops it, in any letter case", () => {
    const draft = draftFromHtml(
      "<p>Before &lt;ScRiPt&gt;alert(1)&lt;/sCrIpT&gt; after &#60;iframe src=&quot;x&quot;&#62;frame&#60;/IFRAME&#62;.</p>",
    );
    expect(draft.plainText).not.toMatch(/script|alert|iframe|frame/i);
    expect(draft.plainText).toMatch(/^Before\s+after\s*\.$/);
  });

  it("keeps script markup written inside code as it is", () => {
    const draft = draftFromHtml("<pre><code>&lt;script&gt;init()&lt;/script&gt;</code></pre>");
    expect(draft.plainText).toContain("<script>init()</script>");
  });

  it("stores text without bidi overrides, control characters or zero-width characters inside words", () => {
    const draft = draftFromHtml(
      "<p>Rotate the Pass\u200Bword \u202Eevery 90 days\u202C.\u0007 Ask\u2066 Ana\u2069.</p>",
    );
    expect(draft.plainText).toBe("Rotate the Password every 90 days. Ask Ana.");
    for (const hidden of ["\u0007", "\u200B", "\u202E", "\u202C", "\u2066", "\u2069"]) {
      expect(draft.body).not.toContain(hidden);
    }
  });

  it("never fails on deeply nested markup", () => {
    // 8,000 levels still fit the part of a body that is converted; the text must come through.
    const draft = draftFromHtml(`${"<div>".repeat(8_000)}deep${"</div>".repeat(8_000)}`);
    expect(draft.body).toBe("deep");
  });

  it("bounds a multi-megabyte body and still cuts at a word", () => {
    const draft = draftFromHtml(`<p>${"word ".repeat(700_000)}</p>`);
    expect(draft.truncated).toBe(true);
    expect(draft.body.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
    expect(draft.body).toMatch(/word$/);
  });
});

describe("messageToDraft: bodies over the limit", () => {
  it("keeps MAX_BODY_CHARS at 20,000, well inside an Azure Tables string property", () => {
    expect(MAX_BODY_CHARS).toBe(20_000);
  });

  it("cuts between paragraphs when it can", () => {
    const paragraphs = Array.from(
      { length: 400 },
      (_, i) =>
        `Paragraph ${i} says what the community learned in session ${i}, in about a hundred characters.`,
    );
    const draft = draftFromHtml(paragraphs.map((p) => `<p>${p}</p>`).join(""));
    expect(draft.truncated).toBe(true);
    expect(draft.body.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
    expect(draft.body.length).toBeGreaterThan(MAX_BODY_CHARS - 200);
    const kept = draft.body.split("\n\n");
    expect(kept).toEqual(paragraphs.slice(0, kept.length));
  });

  it("closes a code block the cut left open", () => {
    const code = Array.from({ length: 3_000 }, (_, i) => `console.log("line ${i}");`).join("\n");
    const draft = draftFromHtml(
      `<p>The script:</p><pre><code class="language-js">${code}</code></pre><p>The end.</p>`,
    );
    expect(draft.truncated).toBe(true);
    expect(draft.body.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
    expect(draft.body).toMatch(/\n```$/);
    const fences = allTokens(draft.body).filter((token) => token.type === "fence");
    expect(fences).toHaveLength(1);
    expect(fences[0]?.info).toBe("js");
    expect(draft.plainText).not.toContain("The end.");
  });

  it("is not truncated at exactly the limit", () => {
    const text = "a".repeat(MAX_BODY_CHARS);
    const draft = draftFromHtml(`<p>${text}</p>`);
    expect(draft.truncated).toBe(false);
    expect(draft.body).toBe(text);
  });
});

describe("messageToDraft: the text a person edits in the Save-as-insight dialog", () => {
  it("reads as typed: no escapes where markdown would not change the text", () => {
    const draft = draftFromHtml(
      "<p>[Click me] to open the runbook</p><p>1. Step 1</p><p>2. Step 2</p><p>Use snake_case_names, not *stars*</p>",
    );
    expect(draft.body).not.toMatch(/\\\[|1\\\.|snake\\_/);
    expect(draft.body).toContain("[Click me] to open the runbook");
    expect(draft.body).toContain("1. Step 1\n2. Step 2");
    // What would turn into formatting is still kept as text.
    expect(draft.body).toContain("\\*stars\\*");
    expect(sanitizeMarkdown(draft.body)).toBe(draft.body);
  });

  it("suggests a title from a table's header cells, not a row with pipes", () => {
    const draft = draftFromHtml(
      "<table><tr><th>Metric</th><th>Before</th><th>After</th></tr><tr><td>p95</td><td>1.2 s</td><td>0.4 s</td></tr></table>",
    );
    expect(draft.titleSuggestion).toBe("Metric, Before and After");
  });
});

describe("messageToDraft: text bodies, attachments and refusals", () => {
  it("escapes markdown in a text body so it reads as typed", () => {
    const draft = draftOf(
      messageToDraft({
        ...basePayload,
        body: {
          contentType: "text",
          content: "Rate *every* retro\n[x](y) and <b>this</b>\n\nSecond paragraph",
        },
      }),
    );
    const types = tokenTypes(draft.body);
    expect(types).not.toContain("em_open");
    expect(types).not.toContain("link_open");
    expect(unsafeConstructs(draft.body)).toEqual([]);
    expect(draft.body).toContain("\\*every\\*");
    expect(draft.plainText).toBe("Rate *every* retro\n[x](y) and <b>this</b>\nSecond paragraph");
  });

  it("adds files the body does not place, and does not link a file that is not on https", () => {
    const draft = draftFromHtml("<p>Two files</p>", {
      attachments: [
        {
          id: "a",
          contentType: "reference",
          contentUrl: "https://contoso.sharepoint.com/a.docx",
          name: "a.docx",
        },
        { id: "b", contentType: "reference", contentUrl: "http://fileshare.example/b.xlsx", name: "b.xlsx" },
        { id: "c", contentType: "image/png", contentUrl: "https://contoso.example/c.png" },
      ],
    });
    expect(draft.links).toEqual(["https://contoso.sharepoint.com/a.docx"]);
    expect(draft.plainText).toBe("Two files\na.docx\nb.xlsx");
  });

  it("refuses a card message without text as empty", () => {
    const result = messageToDraft({
      ...basePayload,
      from: { application: { id: "28:abc", displayName: "Poll Bot" } },
      body: { contentType: "html", content: '<attachment id="c"></attachment>' },
      attachments: [
        {
          id: "c",
          contentType: "application/vnd.microsoft.card.adaptive",
          content: '{"type":"AdaptiveCard","body":[{"type":"Image","url":"https://x.example/i.png"}]}',
        },
      ],
    });
    expect(result).toMatchObject({ ok: false, reason: "empty" });
  });

  it("reads text nested in card containers and fact sets", () => {
    const draft = draftOf(
      messageToDraft({
        ...basePayload,
        from: { application: { id: "28:abc", displayName: "Deploy Bot" } },
        body: { contentType: "html", content: "" },
        attachments: [
          {
            contentType: "application/vnd.microsoft.card.adaptive",
            content: {
              type: "AdaptiveCard",
              body: [
                { type: "Container", items: [{ type: "TextBlock", text: "Deploy **done**" }] },
                { type: "FactSet", facts: [{ title: "Env", value: "prod" }] },
              ],
            },
          },
        ],
      }),
    );
    expect(draft.plainText).toBe("Deploy **done**\nEnv: prod");
    expect(draft.author).toBeNull();
    expect(draft.appName).toBe("Deploy Bot");
  });

  it("refuses a deleted message, however little else the payload holds", () => {
    for (const payload of [
      { ...htmlMessage("<p>gone</p>"), deleted: true },
      { id: "1", deleted: true },
    ]) {
      const result = messageToDraft(payload);
      expect(result).toMatchObject({ ok: false, reason: "deleted" });
      if (!result.ok) expect(result.message).toMatch(/deleted/);
    }
  });

  it("refuses what is not a message as invalid", () => {
    for (const payload of [null, "text", 42, {}, { body: { content: "<p>x</p>" } }, { id: "1", body: {} }]) {
      expect(messageToDraft(payload)).toMatchObject({ ok: false, reason: "invalid" });
    }
  });

  it("keeps the link back only when it is https", () => {
    expect(
      draftFromHtml("<p>x</p>", { linkToMessage: "http://teams.example/l/message/1" }).link,
    ).toBeUndefined();
    expect(draftFromHtml("<p>x</p>", { linkToMessage: "javascript:alert(1)" }).link).toBeUndefined();
  });
});

describe("messageToDraft: title suggestions", () => {
  it("prefers the subject", () => {
    expect(draftFromHtml("<p>Body text.</p>", { subject: "  Key rotation   runbook " }).titleSuggestion).toBe(
      "Key rotation runbook",
    );
  });

  it("takes the first heading, without markdown", () => {
    expect(draftFromHtml("<h2>Key <em>rotation</em> runbook</h2><p>First do this.</p>").titleSuggestion).toBe(
      "Key rotation runbook",
    );
  });

  it("takes the first sentence", () => {
    expect(draftFromHtml("<p>Pair across departments. It spreads knowledge.</p>").titleSuggestion).toBe(
      "Pair across departments",
    );
  });

  it("falls back to the first line when the message is only code", () => {
    expect(draftFromHtml("<pre><code>kubectl rollout undo deploy/api</code></pre>").titleSuggestion).toBe(
      "kubectl rollout undo deploy/api",
    );
  });

  it("cuts a long first sentence at a word, within 80 characters", () => {
    const sentence =
      "When the nightly load fails because an upstream team renamed a column without telling anyone we now check the schema registry first";
    const title = draftFromHtml(`<p>${sentence}. Then we call them.</p>`).titleSuggestion;
    expect(title.length).toBeLessThanOrEqual(80);
    expect(title).toMatch(/…$/);
    const words = title.slice(0, -1);
    expect(sentence.startsWith(words)).toBe(true);
    expect(sentence.charAt(words.length)).toBe(" ");
  });
});

describe("sanitizeMarkdown", () => {
  it("keeps a link's text and drops a javascript: target, also entity-encoded", () => {
    for (const hostile of [
      "[a](javascript:alert(1))",
      "[a](javascript&colon;alert(1))",
      "[a](JAVASCRIPT:alert(1))",
    ]) {
      const safe = sanitizeMarkdown(hostile);
      expect(tokenTypes(safe)).not.toContain("link_open");
      expect(safe.toLowerCase()).not.toContain("javascript:");
      // The person reads the link's text, not raw markdown such as "\[a\](javascript-blocked:…)".
      expect(safe).toBe("a");
    }
    expect(sanitizeMarkdown("See [docs](https://x.example) and [bad](javascript:alert(1)) here")).toBe(
      "See [docs](https://x.example/) and bad here",
    );
  });

  it("drops pictures so no tracking pixel loads, keeping the alt text", () => {
    const safe = sanitizeMarkdown("Look ![p](https://evil.example/pixel.gif) here");
    expect(safe).toBe("Look p here");
    expect(unsafeConstructs(safe)).toEqual([]);
  });

  it("removes raw HTML: script with its content, handlers, iframes", () => {
    const safe = sanitizeMarkdown(
      'Hello\n\n<script>alert(1)</script>\n\n<a href="https://ok.example" onclick="x()">ok</a> <iframe src="https://evil.example"></iframe>',
    );
    expect(safe).toBe("Hello\n\n[ok](https://ok.example/)");
  });

  it("keeps a person's formatting and is stable when applied again", () => {
    const typed =
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${…} in message text is what is tested
      "# Runbook\n\n* step **one**\n  * nested `code`\n1. first\n\n> quoted\n\n```bash\necho ${HOME}\n```\n\n[docs](https://learn.example/x)";
    const safe = sanitizeMarkdown(typed);
    expect(safe).toBe(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${…} in message text is what is tested
      "# Runbook\n\n- step **one**\n  - nested `code`\n\n1. first\n\n> quoted\n\n```bash\necho ${HOME}\n```\n\n[docs](https://learn.example/x)",
    );
    expect(sanitizeMarkdown(safe)).toBe(safe);
  });

  it("neutralises unsafe schemes left in text but leaves prose about them alone", () => {
    expect(sanitizeMarkdown("Try `javascript:void(0)` or data:text/html,hi")).toBe(
      "Try `javascript-blocked:void(0)` or data-blocked:text/html,hi",
    );
    expect(sanitizeMarkdown("JavaScript: the good parts")).toBe("JavaScript: the good parts");
  });
});

describe("sanitizeMarkdown on plain prose", () => {
  const prose = [
    "Day 1: pair with a buddy on a real ticket. Week 1: read the data dictionary.",
    "We moved the nightly load to 02:00 (UTC) because the source system locks at midnight.",
    "Ask Priya first; she owns the pipeline.\n\nThen check the runbook on https://learn.example/runbook?x=1.",
    "Größere Änderungen brauchen ein Review, 100 % der Zeit.",
  ];

  it("gives what the full round trip gives, without running it", () => {
    for (const text of prose) {
      expect(sanitizeMarkdown(text)).toBe(sanitizeMarkup(text));
      expect(sanitizeMarkdown(sanitizeMarkdown(text))).toBe(sanitizeMarkdown(text));
    }
  });

  it("still neutralises unsafe schemes in prose", () => {
    expect(sanitizeMarkdown("Never paste javascript:alert(1) into a URL bar")).toBe(
      "Never paste javascript-blocked:alert(1) into a URL bar",
    );
  });

  it("sends anything that could be markup through the full round trip", () => {
    for (const marked of [
      "a <b onclick=x()>bold</b> claim",
      "see [docs](javascript:alert(1))",
      "- a bullet",
      "1. a step",
      "  2) another step",
      "> quoted",
      "    indented code",
      "Title\n===",
      "a | b\n--|--\n1 | 2",
      "fish &amp; chips",
      "snake_case and *stars*",
    ]) {
      expect(sanitizeMarkdown(marked)).toBe(sanitizeMarkup(marked));
    }
  });
});

describe("toPlainText of plain prose", () => {
  /** The parser's answer, whatever the text: what the short path must equal. */
  const parsed = (markdown: string) => toPlainText(`${markdown}\n\n\\`).replace(/\n?\\$/, "");

  it("equals the parser's answer for generated libraries and hand-written prose", () => {
    const people = [{ id: "u1", displayName: "One" }];
    const bodies = [
      ...generateLibrary("t", "c", 100, people, 3, demoWords).map((e) => e.body),
      "  Leading spaces\nand a second line \n   indented continuation.\n\n\n\nAfter blank lines.\t",
      "Tabs\tinside words, 100 % sure: yes (mostly).",
      "Ünïcödé prose — with dashes… and “quotes”.\n \nA line of spaces between.",
      "",
    ];
    for (const body of bodies) {
      expect(isPlainProse(body)).toBe(true);
      expect(toPlainText(body)).toBe(parsed(body));
    }
  });

  it("leaves anything with markup to the parser", () => {
    for (const marked of [
      "a  \nhard break",
      "- bullet",
      "**bold**",
      "a <b>tag</b>",
      "1. step",
      "no\u00a0break",
    ]) {
      expect(isPlainProse(marked)).toBe(false);
    }
  });
});

describe("toPlainText", () => {
  it("keeps the words and drops the markup", () => {
    expect(
      toPlainText("# Title\n\n**Bold** and [a link](https://x.example) with `code`\n\n- one\n- two"),
    ).toBe("Title\nBold and a link with code\none\ntwo");
  });

  it("leaves raw HTML out", () => {
    expect(toPlainText("a <b>b</b>\n\n<div>c</div>")).toBe("a b");
  });
});
