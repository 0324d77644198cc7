import type { CommunityService } from "../communities/communityService.js";
import { digestId } from "../digestId.js";
import { DomainError, StorageUnavailableError } from "../errors.js";
import { type Caller, callerAsPerson, type PersonRef } from "../identity.js";
import type { LibraryService } from "../library/libraryService.js";
import type { PeopleDirectory } from "../people/peopleDirectory.js";
import { parseInput } from "../validation.js";
import {
  type MeetingOutcome,
  type MeetingOutcomeRepository,
  type MyActionItem,
  OUTCOME_LABELS,
  type OutcomeInput,
  outcomeSchema,
} from "./meetingOutcome.js";

/** What a meeting's end reports: the outcomes, and which could not go to a library (and why). */
export interface MeetingReport {
  outcomes: MeetingOutcome[];
  notSaved: { id: string; reason: string }[];
}

/**
 * Meeting outcomes: anyone in a meeting chat captures a decision, an action item (owner, due date)
 * or an insight; at the meeting's end they are reported once and saved to the library of the
 * community the capturer chose. Action items are written to their owner's My learning when
 * captured, so owners see them at once.
 */
export class MeetingOutcomeService {
  constructor(
    private readonly outcomes: MeetingOutcomeRepository,
    private readonly library: LibraryService,
    private readonly communities: CommunityService,
    private readonly directory: PeopleDirectory,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Captures an outcome; a retried request (same `requestId`) returns the first capture. */
  async capture(
    caller: Caller,
    where: { conversationId: string; meetingId?: string },
    input: OutcomeInput,
    requestId: string,
  ): Promise<MeetingOutcome> {
    const data = parseInput(outcomeSchema, input);
    if (data.communityId) {
      const community = await this.communities.get(caller, data.communityId);
      if (!community.isMember) throw new CommunityMembershipError(community.name);
    }
    const owner =
      data.kind === "action" && data.ownerId ? await this.personOf(caller, data.ownerId) : undefined;
    const outcome: MeetingOutcome = {
      tenantId: caller.tenantId,
      conversationId: where.conversationId,
      id: await idFrom(`${caller.tenantId}\n${where.conversationId}\n${requestId}`),
      kind: data.kind,
      text: data.text,
      ...(owner ? { owner } : {}),
      ...(data.kind === "action" && data.due ? { due: data.due } : {}),
      ...(data.communityId ? { communityId: data.communityId } : {}),
      ...(where.meetingId ? { meetingId: where.meetingId } : {}),
      capturedBy: callerAsPerson(caller),
      at: this.now().toISOString(),
    };
    await this.outcomes.add(outcome);
    return outcome;
  }

  /** The chat's outcomes not yet reported. */
  async pending(tenantId: string, conversationId: string): Promise<MeetingOutcome[]> {
    return (await this.outcomes.listOfConversation(tenantId, conversationId)).filter((o) => !o.reportedAt);
  }

  /**
   * A meeting ended: exactly one caller per `key` (the meeting and its end time) gets the report;
   * everyone else gets undefined. Reported outcomes are saved to the library as their capturer.
   */
  async reportMeetingEnd(
    tenantId: string,
    conversationId: string,
    key: string,
    deliver: (report: MeetingReport) => Promise<void> = async () => {},
  ): Promise<MeetingReport | undefined> {
    const at = this.now().toISOString();
    if (!(await this.outcomes.claimReport(tenantId, conversationId, key, at))) return undefined;
    const outcomes = await this.pending(tenantId, conversationId);
    const notSaved: MeetingReport["notSaved"] = [];
    const reported: { id: string; entryId?: string }[] = [];
    for (const outcome of outcomes) {
      if (!outcome.communityId) {
        reported.push({ id: outcome.id });
        continue;
      }
      const caller = { tenantId, userId: outcome.capturedBy.id, displayName: outcome.capturedBy.displayName };
      try {
        const { entry } = await this.library.saveFromMeeting(
          caller,
          outcome.communityId,
          {
            id: `outcome-${outcome.id}`,
            source: {
              kind: "meeting",
              conversationId,
              ...(outcome.meetingId ? { meetingId: outcome.meetingId } : {}),
            },
            author: outcome.capturedBy,
          },
          {
            type: outcome.kind === "decision" ? "decision" : outcome.kind === "action" ? "lesson" : "insight",
            title: titleOf(outcome),
            body: bodyOf(outcome),
            tags: ["meeting-outcome"],
          },
        );
        reported.push({ id: outcome.id, entryId: entry.id });
        outcome.entryId = entry.id;
      } catch (error) {
        // Storage away is no reason the outcome cannot be saved: fail, so the meeting end is retried.
        if (!(error instanceof DomainError) || error instanceof StorageUnavailableError) throw error;
        notSaved.push({ id: outcome.id, reason: error.message });
        reported.push({ id: outcome.id });
      }
    }
    // Delivered first, then marked: outcomes whose card did not go out stay pending.
    await deliver({ outcomes, notSaved });
    await this.outcomes.markReported(tenantId, conversationId, reported, at);
    return { outcomes, notSaved };
  }

  /** The caller's action items, newest first (My learning). */
  async myActionItems(caller: Caller): Promise<MyActionItem[]> {
    return this.outcomes.actionItemsOf(caller.tenantId, caller.userId);
  }

  private async personOf(caller: Caller, userId: string): Promise<PersonRef> {
    try {
      const found = (await this.directory.getMany(caller.tenantId, [userId])).people.get(userId);
      if (found) return { id: found.id, displayName: found.displayName };
    } catch {
      // The directory down must not lose the action item: keep the id, name it plainly.
    }
    return { id: userId, displayName: userId === caller.userId ? caller.displayName : "Someone" };
  }
}

class CommunityMembershipError extends DomainError {
  readonly code = "forbidden";
  constructor(name: string) {
    super(`Join ${name} to save outcomes to its library, or pick another community.`);
  }
}

function titleOf(outcome: MeetingOutcome): string {
  const text = outcome.text.replace(/\s+/g, " ").trim();
  const short = text.length > 120 ? `${text.slice(0, 117)}…` : text;
  return `${OUTCOME_LABELS[outcome.kind]}: ${short}`;
}

function bodyOf(outcome: MeetingOutcome): string {
  const lines = [outcome.text];
  if (outcome.owner) lines.push("", `Owner: ${outcome.owner.displayName}`);
  if (outcome.due) lines.push(`Due: ${outcome.due}`);
  lines.push("", `Captured in a meeting by ${outcome.capturedBy.displayName}.`);
  return lines.join("\n");
}

function idFrom(text: string): Promise<string> {
  return digestId(text, 16);
}
