import { describe, expect, it } from "vitest";
import {
  calendarDateFormatting,
  calendarStrings,
} from "../../../src/tab/components/DateField/calendarStrings.js";
import { formatIsoDate, isoDateValue, parseIsoDate } from "../../../src/tab/components/DateField/isoDate.js";
import { de } from "../../../src/tab/i18n/de.js";
import { createTabI18n } from "../../../src/tab/i18n/i18n.js";

describe("date field (Fluent DatePicker with ISO text)", () => {
  it("reads ISO and German dotted dates as local noon, and refuses days that do not exist", () => {
    expect(parseIsoDate(" 2030-03-31 ")).toEqual(new Date(2030, 2, 31, 12));
    expect(parseIsoDate("31.3.2030")).toEqual(new Date(2030, 2, 31, 12));
    expect(parseIsoDate("2030-3-5")).toEqual(new Date(2030, 2, 5, 12));
    for (const text of [
      "2030-02-30",
      "2030-13-01",
      "31.02.2030",
      "3/4/2030",
      "March 4",
      "",
      "2030-03-31T10:00",
    ])
      expect(parseIsoDate(text), text).toBeNull();
  });

  it("writes the local calendar day as YYYY-MM-DD, and empty for no date", () => {
    expect(formatIsoDate(new Date(2030, 0, 5, 0, 30))).toBe("2030-01-05");
    expect(formatIsoDate(new Date(2030, 11, 31, 23, 59))).toBe("2030-12-31");
    expect(formatIsoDate(undefined)).toBe("");
    expect(formatIsoDate(new Date(Number.NaN))).toBe("");
    expect(isoDateValue("2030-03-31")).toEqual(new Date(2030, 2, 31, 12));
    expect(isoDateValue("")).toBeUndefined();
    expect(isoDateValue("31.3.2030")).toBeUndefined();
  });

  it("gives the calendar German month and day names and German button words", () => {
    const i18n = createTabI18n("de-DE", de);
    const strings = calendarStrings(i18n.t, i18n.language);
    expect(strings.months[2]).toBe("März");
    expect(strings.days[0]).toBe("Sonntag");
    expect(strings.days[1]).toBe("Montag");
    expect(strings.shortDays).toHaveLength(7);
    expect(strings.goToToday).toBe("Gehe zu heute");
    expect(strings.nextMonthAriaLabel).toBe("Nächster Monat");
    expect(strings.selectedDateFormatString).toBe("Ausgewähltes Datum {0}");
    expect(calendarDateFormatting(i18n.language).formatMonthYear(new Date(2030, 2, 31, 12), strings)).toBe(
      "März 2030",
    );
  });

  it("gives English names and words for an English locale", () => {
    const i18n = createTabI18n("en-GB");
    const strings = calendarStrings(i18n.t, i18n.language);
    expect(strings.months[0]).toBe("January");
    expect(strings.days[6]).toBe("Saturday");
    expect(strings.goToToday).toBe("Go to today");
    expect(calendarDateFormatting(i18n.language).formatMonthDayYear(new Date(2030, 2, 31, 12), strings)).toBe(
      "31 March 2030",
    );
  });
});
