import type { OrgPerson } from "../../people/peopleDirectory.js";
import type { RecentPartners } from "../pairing.js";
import { type PairingQuality, pairingQuality } from "../pairingQuality.js";
import { extraMeetings, repeatMeetings } from "./meetingCounts.js";

/** How good the groups of one or more rounds are, every two people who share a group counted. */
export interface GroupingQuality extends PairingQuality {
  rounds: number;
  /** Pairs of people who share a group in more than one round. */
  repeatMeetings: number;
  /** Meetings beyond each pair's first (a pair together three times counts 2). */
  extraMeetings: number;
  /** True when every round holds each person at most once. */
  everyoneOncePerRound: boolean;
}

/** Measures rounds of groups (tests, the benchmark and summaries): pairing's measures over all rounds. */
export function groupingQuality(
  rounds: readonly (readonly (readonly string[])[])[],
  profiles: ReadonlyMap<string, OrgPerson> | undefined,
  recentPartners: RecentPartners = new Map(),
): GroupingQuality {
  return {
    ...pairingQuality(rounds.flat(), profiles, recentPartners),
    rounds: rounds.length,
    repeatMeetings: repeatMeetings(rounds),
    extraMeetings: extraMeetings(rounds),
    everyoneOncePerRound: rounds.every((groups) => {
      const placed = groups.flat();
      return new Set(placed).size === placed.length;
    }),
  };
}
