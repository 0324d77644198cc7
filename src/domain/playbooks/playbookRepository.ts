import type { TenantRecordRepository } from "../communities/communityRecords.js";
import type { Playbook } from "./playbook.js";

/** Storage port for playbooks and each member's own progress through them. */
export interface PlaybookRepository extends TenantRecordRepository<Playbook> {
  delete(tenantId: string, communityId: string, playbookId: string): Promise<void>;
  list(tenantId: string, communityId: string): Promise<Playbook[]>;
  /** Ticks an item off for a person (`done`), or takes the tick back; idempotent either way. */
  setDone(
    tenantId: string,
    communityId: string,
    playbookId: string,
    userId: string,
    entryId: string,
    done: boolean,
  ): Promise<void>;
  listDone(tenantId: string, communityId: string, playbookId: string, userId: string): Promise<string[]>;
}
