import { CardFactory } from "botbuilder";
import type { Recognition, RecognitionPoster } from "../../domain/ask/recognition.js";
import { type AdaptiveCard, adaptiveCard, paragraph } from "../cards/adaptiveCard.js";
import type { ProactiveSender } from "../meetings/proactiveSender.js";

/** The recognition card: whom, for what, and which steward says so. */
export function recognitionCard(options: {
  personName: string;
  byName: string;
  communityName: string;
  note: string;
}): AdaptiveCard {
  return adaptiveCard([
    paragraph(`Recognition in ${options.communityName}`, { isSubtle: true, size: "Small" }),
    paragraph(`Thank you, ${options.personName}`, { weight: "Bolder", size: "Medium" }),
    paragraph(options.note),
    paragraph(`From ${options.byName}, steward`, { isSubtle: true, size: "Small" }),
  ]);
}

/** Posts recognitions to the community's channel (else its team), as the bot knows them. */
export function recognitionPoster(deps: { sender: Pick<ProactiveSender, "send"> }): RecognitionPoster {
  return {
    async post(recognition: Recognition): Promise<boolean> {
      const { community } = recognition;
      const card = recognitionCard({
        personName: recognition.person.displayName,
        byName: recognition.by.displayName,
        communityName: community.name,
        note: recognition.note,
      });
      const activity = { type: "message" as const, attachments: [CardFactory.adaptiveCard(card)] };
      for (const channelId of [community.channelId, community.teamId].filter((id): id is string => !!id))
        if (await deps.sender.send(community.tenantId, { channelId }, [activity])) return true;
      return false;
    },
  };
}
