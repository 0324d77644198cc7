import { z } from "zod";
import type { CommunityView } from "../communities/community.js";
import type { CommunityRepository } from "../communities/communityRepository.js";
import type { CommunityService } from "../communities/communityService.js";
import { ForbiddenError, NotFoundError } from "../errors.js";
import { type Caller, callerAsPerson, type PersonRef } from "../identity.js";
import { parseInput, personText } from "../validation.js";

export const MAX_RECOGNITION_CHARS = 300;

export const recognitionInputSchema = z.object({
  personId: z.string({ required_error: "Choose whom to recognise." }).min(1).max(200),
  note: personText(
    z
      .string()
      .trim()
      .min(1, "Say what you recognise them for.")
      .max(MAX_RECOGNITION_CHARS, `Keep it under ${MAX_RECOGNITION_CHARS} characters.`),
    { required_error: "Say what you recognise them for." },
  ),
});
export type RecognitionInput = z.input<typeof recognitionInputSchema>;

/** A steward's thanks to a member, as the channel sees it. */
export interface Recognition {
  community: Pick<CommunityView, "tenantId" | "id" | "name" | "teamId" | "channelId">;
  person: PersonRef;
  by: PersonRef;
  note: string;
}

/** Posts a recognition card to the community's channel; false when the bot has none to post to. */
export interface RecognitionPoster {
  post(recognition: Recognition): Promise<boolean>;
}

/**
 * Stewards recognise a member's help with a card in the community's channel: whom, for what, and
 * who says so. Only stewards, only for members of that community; nothing is ranked.
 */
export class RecognitionService {
  constructor(
    private readonly communities: Pick<CommunityService, "get">,
    private readonly memberships: Pick<CommunityRepository, "getMembership">,
    private readonly poster: RecognitionPoster,
  ) {}

  async recognise(
    caller: Caller,
    communityId: string,
    input: RecognitionInput,
  ): Promise<{ posted: boolean }> {
    const { personId, note } = parseInput(recognitionInputSchema, input);
    const community = await this.communities.get(caller, communityId);
    if (!community.isSteward)
      throw new ForbiddenError(`Only a steward of ${community.name} can send a recognition.`);
    const steward = community.stewards.find((s) => s.id === personId);
    const membership = steward
      ? undefined
      : await this.memberships.getMembership(caller.tenantId, communityId, personId);
    const person =
      steward ?? (membership ? { id: membership.userId, displayName: membership.displayName } : undefined);
    if (!person) throw new NotFoundError(`That person is not a member of ${community.name}.`);
    const posted = await this.poster.post({
      community,
      person,
      by: callerAsPerson(caller),
      note,
    });
    return { posted };
  }
}
