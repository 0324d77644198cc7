/**
 * What every answer to the tab shares: the server keeps the tenant id to itself (the tab knows its
 * tenant from Teams, and an id it never receives cannot leak into a link or a log).
 */
export type TenantFree<T> = Omit<T, "tenantId">;

/** The view without its tenant id, as the tab receives it. */
export function withoutTenant<T extends { tenantId: string }>(view: T): TenantFree<T> {
  const { tenantId: _tenant, ...rest } = view;
  return rest;
}

/** A list answer: `{ items }`, so fields can be added beside the items later without a break. */
export interface ItemsAnswer<T> {
  items: T[];
}
