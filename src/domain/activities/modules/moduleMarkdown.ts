import { ValidationError } from "../../errors.js";
import { markdownParser, toPlainText } from "../../library/messageContent/markdownText.js";
import { sanitizeMarkdown } from "../../library/messageContent/sanitizeMarkdown.js";
import type { ContentSection } from "../activityFormats.js";

/** The longest module a steward may keep (its sections are stored with every activity run from it). */
export const MAX_MODULE_CHARS = 12_000;
/** More sections than this make phases too short to follow. */
export const MAX_SECTIONS = 12;

/** A module as written: its title, the text before its first section, its timed sections. */
export interface ParsedModule {
  title: string;
  intro: string;
  sections: ContentSection[];
}

/**
 * “Exchange in groups (45 min)”: a section's title and its minutes, in English or German
 * (`min`, `mins`, `minutes`, `Min.`, `Minuten`).
 */
const TIMED = /^(.*?\S)\s*[([]\s*(\d{1,3})\s*(?:min(?:ute)?s?|min\.|minuten?)\s*[)\]]$/iu;

const HOW = "like “## Read (15 min)”";

/**
 * Reads a module written in markdown: `# Title`, an optional introduction, then one `## Section
 * (N min)` heading per timed section with its text below (markdown-it finds the headings, so a
 * `##` inside a code block is text). Texts are sanitised as library entries are; what is wrong is
 * said with its line. The minutes' bounds are the format's (see planFromSections).
 */
export function parseModule(markdown: string): ParsedModule {
  const source = markdown.replace(/\r\n?/g, "\n");
  if (source.trim() === "") throw invalid(`Write the module first: a “# Title”, then timed sections ${HOW}.`);
  if (source.length > MAX_MODULE_CHARS)
    throw invalid(`Keep the module under ${MAX_MODULE_CHARS.toLocaleString("en")} characters.`);
  const lines = source.split("\n");
  const tokens = markdownParser.parse(source, {});
  const headings: { level: number; text: string; start: number; end: number }[] = [];
  tokens.forEach((token, i) => {
    if (token.type !== "heading_open" || !token.map) return;
    const level = Number(token.tag.slice(1));
    if (level > 2) return;
    const text = toPlainText(tokens[i + 1]?.content ?? "").trim();
    headings.push({ level, text, start: token.map[0], end: token.map[1] });
  });
  const titleHeading = headings.find((h) => h.level === 1);
  const sectionHeadings = headings.filter((h) => h.level === 2);
  if (!titleHeading || titleHeading.text === "")
    throw invalid(`Line 1: start the module with its title, like “# Leading through change”.`);
  if (sectionHeadings.length === 0)
    throw invalid(`The module has no timed sections: give each a heading ${HOW}.`);
  if (sectionHeadings.length > MAX_SECTIONS)
    throw invalid(`A module has at most ${MAX_SECTIONS} sections; this one has ${sectionHeadings.length}.`);
  const textBetween = (from: number, to: number) => sanitizeMarkdown(lines.slice(from, to).join("\n"));
  const issues: string[] = [];
  const sections = sectionHeadings.map((heading, i) => {
    const line = heading.start + 1;
    const timed = TIMED.exec(heading.text);
    if (!timed) {
      issues.push(`Line ${line}: “${heading.text}” has no timing; write it ${HOW}.`);
      return { title: heading.text, minutes: 0, body: "", line };
    }
    const next = sectionHeadings[i + 1]?.start ?? lines.length;
    return {
      title: (timed[1] ?? "").slice(0, 200),
      minutes: Number(timed[2]),
      body: textBetween(heading.end, next),
      line,
    };
  });
  if (issues.length > 0) throw invalid(issues.join(" "));
  const firstSection = sectionHeadings[0]?.start ?? lines.length;
  return {
    title: titleHeading.text.slice(0, 200),
    intro: titleHeading.start < firstSection ? textBetween(titleHeading.end, firstSection) : "",
    sections,
  };
}

function invalid(message: string): ValidationError {
  return new ValidationError(message, [{ field: "markdown", message }]);
}
