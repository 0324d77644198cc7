import type { CommitmentRepository } from "../domain/commitments/commitment.js";
import type { CommunityRepository } from "../domain/communities/communityRepository.js";
import type { InsightsFacts, LearningFact } from "../domain/insights/insightsFacts.js";
import type { InsightsSource } from "../domain/insights/insightsService.js";
import type { EntryRepository } from "../domain/library/entryRepository.js";
import type { PeopleDirectory } from "../domain/people/peopleDirectory.js";

/**
 * Reads what a community's insights are computed from, for the job: its members (with their
 * department from the org context), its learning facts since `since`, its entries (a save by
 * someone other than the author is a fact of its own) and its commitments. Paged reads only.
 */
export class InsightsFactsReader implements InsightsSource {
  constructor(
    private readonly communities: CommunityRepository,
    private readonly entries: EntryRepository,
    private readonly commitments: Pick<CommitmentRepository, "ofCommunity">,
    private readonly directory: PeopleDirectory,
  ) {}

  async factsOf(tenantId: string, communityId: string, since: Date): Promise<InsightsFacts> {
    const [members, interactions, entries, commitments] = await Promise.all([
      this.allPages((page) => this.communities.listMembers(tenantId, communityId, page)),
      this.entries.listInteractions(tenantId, communityId, since.toISOString()),
      this.allPages((page) => this.entries.list(tenantId, communityId, page)),
      this.commitments.ofCommunity(tenantId, communityId, since.toISOString(), "9999"),
    ]);
    // Without org context (Graph off or failing) nobody has a department: reach is then unknown.
    const { people } = await this.directory.getMany(
      tenantId,
      members.map((m) => m.userId),
    );
    const facts: LearningFact[] = interactions.map((i) => ({
      kind: i.kind,
      from: i.from.id,
      to: i.to.id,
      at: i.at,
      ...(i.entryId ? { entryId: i.entryId } : {}),
    }));
    for (const e of entries)
      if (e.savedBy.id !== e.author.id)
        facts.push({ kind: "saved", from: e.savedBy.id, to: e.author.id, at: e.createdAt, entryId: e.id });
    return {
      members: members.map((m) => {
        const department = people.get(m.userId)?.department;
        return {
          id: m.userId,
          displayName: m.displayName,
          joinedAt: m.joinedAt,
          ...(department ? { department } : {}),
        };
      }),
      facts,
      entries: entries.map((e) => ({
        id: e.id,
        authorId: e.author.id,
        savedById: e.savedBy.id,
        tags: e.tags,
        text: `${e.title} ${e.summary}`,
        createdAt: e.createdAt,
        helpfulCount: e.helpfulCount,
      })),
      commitments: commitments.map((c) => ({ ownerId: c.ownerId, status: c.status, createdAt: c.createdAt })),
    };
  }

  /** A fact or a library change (an entry saved, edited, voted on) written since `since`. */
  async changedSince(tenantId: string, communityId: string, since: Date): Promise<boolean> {
    const at = since.toISOString();
    const [facts, changes] = await Promise.all([
      this.entries.listInteractions(tenantId, communityId, at),
      this.entries.changesSince(tenantId, communityId, at),
    ]);
    return facts.some((f) => f.at >= at) || changes.some((c) => c.at >= at);
  }

  private async allPages<T>(
    read: (page: {
      pageSize: number;
      continuationToken?: string;
    }) => Promise<{ items: T[]; continuationToken?: string }>,
  ): Promise<T[]> {
    const all: T[] = [];
    let continuationToken: string | undefined;
    do {
      const page = await read({ pageSize: 1000, ...(continuationToken ? { continuationToken } : {}) });
      all.push(...page.items);
      continuationToken = page.continuationToken;
    } while (continuationToken);
    return all;
  }
}
