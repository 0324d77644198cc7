import { z } from "zod";
import type { CommunityView } from "../communities/community.js";
import type { CommunityRecordRepository } from "../communities/communityRecords.js";
import { createOnce, retryOnConflict } from "../concurrency.js";
import { digestId } from "../digestId.js";
import { ForbiddenError, orNotFound, ValidationError } from "../errors.js";
import { type Caller, callerAsPerson, type PersonRef } from "../identity.js";
import { parseInput, personText } from "../validation.js";
import type { HeldRole } from "./activityFormat.js";

/**
 * A community's micro-teach topic queue: members propose what they could teach (or want taught),
 * a steward — or the rota's micro-teacher — picks one and who teaches it, and a micro-teach set up
 * from it takes its teacher and text. Kept like the circles' hot-seat queue: one small partition
 * per community, tenant first (keys.ts), exported and erased with the tenant's data.
 */
export interface TeachingTopic {
  id: string;
  communityId: string;
  text: string;
  proposer: PersonRef;
  proposedAt: string;
  /** Picked for the next micro-teach, with who teaches it. */
  picked?: { by: PersonRef; at: string; teacher: PersonRef };
  /** The micro-teach that taught it (it leaves the queue). */
  activityId?: string;
  etag: string;
}

/** Storage port of the topic queue. */
export type TeachingTopicRepository = CommunityRecordRepository<TeachingTopic>;

/**
 * Who the community's rota names for a held role (the micro-teacher, the on-call expert): at the
 * given session's next occurrence when there is one, else at the community's next one naming it.
 */
export interface RoleRota {
  holderOf(
    caller: Caller,
    communityId: string,
    role: HeldRole,
    sessionId?: string,
  ): Promise<PersonRef | undefined>;
}

/** The queue as members see it: topics not taught yet, picked first, then oldest first. */
export interface TopicQueueView {
  topics: (Omit<TeachingTopic, "etag" | "communityId"> & { mine: boolean })[];
  /** The rota's micro-teacher: offered first as the teacher of a pick. */
  rotaTeacher?: PersonRef;
  /** Whether the caller may pick (a steward, or the rota's micro-teacher). */
  canPick: boolean;
}

export const topicProposalSchema = z.object({
  text: personText(
    z
      .string()
      .trim()
      .min(3, "Say in a few words what the topic is.")
      .max(300, "Keep the topic under 300 characters."),
    { required_error: "Say in a few words what the topic is." },
  ),
});

export const topicPickSchema = z.object({
  /** The teacher: the topic's proposer or the rota's micro-teacher (the default when there is one). */
  teacherId: z.string().trim().min(1).max(200).optional(),
});

/** What the queue needs of communities: who may read, and whether the caller is a member or steward. */
export interface TopicCommunities {
  readable(caller: Caller, communityId: string): Promise<CommunityView>;
  requireMember(caller: Caller, communityId: string, action: string): Promise<CommunityView>;
}

export class TeachingTopicService {
  constructor(
    private readonly topics: TeachingTopicRepository,
    private readonly communities: TopicCommunities,
    private readonly rota?: RoleRota,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(caller: Caller, communityId: string): Promise<TopicQueueView> {
    const community = await this.communities.readable(caller, communityId);
    const [all, rotaTeacher] = await Promise.all([
      this.topics.list(caller.tenantId, communityId),
      this.rotaTeacher(caller, communityId),
    ]);
    const open = all
      .filter((t) => !t.activityId)
      .sort(
        (a, b) =>
          Number(Boolean(b.picked)) - Number(Boolean(a.picked)) || a.proposedAt.localeCompare(b.proposedAt),
      );
    return {
      topics: open.map(({ etag: _e, communityId: _c, ...t }) => ({
        ...t,
        mine: t.proposer.id === caller.userId,
      })),
      ...(rotaTeacher ? { rotaTeacher } : {}),
      canPick: community.isSteward || rotaTeacher?.id === caller.userId,
    };
  }

  /** A member proposes a topic; a retried request (same id) adds it once. */
  async propose(
    caller: Caller,
    communityId: string,
    input: unknown,
    requestId: string,
  ): Promise<TopicQueueView> {
    const { text } = parseInput(topicProposalSchema, input);
    await this.communities.requireMember(caller, communityId, "propose micro-teach topics");
    const id = await topicIdOf(caller, requestId);
    await createOnce(() =>
      this.topics.create(caller.tenantId, {
        id,
        communityId,
        text,
        proposer: callerAsPerson(caller),
        proposedAt: this.now().toISOString(),
      }),
    );
    return this.list(caller, communityId);
  }

  /**
   * A steward or the rota's micro-teacher picks a topic and its teacher: the rota's micro-teacher
   * when there is one (offered first), else the proposer, unless `teacherId` names one of the two.
   */
  async pick(caller: Caller, communityId: string, topicId: string, input: unknown): Promise<TopicQueueView> {
    const { teacherId } = parseInput(topicPickSchema, input ?? {});
    const community = await this.communities.readable(caller, communityId);
    const rotaTeacher = await this.rotaTeacher(caller, communityId);
    if (!community.isSteward && rotaTeacher?.id !== caller.userId)
      throw new ForbiddenError("A steward or the rota's micro-teacher picks the next topic.");
    await retryOnConflict(async () => {
      const topic = await this.require(caller, communityId, topicId);
      if (topic.activityId) throw new ValidationError("This topic was taught already.");
      const choices = [rotaTeacher, topic.proposer].filter((p): p is PersonRef => Boolean(p));
      const teacher = teacherId ? choices.find((p) => p.id === teacherId) : choices[0];
      if (!teacher)
        throw new ValidationError("The teacher is the topic's proposer or the rota's micro-teacher.");
      await this.topics.update(caller.tenantId, {
        ...topic,
        picked: { by: callerAsPerson(caller), at: this.now().toISOString(), teacher },
      });
    });
    return this.list(caller, communityId);
  }

  /**
   * The topic a micro-teach is set up from: its text and teacher (the picked one, else the
   * proposer). Marks it taught by the activity, once; a topic taught by another activity is refused.
   */
  async teach(
    caller: Caller,
    communityId: string,
    topicId: string,
    activityId: string,
  ): Promise<{ text: string; teacher: PersonRef }> {
    return retryOnConflict(async () => {
      const topic = await this.require(caller, communityId, topicId);
      if (topic.activityId && topic.activityId !== activityId)
        throw new ValidationError("This topic was taught already: pick another from the queue.");
      if (!topic.activityId) await this.topics.update(caller.tenantId, { ...topic, activityId });
      return { text: topic.text, teacher: topic.picked?.teacher ?? topic.proposer };
    });
  }

  private async rotaTeacher(caller: Caller, communityId: string): Promise<PersonRef | undefined> {
    return this.rota?.holderOf(caller, communityId, "teacher").catch(() => undefined);
  }

  private async require(caller: Caller, communityId: string, topicId: string): Promise<TeachingTopic> {
    return orNotFound(
      await this.topics.get(caller.tenantId, communityId, topicId),
      "This topic is not in the community's queue.",
    );
  }
}

/** A topic's id, from the request that proposed it: a retried proposal finds the topic it made. */
function topicIdOf(caller: Caller, requestId: string): Promise<string> {
  return digestId(`${caller.userId}\n${requestId}`, 12);
}
