import type { CalendarStrings, DatePickerProps } from "@fluentui/react-datepicker-compat";
import type { TFunction } from "i18next";

/** The calendar's date texts (header, day buttons' names), which Fluent takes as functions. */
export type CalendarDateFormatting = NonNullable<DatePickerProps["dateTimeFormatter"]>;

/**
 * Fluent's calendar texts in the tab's language. Month and day names come from `Intl` in the
 * viewer's locale (complete and correct for every region, no catalog to keep); the words of the
 * calendar's buttons come from the tab's catalogs.
 */
export function calendarStrings(t: TFunction, locale: string): CalendarStrings {
  const names = (options: Intl.DateTimeFormatOptions, count: number, at: (i: number) => Date) =>
    Array.from({ length: count }, (_, i) => new Intl.DateTimeFormat(locale, options).format(at(i)));
  const month = (i: number) => new Date(2023, i, 1, 12);
  // 1 January 2023 was a Sunday, the first day of Fluent's `days` arrays.
  const weekday = (i: number) => new Date(2023, 0, 1 + i, 12);
  return {
    months: names({ month: "long" }, 12, month),
    shortMonths: names({ month: "short" }, 12, month),
    days: names({ weekday: "long" }, 7, weekday),
    shortDays: names({ weekday: "narrow" }, 7, weekday),
    goToToday: t("datePicker.goToToday"),
    prevMonthAriaLabel: t("datePicker.previousMonth"),
    nextMonthAriaLabel: t("datePicker.nextMonth"),
    prevYearAriaLabel: t("datePicker.previousYear"),
    nextYearAriaLabel: t("datePicker.nextYear"),
    prevYearRangeAriaLabel: t("datePicker.previousYears"),
    nextYearRangeAriaLabel: t("datePicker.nextYears"),
    closeButtonAriaLabel: t("datePicker.close"),
    // Fluent fills `{0}` itself; i18next leaves single braces alone.
    selectedDateFormatString: t("datePicker.selectedDate"),
    todayDateFormatString: t("datePicker.todayDate"),
  };
}

/** The calendar's header ("März 2030") and day names ("31. März 2030") through `Intl`. */
export function calendarDateFormatting(locale: string): CalendarDateFormatting {
  const format = (options: Intl.DateTimeFormatOptions) => {
    const formatter = new Intl.DateTimeFormat(locale, options);
    return (date: Date) => formatter.format(date);
  };
  return {
    formatDay: format({ day: "numeric" }),
    formatMonth: format({ month: "long" }),
    formatYear: format({ year: "numeric" }),
    formatMonthDayYear: format({ dateStyle: "long" }),
    formatMonthYear: format({ month: "long", year: "numeric" }),
  };
}
