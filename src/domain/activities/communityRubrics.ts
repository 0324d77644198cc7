import { z } from "zod";
import { type CommunityView, stewardsOnly } from "../communities/community.js";
import { ConcurrencyError, ConflictError } from "../errors.js";
import { type Caller, callerAsPerson, type PersonRef } from "../identity.js";
import { parseInput } from "../validation.js";
import { rubricSchema } from "./rubric.js";

/**
 * A community's rubric, kept by its stewards: the criteria its peer reviews follow unless the
 * facilitator gives others at set-up. One small row per community, tenant first (keys.ts), in the
 * tenant's export and erasure like every row; who changed it last is in a `…Json` column, so
 * erasing a person replaces them there too.
 */
export interface CommunityRubric {
  communityId: string;
  criteria: string[];
  editedBy: PersonRef;
  at: string;
  etag: string;
}

/** Storage port of the communities' rubrics. Every call is scoped by tenant and community. */
export interface RubricRepository {
  get(tenantId: string, communityId: string): Promise<CommunityRubric | undefined>;
  /**
   * Saves the rubric: without `etag`, only when none is kept yet (else a ConflictError); with it,
   * only over that version (else a ConcurrencyError).
   */
  save(tenantId: string, rubric: Omit<CommunityRubric, "etag">, etag?: string): Promise<CommunityRubric>;
}

/** The rubric as readers see it: its criteria (none yet: empty), and whether the caller may change it. */
export interface RubricView {
  criteria: string[];
  editedBy?: PersonRef;
  at?: string;
  /** The version to name (`If-Match`) when changing it. */
  etag?: string;
  canEdit: boolean;
}

export const rubricInputSchema = z
  .object({ criteria: rubricSchema })
  .strict("Give the rubric's criteria only.");

/** What the rubric needs of communities: who may read, and whether the caller is a steward. */
export interface RubricCommunities {
  readable(caller: Caller, communityId: string): Promise<CommunityView>;
}

export class RubricService {
  constructor(
    private readonly rubrics: RubricRepository,
    private readonly communities: RubricCommunities,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The community's rubric, for its readers. */
  async get(caller: Caller, communityId: string): Promise<RubricView> {
    const community = await this.communities.readable(caller, communityId);
    const rubric = await this.rubrics.get(caller.tenantId, communityId);
    return viewOf(rubric, community.isSteward);
  }

  /**
   * A steward sets the community's rubric: the first time with no version, after that over the
   * version they edited (`etag`), so two stewards editing at once never silently lose one's edit.
   */
  async save(caller: Caller, communityId: string, input: unknown, etag?: string): Promise<RubricView> {
    const { criteria } = parseInput(rubricInputSchema, input);
    stewardsOnly(
      await this.communities.readable(caller, communityId),
      "Only the community's stewards keep its rubric.",
    );
    const stale = new ConcurrencyError(
      "Someone changed the rubric meanwhile. Reload it to see theirs, then make your change again.",
    );
    const current = await this.rubrics.get(caller.tenantId, communityId);
    if (current && etag !== current.etag) throw stale;
    try {
      const saved = await this.rubrics.save(
        caller.tenantId,
        {
          communityId,
          criteria,
          editedBy: callerAsPerson(caller),
          at: this.now().toISOString(),
        },
        current?.etag,
      );
      return viewOf(saved, true);
    } catch (error) {
      // Another steward saved first (a first rubric, or a newer version): theirs is kept.
      if (error instanceof ConflictError || error instanceof ConcurrencyError) throw stale;
      throw error;
    }
  }

  /** The criteria an activity set up without its own takes (undefined: the community keeps none). */
  async rubricOf(caller: Caller, communityId: string): Promise<string[] | undefined> {
    return (await this.rubrics.get(caller.tenantId, communityId))?.criteria;
  }
}

function viewOf(rubric: CommunityRubric | undefined, canEdit: boolean): RubricView {
  return rubric
    ? { criteria: rubric.criteria, editedBy: rubric.editedBy, at: rubric.at, etag: rubric.etag, canEdit }
    : { criteria: [], canEdit };
}
