import { setNewest } from "../boundedMap.js";
import { ValidationError } from "../errors.js";
import { isKnownTimeZone } from "../sessions/zonedTime.js";

/** Where people's own time zones are kept (one row per person, tenant first). */
export interface TimeZoneStore {
  zonesOf(tenantId: string, ids: readonly string[]): Promise<Map<string, string>>;
  put(tenantId: string, userId: string, timeZone: string, at: string): Promise<void>;
}

/**
 * People's own time zones (IANA names), as their Teams client tells the bot (`localTimezone` on a
 * message) and their browser tells the tab (`Intl`). Microsoft Graph keeps a person's zone only in
 * their mailbox settings, behind a permission PeerCircle does not ask for; what a person's own
 * client reports needs none and follows them when they travel. Used to count an expert's working
 * hours on their own clock when a question is routed to them.
 */
export class PersonTimeZones {
  /**
   * The zone this instance last wrote or read per person: an unchanged zone is not written again.
   * At most `maxKnown` people, the longest unseen forgotten first (forgotten, a zone is written once more).
   */
  private readonly known = new Map<string, string>();

  constructor(
    private readonly store: TimeZoneStore,
    private readonly maxKnown = 50_000,
  ) {}

  private note(key: string, zone: string): void {
    // The map stays in the order people were last seen.
    setNewest(this.known, key, zone, this.maxKnown);
  }

  /** Keeps the zone a person's client reports; an unknown name changes nothing and says so. */
  async remember(tenantId: string, userId: string, timeZone: string): Promise<void> {
    if (!isKnownTimeZone(timeZone) || timeZone.length > 64)
      throw new ValidationError("That is not a time zone this server knows.", [
        { field: "timeZone", message: "an IANA time zone name, such as Europe/Berlin" },
      ]);
    const key = `${tenantId}|${userId}`;
    if (this.known.get(key) === timeZone) {
      this.note(key, timeZone);
      return;
    }
    await this.store.put(tenantId, userId, timeZone, new Date().toISOString());
    this.note(key, timeZone);
  }

  /** The zones known of these people (those whose client never reported one are left out). */
  async zonesOf(tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
    const zones = await this.store.zonesOf(tenantId, ids);
    for (const [id, zone] of zones) this.note(`${tenantId}|${id}`, zone);
    return zones;
  }
}
