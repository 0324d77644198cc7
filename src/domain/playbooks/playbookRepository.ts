import type { TenantRecordRepository } from "../communities/communityRecords.js";
import type { Playbook } from "./playbook.js";

/** A person's tick on one item of a playbook, set or taken back. */
type PersonalTick = (
  tenantId: string,
  communityId: string,
  playbookId: string,
  userId: string,
  entryId: string,
) => Promise<void>;

/** Storage port for playbooks and each member's own progress through them. */
export interface PlaybookRepository extends TenantRecordRepository<Playbook> {
  delete(tenantId: string, communityId: string, playbookId: string): Promise<void>;
  list(tenantId: string, communityId: string): Promise<Playbook[]>;
  /** Ticks an item off for a person (idempotent). */
  markDone: PersonalTick;
  /** Takes the tick back (idempotent). */
  markUndone: PersonalTick;
  listDone(tenantId: string, communityId: string, playbookId: string, userId: string): Promise<string[]>;
}
