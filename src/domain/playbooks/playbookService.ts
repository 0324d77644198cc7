import { randomUUID } from "node:crypto";
import { z } from "zod";
import { type CommunityView, stewardsOnly } from "../communities/community.js";
import type { CommunityService } from "../communities/communityService.js";
import { ConflictError, NotFoundError, orNotFound, requireLatest, ValidationError } from "../errors.js";
import { type Caller, callerAsPerson } from "../identity.js";
import type { EntryRepository } from "../library/entryRepository.js";
import { parseInput, personText } from "../validation.js";
import type { Playbook, PlaybookItem, PlaybookView, ProposedPlaybook } from "./playbook.js";
import type { PlaybookRepository } from "./playbookRepository.js";

const item = z.object({
  entryId: z.string().min(1).max(100),
  note: personText(z.string().trim().max(500)).optional(),
});

export const playbookSchema = z.object({
  title: personText(z.string().trim().min(3, "Give the playbook a title of at least 3 characters.").max(150)),
  description: personText(z.string().trim().max(2000)).default(""),
  items: z
    .array(item)
    .min(1, "Pick at least one entry for the playbook.")
    .max(50, "A playbook holds at most 50 steps."),
  starter: z.boolean().default(false),
});
export type PlaybookInput = z.input<typeof playbookSchema>;

/** Stewards compile entries into ordered playbooks; members tick the steps off for themselves. */
export class PlaybookService {
  constructor(
    private readonly playbooks: PlaybookRepository,
    private readonly entries: EntryRepository,
    private readonly communities: CommunityService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(caller: Caller, communityId: string, input: PlaybookInput): Promise<PlaybookView> {
    const data = parseInput(playbookSchema, input);
    const community = await this.requireSteward(caller, communityId);
    const playbook = await this.playbooks.create({
      tenantId: caller.tenantId,
      communityId,
      id: randomUUID(),
      title: data.title,
      description: data.description,
      items: await this.resolveItems(caller.tenantId, communityId, data.items),
      starter: data.starter,
      createdBy: callerAsPerson(caller),
      updatedAt: this.now().toISOString(),
    });
    return this.view(caller, community, playbook);
  }

  async update(
    caller: Caller,
    communityId: string,
    playbookId: string,
    input: PlaybookInput,
    etag: string,
  ): Promise<PlaybookView> {
    const data = parseInput(playbookSchema, input);
    const community = await this.requireSteward(caller, communityId);
    const current = await this.require(caller.tenantId, communityId, playbookId);
    requireLatest(current, etag, "this playbook");
    const updated = await this.playbooks.update({
      ...current,
      title: data.title,
      description: data.description,
      items: await this.resolveItems(caller.tenantId, communityId, data.items),
      starter: data.starter,
      updatedAt: this.now().toISOString(),
    });
    return this.view(caller, community, updated);
  }

  async delete(caller: Caller, communityId: string, playbookId: string): Promise<void> {
    await this.requireSteward(caller, communityId);
    await this.playbooks.delete(caller.tenantId, communityId, playbookId);
  }

  /** A community's playbooks; `known` is the community as the caller has just read it. */
  async list(caller: Caller, communityId: string, known?: CommunityView): Promise<PlaybookView[]> {
    const [community, all] = await Promise.all([
      known ?? this.communities.get(caller, communityId),
      this.playbooks.list(caller.tenantId, communityId),
    ]);
    // A proposed playbook is the stewards' to review: members see it once published.
    const visible = all.filter((p) => !p.proposed || community.isSteward);
    return Promise.all(visible.map((p) => this.view(caller, community, p)));
  }

  async get(caller: Caller, communityId: string, playbookId: string): Promise<PlaybookView> {
    const community = await this.communities.get(caller, communityId);
    const playbook = await this.require(caller.tenantId, communityId, playbookId);
    if (playbook.proposed && !community.isSteward)
      throw new NotFoundError("This playbook does not exist any more.");
    return this.view(caller, community, playbook);
  }

  /**
   * A meeting proposes a playbook from entries it saved (a case round's best heuristics): stored
   * as proposed, for the stewards to review and publish. Any member may propose (the meeting's
   * facilitator does, at its close); proposing the same id again changes nothing.
   */
  async propose(caller: Caller, communityId: string, proposal: ProposedPlaybook): Promise<Playbook> {
    await this.communities.get(caller, communityId);
    const existing = await this.playbooks.get(caller.tenantId, communityId, proposal.id);
    if (existing) return existing;
    const data = parseInput(playbookSchema, {
      title: proposal.title,
      description: proposal.description,
      items: proposal.entryIds.map((entryId) => ({ entryId })),
    });
    const at = this.now().toISOString();
    try {
      return await this.playbooks.create({
        tenantId: caller.tenantId,
        communityId,
        id: proposal.id,
        title: data.title,
        description: data.description,
        items: await this.resolveItems(caller.tenantId, communityId, data.items),
        starter: false,
        createdBy: callerAsPerson(caller),
        updatedAt: at,
        proposed: {
          activityId: proposal.activityId,
          ...(proposal.sessionId ? { sessionId: proposal.sessionId } : {}),
          at,
        },
      });
    } catch (error) {
      // Another instance's close proposed it first: theirs is the one.
      if (!(error instanceof ConflictError)) throw error;
      return this.require(caller.tenantId, communityId, proposal.id);
    }
  }

  /** A steward publishes a proposed playbook (from the version they reviewed): members see it then. */
  async publish(
    caller: Caller,
    communityId: string,
    playbookId: string,
    etag: string,
  ): Promise<PlaybookView> {
    const community = await this.requireSteward(caller, communityId);
    const current = await this.require(caller.tenantId, communityId, playbookId);
    if (!current.proposed) return this.view(caller, community, current);
    requireLatest(current, etag, "this playbook");
    const { proposed: _, ...published } = current;
    const updated = await this.playbooks.update({ ...published, updatedAt: this.now().toISOString() });
    return this.view(caller, community, updated);
  }

  /** Ticks a step off (or back on) for the caller only. */
  async tick(
    caller: Caller,
    communityId: string,
    playbookId: string,
    entryId: string,
    done: boolean,
  ): Promise<PlaybookView> {
    const community = await this.communities.get(caller, communityId);
    const playbook = await this.require(caller.tenantId, communityId, playbookId);
    if (playbook.proposed)
      throw new ValidationError("This playbook is proposed: a steward publishes it first.");
    if (!playbook.items.some((i) => i.entryId === entryId))
      throw new ValidationError("That step is not in this playbook.");
    const tick = { tenantId: caller.tenantId, communityId, playbookId, userId: caller.userId, entryId };
    await this.playbooks.setDone(tick, done);
    return this.view(caller, community, playbook);
  }

  private async resolveItems(
    tenantId: string,
    communityId: string,
    items: { entryId: string; note?: string | undefined }[],
  ): Promise<PlaybookItem[]> {
    const seen = new Set<string>();
    const resolved: PlaybookItem[] = [];
    for (const i of items) {
      if (seen.has(i.entryId)) continue;
      seen.add(i.entryId);
      const entry = await this.entries.get(tenantId, communityId, i.entryId);
      if (!entry) throw new ValidationError("One of the chosen entries does not exist any more.");
      resolved.push({ entryId: entry.id, title: entry.title, ...(i.note ? { note: i.note } : {}) });
    }
    return resolved;
  }

  private async view(caller: Caller, community: CommunityView, playbook: Playbook): Promise<PlaybookView> {
    const done = await this.playbooks.listDone(
      caller.tenantId,
      playbook.communityId,
      playbook.id,
      caller.userId,
    );
    return {
      ...playbook,
      done: done.filter((d) => playbook.items.some((i) => i.entryId === d)),
      canEdit: community.isSteward,
    };
  }

  private async requireSteward(caller: Caller, communityId: string): Promise<CommunityView> {
    return stewardsOnly(
      await this.communities.get(caller, communityId),
      "Only the community's stewards compile playbooks.",
    );
  }

  private async require(tenantId: string, communityId: string, playbookId: string): Promise<Playbook> {
    return orNotFound(
      await this.playbooks.get(tenantId, communityId, playbookId),
      "This playbook does not exist any more.",
    );
  }
}
