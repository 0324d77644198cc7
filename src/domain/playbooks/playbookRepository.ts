import type { Playbook } from "./playbook.js";

/** Storage port for playbooks and each member's own progress through them. */
export interface PlaybookRepository {
  create(playbook: Omit<Playbook, "etag">): Promise<Playbook>;
  get(tenantId: string, communityId: string, playbookId: string): Promise<Playbook | undefined>;
  update(playbook: Playbook): Promise<Playbook>;
  delete(tenantId: string, communityId: string, playbookId: string): Promise<void>;
  list(tenantId: string, communityId: string): Promise<Playbook[]>;
  /** Ticks an item off for a person (idempotent). */
  markDone(
    tenantId: string,
    communityId: string,
    playbookId: string,
    userId: string,
    entryId: string,
  ): Promise<void>;
  markUndone(
    tenantId: string,
    communityId: string,
    playbookId: string,
    userId: string,
    entryId: string,
  ): Promise<void>;
  listDone(tenantId: string, communityId: string, playbookId: string, userId: string): Promise<string[]>;
}
