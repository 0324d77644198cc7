import type { ActivityFormatDefinition } from "../../domain/activities/activityFormat.js";
import { ACTIVITY_FORMAT_IDS, formatOf } from "../../domain/activities/activityFormats.js";

/** `tps <prompt>` or `think-pair-share <prompt>` in a meeting chat (or any chat with the bot). */
export const TPS_COMMAND = /^\s*(?:tps|think[- ]pair[- ]share)\b\s*([\s\S]*)$/i;

/** Letters without their accents, in lower case: "Knowledge Café" is typed "knowledge cafe" too. */
const plain = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const spelled = (name: string) =>
  plain(name)
    .split(/[\s-]+/)
    .map(escaped)
    .join("[- ]?");

/**
 * Every format the engine runs, by its id or its name (`knowledge cafe <question>`, `mastermind
 * circle …`), and `activity <prompt>` for a choice in the dialog: read from the format registry,
 * so a new format is a command without a line here.
 */
const FORMAT_COMMANDS: { pattern: RegExp; format?: ActivityFormatDefinition }[] = [
  { pattern: TPS_COMMAND, format: formatOf("think-pair-share") },
  ...ACTIVITY_FORMAT_IDS.map((id) => ({
    pattern: new RegExp(`^\\s*(?:${spelled(id)}|${spelled(formatOf(id).name)})\\b\\s*([\\s\\S]*)$`, "i"),
    format: formatOf(id),
  })),
  { pattern: /^\s*activity\b\s*([\s\S]*)$/i },
];

/** The format and prompt of a chat command; undefined when the message is no activity command. */
export function activityCommandOf(
  text: string,
): { format: ActivityFormatDefinition; prompt: string } | undefined {
  const typed = plain(text);
  for (const { pattern, format } of FORMAT_COMMANDS) {
    const match = pattern.exec(typed);
    if (!match) continue;
    // The prompt as typed (accents kept): skip as many characters as the command took, plainly.
    const original = text.normalize("NFC");
    const commandLength = typed.length - (match[1] ?? "").length;
    let consumed = 0;
    let at = 0;
    while (consumed < commandLength && at < original.length) consumed += plain(original[at++] ?? "").length;
    return { format: format ?? formatOf("think-pair-share"), prompt: original.slice(at).trim() };
  }
  return undefined;
}
