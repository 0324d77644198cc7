/** A due date (YYYY-MM-DD) as the viewer's local day, so it formats as that day in any zone. */
export function localDay(due: string): Date {
  const [year = 0, month = 1, day = 1] = due.split("-").map(Number);
  return new Date(year, month - 1, day);
}
