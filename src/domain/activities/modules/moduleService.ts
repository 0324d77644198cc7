import { z } from "zod";
import { type CommunityView, stewardsOnly } from "../../communities/community.js";
import type { CommunityRecordRepository } from "../../communities/communityRecords.js";
import { createOnce, retryOnConflict } from "../../concurrency.js";
import { digestId } from "../../digestId.js";
import { orNotFound } from "../../errors.js";
import { type Caller, callerAsPerson, type PersonRef } from "../../identity.js";
import { parseInput } from "../../validation.js";
import type { ActivityRecord } from "../activity.js";
import { submissionOf } from "../activityFormat.js";
import { ACTIVITY_FORMAT_IDS, type ContentSection, formatOf, planFromSections } from "../activityFormats.js";
import type { PhaseContent } from "../phaseContent.js";
import { MAX_MODULE_CHARS, parseModule } from "./moduleMarkdown.js";

/**
 * A community's modules (CoachingOurselves-style): markdown a steward writes or imports, whose
 * timed sections become an activity's phases when it is set up from one. Kept like the micro-teach
 * topic queue: one small partition per community, tenant first (keys.ts), exported and erased with
 * the tenant's data. Only the markdown is stored; its sections are read from it (parseModule).
 */
export interface CommunityModule {
  id: string;
  communityId: string;
  markdown: string;
  author: PersonRef;
  updatedAt: string;
  etag: string;
}

/** Storage port of the modules, and of which activities ran each (for the ratings report). */
export interface ModuleRepository extends CommunityRecordRepository<CommunityModule> {
  /** Notes that an activity was set up from the module (idempotent). */
  recordUse(tenantId: string, communityId: string, moduleId: string, activityId: string): Promise<void>;
  /** The activities set up from the module. */
  usesOf(tenantId: string, communityId: string, moduleId: string): Promise<string[]>;
  /**
   * Deletes the module and its uses; with `etag`, only the version read (else a ConcurrencyError).
   * Deleting one that is gone already changes nothing.
   */
  remove(tenantId: string, communityId: string, moduleId: string, etag?: string): Promise<void>;
}

/** A module as the tab lists and shows it. */
export interface ModuleView {
  id: string;
  title: string;
  intro: string;
  sections: ContentSection[];
  totalMinutes: number;
  markdown: string;
  author: PersonRef;
  updatedAt: string;
  /** What a steward's change must carry (`If-Match`); only for those who may edit. */
  etag?: string;
}

export interface ModuleListView {
  modules: ModuleView[];
  /** Whether the caller may write and import modules (a steward). */
  canEdit: boolean;
}

/** Fewer ratings than this show no average: one or two people would be recognisable in it. */
export const MIN_RATINGS_FOR_AVERAGE = 5;

/** How useful people found a module, together: never who gave which rating. */
export interface ModuleReport {
  moduleId: string;
  title: string;
  /** Sessions run from it. */
  sessions: number;
  count: number;
  /** How many gave 1, 2, 3, 4, 5. */
  distribution: number[];
  /** From {@link MIN_RATINGS_FOR_AVERAGE} ratings on. */
  average?: number;
  minimumForAverage: number;
}

export const moduleInputSchema = z.object({
  markdown: z
    .string({ required_error: "Write the module first, or import a .md file." })
    .max(MAX_MODULE_CHARS, `Keep the module under ${MAX_MODULE_CHARS.toLocaleString("en")} characters.`),
  etag: z.string().max(200).optional(),
});

/** What modules need of communities: who may read, and whether the caller is a steward. */
export interface ModuleCommunities {
  readable(caller: Caller, communityId: string): Promise<CommunityView>;
}

/** Reads activities for the ratings report (the whole record: its rating submissions). */
export interface ModuleActivities {
  load(tenantId: string, activityId: string): Promise<ActivityRecord | undefined>;
}

export class ModuleService implements PhaseContent {
  constructor(
    private readonly modules: ModuleRepository,
    private readonly communities: ModuleCommunities,
    private readonly activities: ModuleActivities,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(caller: Caller, communityId: string): Promise<ModuleListView> {
    const community = await this.communities.readable(caller, communityId);
    const all = await this.modules.list(caller.tenantId, communityId);
    const views = all.flatMap((m) => {
      try {
        return [viewOf(m, community.isSteward)];
      } catch {
        return []; // a module that no longer reads (the rules grew stricter) is left out, not a 500
      }
    });
    return {
      modules: views.sort((a, b) => a.title.localeCompare(b.title)),
      canEdit: community.isSteward,
    };
  }

  async get(caller: Caller, communityId: string, moduleId: string): Promise<ModuleView> {
    const community = await this.communities.readable(caller, communityId);
    return viewOf(await this.require(caller, communityId, moduleId), community.isSteward);
  }

  /** A steward writes or imports a module; a retried request (same id) keeps it once. */
  async create(caller: Caller, communityId: string, input: unknown, requestId: string): Promise<ModuleView> {
    await this.requireSteward(caller, communityId);
    const { markdown } = parseInput(moduleInputSchema, input);
    checkModule(markdown);
    const id = await moduleIdOf(caller, requestId);
    await createOnce(() =>
      this.modules.create(caller.tenantId, {
        id,
        communityId,
        markdown,
        author: callerAsPerson(caller),
        updatedAt: this.now().toISOString(),
      }),
    );
    return this.get(caller, communityId, id);
  }

  /** A steward changes a module, on top of the version they read (`etag`) when given. */
  async update(caller: Caller, communityId: string, moduleId: string, input: unknown): Promise<ModuleView> {
    await this.requireSteward(caller, communityId);
    const { markdown, etag } = parseInput(moduleInputSchema, input);
    checkModule(markdown);
    const current = await this.require(caller, communityId, moduleId);
    await this.modules.update(caller.tenantId, {
      ...current,
      markdown,
      author: callerAsPerson(caller),
      updatedAt: this.now().toISOString(),
      etag: etag ?? current.etag,
    });
    return this.get(caller, communityId, moduleId);
  }

  /**
   * A steward deletes a module (the version they read, `etag`, when given), with its ratings
   * report. Activities set up from it keep their phases: those were copied at set-up.
   */
  async remove(caller: Caller, communityId: string, moduleId: string, etag?: string): Promise<void> {
    await this.requireSteward(caller, communityId, "delete modules");
    await this.modules.remove(caller.tenantId, communityId, moduleId, etag);
  }

  /** The module's sections for an activity set up from it; notes the use for the report. */
  async sectionsFor(caller: Caller, communityId: string, moduleId: string, activityId: string) {
    await this.communities.readable(caller, communityId);
    const module = await this.require(caller, communityId, moduleId);
    const parsed = parseModule(module.markdown);
    await retryOnConflict(() => this.modules.recordUse(caller.tenantId, communityId, moduleId, activityId));
    return { id: module.id, title: parsed.title, sections: parsed.sections };
  }

  /** How useful people found the module, for its stewards: count, distribution, average from 5. */
  async report(caller: Caller, communityId: string, moduleId: string): Promise<ModuleReport> {
    await this.requireSteward(caller, communityId, "see a module's ratings");
    const module = await this.require(caller, communityId, moduleId);
    const uses = await this.modules.usesOf(caller.tenantId, communityId, moduleId);
    const ratings: number[] = [];
    // A use noted for a set-up that was then refused has no activity: it is no session.
    let sessions = 0;
    for (const activityId of uses) {
      const record = await this.activities.load(caller.tenantId, activityId);
      if (!record) continue;
      sessions++;
      ratings.push(...ratingsIn(record));
    }
    const distribution = [1, 2, 3, 4, 5].map((n) => ratings.filter((r) => r === n).length);
    const sum = ratings.reduce((a, b) => a + b, 0);
    return {
      moduleId,
      title: parseModule(module.markdown).title,
      sessions,
      count: ratings.length,
      distribution,
      ...(ratings.length >= MIN_RATINGS_FOR_AVERAGE
        ? { average: Math.round((sum / ratings.length) * 10) / 10 }
        : {}),
      minimumForAverage: MIN_RATINGS_FOR_AVERAGE,
    };
  }

  private async requireSteward(caller: Caller, communityId: string, what = "write modules") {
    return stewardsOnly(
      await this.communities.readable(caller, communityId),
      `Only the community's stewards ${what}.`,
    );
  }

  private async require(caller: Caller, communityId: string, moduleId: string): Promise<CommunityModule> {
    return orNotFound(
      await this.modules.get(caller.tenantId, communityId, moduleId),
      "The community has no such module.",
    );
  }
}

/** The ratings people gave in an activity (its kinds with `rating`), one per person. */
export function ratingsIn(record: ActivityRecord): number[] {
  const format = formatOf(record.activity.format);
  return record.submissions
    .filter((s) => s.scope === "person" && submissionOf(format, s.kind)?.rating)
    .map((s) => Number(s.text));
}

/**
 * A module reads (parseModule) and its sections fit every format that runs from modules (their
 * minutes' bounds): checked when it is saved, so a set-up from it does not fail later.
 */
export function checkModule(markdown: string): void {
  const parsed = parseModule(markdown);
  for (const id of ACTIVITY_FORMAT_IDS) {
    const format = formatOf(id);
    if (format.phasesFrom === "module") planFromSections(format, parsed.sections);
  }
}

function viewOf(module: CommunityModule, mayEdit: boolean): ModuleView {
  const parsed = parseModule(module.markdown);
  return {
    id: module.id,
    title: parsed.title,
    intro: parsed.intro,
    sections: parsed.sections,
    totalMinutes: parsed.sections.reduce((sum, s) => sum + s.minutes, 0),
    markdown: module.markdown,
    author: module.author,
    updatedAt: module.updatedAt,
    ...(mayEdit ? { etag: module.etag } : {}),
  };
}

/** A module's id, from the request that wrote it: a retried import finds the module it made. */
function moduleIdOf(caller: Caller, requestId: string): Promise<string> {
  return digestId(`module\n${caller.userId}\n${requestId}`, 12);
}
