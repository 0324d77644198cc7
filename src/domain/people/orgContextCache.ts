import type { OrgPerson } from "./peopleDirectory.js";

/** A person's org context and when it was read from the directory (epoch ms). */
export interface CachedPerson {
  person: OrgPerson;
  fetchedAt: number;
}

/** Where a tenant's `/users/delta` round stopped, and when the whole directory was last in step. */
export interface DeltaState {
  deltaLink: string;
  syncedAt: number;
}

/**
 * The org context cache the Graph directory keeps: people as Graph last described them, shared by
 * every server instance and kept across restarts, so a cold instance asks Graph only for people
 * nobody has looked up within the time to live. Azure Tables implements it (storage/).
 */
export interface OrgContextCache {
  getMany(tenantId: string, ids: string[]): Promise<Map<string, CachedPerson>>;
  putMany(tenantId: string, people: CachedPerson[]): Promise<void>;
  removeMany(tenantId: string, ids: string[]): Promise<void>;
  getDelta(tenantId: string): Promise<DeltaState | undefined>;
  /** Stores where the delta round stopped; undefined forgets it (the next round starts afresh). */
  putDelta(tenantId: string, state: DeltaState | undefined): Promise<void>;
}
