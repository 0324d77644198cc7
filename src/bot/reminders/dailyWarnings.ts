import type { Logger } from "../../observability/logger.js";

/**
 * Warnings that a polling loop would otherwise repeat on every pass (every 2 s locally, every
 * minute in production): a community without a channel, a send that keeps failing. Each warning
 * is written once per community per UTC day, which is enough to notice and act on; the repeats
 * add nothing but noise (one loop wrote 502 identical lines in 3 minutes).
 */
export class DailyWarnings {
  private day = "";
  private readonly written = new Set<string>();

  constructor(private readonly logger: Logger) {}

  /** Writes `message` unless it was written for this community (if any) on `now`'s UTC day. */
  warn(
    now: Date,
    message: string,
    fields: { tenantId?: string; communityId?: string } & Record<string, unknown>,
  ) {
    const day = now.toISOString().slice(0, 10);
    if (day !== this.day) {
      // A new day: yesterday's keys can go, which also keeps the set small.
      this.day = day;
      this.written.clear();
    }
    const key = `${message}\u0000${fields.tenantId ?? ""}\u0000${fields.communityId ?? ""}`;
    if (this.written.has(key)) return;
    this.written.add(key);
    this.logger.warn(message, { ...fields, repeats: "not written again for this community today (UTC)" });
  }
}
