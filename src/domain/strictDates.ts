/**
 * Dates as people and the tab write them (ISO 8601), checked field by field: `Date.parse`
 * quietly rolls 2024-02-30 over to 1 March and 24:00 to the next day, so a mistyped date would
 * be stored as another one.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** A calendar day that exists, written YYYY-MM-DD. */
export function isRealDate(text: string): boolean {
  const m = DATE.exec(text);
  return !!m && isRealDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** A date and time that exist (YYYY-MM-DDTHH:mm, optional seconds, fraction and offset). */
export function isRealDateTime(text: string): boolean {
  const m = DATE_TIME.exec(text);
  if (!m) return false;
  const [hours, minutes, seconds] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  const offset = m[7] && m[7].toUpperCase() !== "Z" ? m[7].replace(":", "") : "+0000";
  const offsetOk = Number(offset.slice(1, 3)) <= 18 && Number(offset.slice(3)) < 60;
  return (
    isRealDay(Number(m[1]), Number(m[2]), Number(m[3])) &&
    hours < 24 &&
    minutes < 60 &&
    seconds < 60 &&
    offsetOk &&
    !Number.isNaN(Date.parse(text))
  );
}
