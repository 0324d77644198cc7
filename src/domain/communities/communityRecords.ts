/**
 * Storage port of one kind of record a community keeps (its modules, its micro-teach topics):
 * every call scoped by tenant and community, a record replaced only in the version read.
 */
export interface CommunityRecordRepository<T extends { id: string; communityId: string; etag: string }> {
  list(tenantId: string, communityId: string): Promise<T[]>;
  get(tenantId: string, communityId: string, id: string): Promise<T | undefined>;
  /** A ConflictError when a record with the id exists. */
  create(tenantId: string, record: Omit<T, "etag">): Promise<T>;
  /** Replaces the record if `record.etag` is current, else a ConcurrencyError. */
  update(tenantId: string, record: T): Promise<T>;
}

/**
 * The same for records that carry their tenant (a session, a question's route, a playbook): keyed
 * by tenant, community and id, created once, replaced only in the version read.
 */
export interface TenantRecordRepository<T extends { tenantId: string; communityId: string; etag: string }> {
  /** A ConflictError when a record with the id exists. */
  create(record: Omit<T, "etag">): Promise<T>;
  get(tenantId: string, communityId: string, id: string): Promise<T | undefined>;
  /** Replaces the record if `record.etag` is current, else a ConcurrencyError. */
  update(record: T): Promise<T>;
}
