import { de } from "./de";
import { en, type Messages } from "./en";

export type { Messages } from "./en";

const byLanguage: Record<string, Messages> = { en, de };

/**
 * Picks the tab's text for a Teams locale such as `de-DE` (Teams reports `app.locale` as a BCP 47
 * tag); languages without a translation fall back to English.
 */
export function messagesFor(locale: string | undefined): Messages {
  const language = (locale ?? "en").toLowerCase().split("-")[0] ?? "en";
  return byLanguage[language] ?? en;
}
