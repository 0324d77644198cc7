import { describe, expect, it } from "vitest";
import { de } from "../../../src/tab/i18n/de.js";
import { en } from "../../../src/tab/i18n/en.js";
import { createTabI18n, normalizeLocale } from "../../../src/tab/i18n/i18n.js";

/** Every leaf key of a catalog, as dotted paths. */
function keysOf(catalog: object, prefix = ""): string[] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keysOf(value as object, `${prefix}${key}.`),
  );
}

/** The `{{placeholders}}` of a message, sorted. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1] ?? "").sort();
}

describe("tab i18n (i18next)", () => {
  it("has a German text for every English key, with the same placeholders", () => {
    expect(keysOf(de)).toEqual(keysOf(en));
    const lookup = (catalog: object, key: string) =>
      key
        .split(".")
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalog) as string;
    for (const key of keysOf(en))
      expect(placeholders(lookup(de, key)), key).toEqual(placeholders(lookup(en, key)));
  });

  it("picks German for de-DE and formats numbers and dates through Intl in that locale", () => {
    const i18n = createTabI18n("de-DE", de);
    expect(i18n.t("library.searchLabel")).toBe("Bibliothek durchsuchen");
    expect(i18n.t("library.resultCount", { count: 1234 })).toBe("1.234 Einträge");
    expect(i18n.t("library.resultCount", { count: 1 })).toBe("1 Eintrag");
    const date = new Date(2026, 2, 5, 12, 0);
    expect(i18n.t("entry.added", { date })).toBe(
      `Hinzugefügt am ${new Intl.DateTimeFormat("de-DE", { dateStyle: "long" }).format(date)}`,
    );
    expect(i18n.t("entry.added", { date })).toContain("5. März 2026");
  });

  it("keeps the region for formatting: en-GB text is English, dates are British", () => {
    const i18n = createTabI18n("en-GB");
    const date = new Date(2026, 2, 5, 12, 0);
    expect(i18n.t("library.added", { date })).toBe("5 Mar 2026");
    expect(createTabI18n("en-US").t("library.added", { date })).toBe("Mar 5, 2026");
  });

  it("falls back to English text for a language without a translation", () => {
    const i18n = createTabI18n("fr-FR");
    expect(i18n.t("library.searchLabel")).toBe("Search the library");
    expect(i18n.t("library.resultCount", { count: 2 })).toBe("2 entries");
  });

  it("treats a missing or malformed Teams locale as en-US", () => {
    expect(normalizeLocale(undefined)).toBe("en-US");
    expect(normalizeLocale("not a locale!")).toBe("en-US");
    expect(normalizeLocale("de-de")).toBe("de-DE");
  });
});
