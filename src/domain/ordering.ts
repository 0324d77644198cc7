/**
 * Compares values kept as text for their order — ISO times, ids — by code unit, the order Tables
 * keeps keys in. Five times faster than `localeCompare` (measured on 300 times), whose language
 * rules such values do not need; the view of a 300-person activity sorts several lists per poll.
 */
export function compareStored(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
