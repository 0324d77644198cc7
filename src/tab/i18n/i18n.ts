import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { type Catalog, en } from "./en.js";

/** The languages the tab is translated into; any other Teams locale reads English. */
export const TAB_LANGUAGES = ["en", "de"] as const;

/**
 * Creates the tab's i18next instance for a Teams locale such as `de-DE`. The full locale stays the
 * instance's language, so dates and numbers follow its region (`de-AT`, `en-GB`) through `Intl`,
 * while the text comes from the language's catalog. English is bundled; the German catalog is
 * downloaded by German clients only (germanCatalog.ts) and passed in once here, so the instance
 * is ready synchronously. Without it, German readers read English.
 */
export function createTabI18n(locale: string | undefined, german?: Catalog): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { en: { translation: en }, ...(german ? { de: { translation: german } } : {}) },
    lng: normalizeLocale(locale),
    fallbackLng: "en",
    supportedLngs: [...TAB_LANGUAGES],
    nonExplicitSupportedLngs: true,
    load: "languageOnly",
    initAsync: false,
    // React escapes text itself; escaping here too would show "&amp;" in labels.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** A BCP 47 tag `Intl` accepts, or English when Teams gave none (or a malformed one). */
export function normalizeLocale(locale: string | undefined): string {
  if (!locale) return "en-US";
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? "en-US";
  } catch {
    return "en-US";
  }
}

/** The catalog language of a locale (`de-AT` → `de`); English for any language the tab lacks. */
export function languageOf(locale: string): (typeof TAB_LANGUAGES)[number] {
  const language = locale.split("-")[0]?.toLowerCase();
  return language === "de" ? "de" : "en";
}
