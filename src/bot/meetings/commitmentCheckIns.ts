import type { Application, TurnState } from "@microsoft/teams-ai";
import { CardFactory, type TurnContext } from "botbuilder";
import { z } from "zod";
import type { Commitment, CommitmentStatus } from "../../domain/commitments/commitment.js";
import { type CommitmentService, sessionCheckInKey } from "../../domain/commitments/commitmentService.js";
import { type MeetingPlaceLookups, placeOfMeeting } from "../../domain/commitments/meetingPlace.js";
import { DomainError, StorageUnavailableError, ValidationError } from "../../domain/errors.js";
import type { Caller } from "../../domain/identity.js";
import type { Logger } from "../../observability/logger.js";
import {
  COMMITMENT,
  commitmentUpdateDialogCard,
  dueCheckInCard,
  STATUS_LABELS,
  sessionCheckInCard,
} from "../cards/commitmentCards.js";
import { dialog, friendly, meetingIdOf, parsePayload, teamIdOf } from "../invokes.js";
import { PeriodicPass } from "../reminders/periodicPass.js";
import { callerFromActivity } from "../teamsCaller.js";
import type { ProactiveSender } from "./proactiveSender.js";

/**
 * A claim not marked sent after this long is taken to be from an instance that died mid-send and
 * may be taken over. Longer than a throttled send with retries takes (proactiveSender.ts).
 */
const CLAIM_STALE_MS = 2 * 60_000;
/** A due-day reminder nobody could be reached for is given up this long after the day. */
const GIVE_UP_AFTER_MS = 14 * 86_400_000;

export interface CommitmentCheckInDependencies {
  commitments: CommitmentService;
  /** How a meeting's community is found (channel, calendar session, earlier activities). */
  places: MeetingPlaceLookups;
  sender: ProactiveSender;
  allowedTenants: ReadonlySet<string>;
  logger: Logger;
  instanceId: string;
}

/** Teams' meeting start event value (application/vnd.microsoft.meetingStart). */
export interface MeetingStartValue {
  Id?: string;
  JoinUrl?: string;
  StartTime?: string;
}

/**
 * Commitment check-ins: the card at the next session of a community (channel or private meeting,
 * found by {@link placeOfMeeting}) and the personal card on a commitment's due day, each sent once
 * across instances (a create-if-absent claim row); and the "Update mine" dialog both cards open,
 * which changes only the caller's own commitments through the domain's `update`.
 */
export class CommitmentCheckIns extends PeriodicPass {
  constructor(private readonly deps: CommitmentCheckInDependencies) {
    super("commitment check-ins", deps.logger);
  }

  /** The dialog both cards open, and its save. */
  register(app: Application<TurnState>): void {
    const { deps } = this;
    const caller = (context: TurnContext) => callerFromActivity(context, deps.allowedTenants);

    app.taskModules.fetch(COMMITMENT.update, (context, _state, raw) =>
      friendly(deps, context, async () => {
        const data = parsePayload(updateRefSchema, raw);
        const open = await this.openOf(caller(context), data);
        if (open.length === 0)
          return "You have no open commitments here. Your commitments, open or not, are in My learning.";
        const preselected = data.commitmentId;
        return dialog(
          "Update your commitment",
          commitmentUpdateDialogCard({
            commitments: open,
            ...(preselected ? { commitmentId: preselected } : {}),
          }),
          "medium",
        );
      }),
    );

    app.taskModules.submit(COMMITMENT.save, (context, _state, raw) =>
      friendly(deps, context, async () => {
        const me = caller(context);
        const data = parsePayload(updatePayloadSchema, raw);
        const id = data.commitmentId ?? "";
        // The dialog carries the ETag of every commitment it lists: the one picked is the version edited.
        const etag = data.etags[id] ?? "";
        const note = data.note;
        try {
          if (!id) throw new ValidationError("Pick the commitment to update.");
          const updated = await deps.commitments.update(
            me,
            id,
            // The domain refuses a status it does not know.
            { status: data.status as CommitmentStatus, ...(note ? { note } : {}) },
            etag,
          );
          return `Saved: ${STATUS_LABELS[updated.status]}. Thank you for following up.`;
        } catch (error) {
          if (!(error instanceof DomainError) || error instanceof StorageUnavailableError) throw error;
          // Shown again with what they wrote and the latest versions, so nothing typed is lost.
          const open = await this.openOf(me, { commitmentId: id });
          if (open.length === 0) return error.message;
          return dialog(
            "Update your commitment",
            commitmentUpdateDialogCard({
              commitments: open,
              commitmentId: id,
              ...(isStatus(data.status) ? { status: data.status } : {}),
              ...(note ? { note } : {}),
              error: error.message,
            }),
            "medium",
          );
        }
      }),
    );
  }

  /**
   * At a meeting's start: the open commitments of its community made before, in one card, posted
   * by exactly one instance however many receive the event. Nothing when the meeting belongs to no
   * community or nobody has an open commitment there.
   */
  async atMeetingStart(context: TurnContext, me: Caller, value: MeetingStartValue): Promise<void> {
    const { commitments, places, instanceId } = this.deps;
    const conversationId = context.activity.conversation.id;
    const teamId = teamIdOf(context);
    const place = await placeOfMeeting(
      me,
      { conversationId, ...(teamId ? { teamId } : {}), ...(value.JoinUrl ? { joinUrl: value.JoinUrl } : {}) },
      places,
    );
    if (!place) return;
    const startedAt =
      value.StartTime && !Number.isNaN(Date.parse(value.StartTime)) ? new Date(value.StartTime) : new Date();
    const open = await commitments.openForCheckIn(me.tenantId, place.communityId, startedAt);
    if (open.length === 0) return;
    // One card per community and meeting occurrence, however often (and wherever) the event arrives.
    const occurrence = `${meetingIdOf(context) ?? value.Id ?? conversationId}|${value.StartTime ?? startedAt.toISOString().slice(0, 10)}`;
    const key = sessionCheckInKey(place.communityId, occurrence);
    if ((await commitments.claimCheckIn(me.tenantId, key, instanceId, CLAIM_STALE_MS)) !== "claimed") return;
    try {
      const card = sessionCheckInCard(
        place.communityId,
        place.communityName,
        open.map((c) => ({ ownerName: c.owner.displayName, text: c.text, ...(c.due ? { due: c.due } : {}) })),
      );
      await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
      await commitments.completeCheckIn(me.tenantId, key);
    } catch (error) {
      await commitments.releaseCheckIn(me.tenantId, key).catch(() => undefined);
      throw error;
    }
  }

  /** Polls for due commitments every `pollMs` (every instance; a claim makes each go out once). */

  /**
   * One pass: every open commitment whose due day has come goes to its owner's personal chat, once
   * across instances. Someone the bot cannot reach yet (no personal chat: the app not installed
   * for them) is tried again on later passes, and given up two weeks after the day.
   */
  async runOnce(now = new Date()): Promise<number> {
    const { commitments, sender, instanceId } = this.deps;
    let sent = 0;
    for (const { commitment, claimKey } of await commitments.dueForCheckIn(now)) {
      const ids = { tenantId: commitment.tenantId, commitmentId: commitment.id };
      const owner = { userId: commitment.owner.id };
      if (!(await sender.reaches(commitment.tenantId, owner))) {
        if (now.getTime() - Date.parse(`${commitment.due}T00:00:00Z`) > GIVE_UP_AFTER_MS)
          await commitments.reminded(commitment, claimKey);
        else
          this.warnings.warn(
            now,
            "commitment check-in: the owner has no personal chat with the bot yet",
            ids,
          );
        continue;
      }
      if (
        (await commitments.claimCheckIn(commitment.tenantId, claimKey, instanceId, CLAIM_STALE_MS)) !==
        "claimed"
      )
        continue;
      try {
        const card = dueCheckInCard(commitment);
        await sender.send(commitment.tenantId, owner, [
          { type: "message", attachments: [CardFactory.adaptiveCard(card)] },
        ]);
        await commitments.reminded(commitment, claimKey);
        sent++;
      } catch (error) {
        // Give the claim back: a later pass (here or on another instance) tries again.
        await commitments.releaseCheckIn(commitment.tenantId, claimKey).catch(() => undefined);
        this.warnings.warn(now, "commitment check-in: send failed, will retry", {
          ...ids,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    return sent;
  }

  /** The caller's open commitments: of a community, or the one named (open ones only). */
  private async openOf(
    me: Caller,
    data: { communityId?: string | undefined; commitmentId?: string | undefined },
  ): Promise<Commitment[]> {
    const open = (await this.deps.commitments.mine(me)).filter((c) => c.status === "open");
    if (data.communityId !== undefined) return open.filter((c) => c.communityId === data.communityId);
    if (data.commitmentId !== undefined) {
      const named = open.filter((c) => c.id === data.commitmentId);
      return named.length > 0 ? named : open;
    }
    return open;
  }
}

/** "Update mine" on a check-in card: the community's open commitments, or the one named. */
const updateRefSchema = z.object({
  communityId: z.string().optional().catch(undefined),
  commitmentId: z.string().optional().catch(undefined),
});

/** The update dialog as submitted: the commitment picked, its status and note, the ETags it was shown with. */
const updatePayloadSchema = updateRefSchema.extend({
  status: z.string().optional().catch(undefined),
  note: z.string().optional().catch(undefined),
  etags: z.record(z.string()).catch({}),
});

function isStatus(value: unknown): value is CommitmentStatus {
  return typeof value === "string" && value in STATUS_LABELS;
}
