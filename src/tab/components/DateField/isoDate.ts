/**
 * The date fields' text format: ISO `YYYY-MM-DD`, the same in English and German and the value the
 * tab's callers and the API already use. Dates are local and at noon, so no time zone or
 * daylight-saving change moves them to a neighbouring day.
 */

/** `date` as `YYYY-MM-DD` (its local calendar day); empty for no date. */
export function formatIsoDate(date?: Date | null): string {
  if (!date || Number.isNaN(date.getTime())) return "";
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The calendar day a person typed, or null when it is no real date. Takes ISO `2030-03-31` and,
 * since German speakers type it so and it can only mean day-month-year, `31.3.2030`. Slashes are
 * refused: `3/4/2030` means different days in English and German.
 */
export function parseIsoDate(text: string): Date | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : dotted ? [dotted[3], dotted[2], dotted[1]] : [];
  if (!year || !month || !day) return null;
  const date = new Date(Number(year), Number(month) - 1, Number(day), 12);
  // `new Date` rolls 31 February over into March; a typed day that does not exist is refused.
  return date.getFullYear() === Number(year) &&
    date.getMonth() === Number(month) - 1 &&
    date.getDate() === Number(day)
    ? date
    : null;
}

/** A stored `YYYY-MM-DD` value as a date; undefined for empty or anything else. */
export function isoDateValue(value: string | undefined): Date | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(value ?? "") ? (parseIsoDate(value ?? "") ?? undefined) : undefined;
}
