import type { TenantRecordRepository } from "../communities/communityRecords.js";
import type { Playbook } from "./playbook.js";

/** A person's tick on one item (an entry) of a playbook. */
export interface PlaybookTick {
  tenantId: string;
  communityId: string;
  playbookId: string;
  userId: string;
  entryId: string;
}

/** Storage port for playbooks and each member's own progress through them. */
export interface PlaybookRepository extends TenantRecordRepository<Playbook> {
  delete(tenantId: string, communityId: string, playbookId: string): Promise<void>;
  list(tenantId: string, communityId: string): Promise<Playbook[]>;
  /** Ticks an item off for a person (`done`), or takes the tick back; idempotent either way. */
  setDone(tick: PlaybookTick, done: boolean): Promise<void>;
  listDone(tenantId: string, communityId: string, playbookId: string, userId: string): Promise<string[]>;
}
