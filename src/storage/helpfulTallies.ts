import { odata } from "@azure/data-tables";
import { type PersonRef, personRef } from "../domain/identity.js";
import type { HelpfulDay } from "../domain/library/entryRepository.js";
import { SerialQueues } from "../domain/serialQueues.js";
import { keys, TABLES } from "./keys.js";
import type { TableStore } from "./tableStore.js";

/** How often a day's tally is recounted and written before it is left to the next vote of that day. */
const MAX_ROUNDS = 10;

type TallyRow = { day: string; teachersJson: string };
type TeacherTally = { person: PersonRef; helpful: number };

/**
 * Each day's helpful votes per person voted for, one row per community and day beside the votes'
 * facts, so the community home reads at most 31 rows for its 30-day window however busy the
 * community was (it read every fact of the window before).
 *
 * A day's row is a cache of that day's facts, kept exact as counts are (`settleCount`): after a
 * vote or unvote lands, its writer recounts the day's facts and writes the tally until a recount
 * made after its write agrees. Concurrent voters may write stale tallies, but each checks again
 * after writing, so once they are done the row matches the facts; a tally left wrong by a crashed
 * instance heals at that day's next vote (and leaves the window after 30 days).
 */
export class HelpfulTallies {
  /** Per community and day: the recount not started yet, which a write may still join. */
  private readonly waiting = new Map<string, Promise<void>>();
  /** Per community and day: the recounts queued on this instance, one at a time. */
  private readonly recounts = new SerialQueues();

  constructor(private readonly store: TableStore) {}

  /**
   * Brings the tally of the day of `at` to the day's helpful-vote facts, once the caller's own fact
   * is written. Writers on one instance share recounts: a recount that has not started yet sees
   * every fact written before it starts, so 400 votes at once cost a few recounts, not 400 (each
   * reads the whole day).
   */
  settle(tenantId: string, communityId: string, at: string): Promise<void> {
    const day = at.slice(0, 10);
    const key = `${tenantId}|${communityId}|${day}`;
    const waiting = this.waiting.get(key);
    if (waiting) return waiting;
    const run = this.recounts.run(key, () => {
      this.waiting.delete(key);
      return this.settleNow(tenantId, communityId, day);
    });
    this.waiting.set(key, run);
    return run;
  }

  /** Recounts the day and writes the tally until a recount made after the write agrees. */
  private async settleNow(tenantId: string, communityId: string, day: string): Promise<void> {
    const pk = keys.library(tenantId, communityId);
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      const [stored, truth] = await Promise.all([
        this.store.getEntity<TallyRow>(TABLES.library, pk, keys.helpfulTally(day)),
        this.recount(pk, day),
      ]);
      const teachersJson = JSON.stringify(truth);
      if ((stored?.teachersJson ?? "[]") === teachersJson) return;
      await this.store
        .table(TABLES.library)
        .upsertEntity({ partitionKey: pk, rowKey: keys.helpfulTally(day), day, teachersJson }, "Replace");
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * round));
    }
  }

  /** The tallies of the days from `sinceDay` (YYYY-MM-DD) on: one range read of ≤ 31 rows for a month. */
  async since(tenantId: string, communityId: string, sinceDay: string): Promise<HelpfulDay[]> {
    const pk = keys.library(tenantId, communityId);
    const from = keys.helpfulTally(sinceDay);
    const to = keys.helpfulTally("~");
    const rows = await this.store.queryAll<TallyRow>(
      TABLES.library,
      odata`PartitionKey eq ${pk} and RowKey ge ${from} and RowKey lt ${to}`,
    );
    return rows.map((row) => ({
      day: row.day,
      teachers: (JSON.parse(row.teachersJson) as TeacherTally[]).map((t) => ({
        person: personRef(t.person),
        helpful: t.helpful,
      })),
    }));
  }

  /** The day's helpful-vote facts counted per person voted for, in a stable order. */
  private async recount(pk: string, day: string): Promise<TeacherTally[]> {
    const from = `interaction|${day}`;
    const to = `interaction|${day}~`;
    const facts = await this.store.queryAll<{ kind: string; fromJson: string; toJson: string }>(
      TABLES.library,
      odata`PartitionKey eq ${pk} and RowKey ge ${from} and RowKey lt ${to}`,
    );
    const byPerson = new Map<string, TeacherTally>();
    for (const fact of facts) {
      if (fact.kind !== "helpful") continue;
      const to = personRef(JSON.parse(fact.toJson));
      const from = personRef(JSON.parse(fact.fromJson));
      if (to.id === from.id) continue;
      const tally = byPerson.get(to.id) ?? { person: to, helpful: 0 };
      tally.helpful++;
      byPerson.set(to.id, tally);
    }
    return [...byPerson.values()].sort((a, b) => (a.person.id < b.person.id ? -1 : 1));
  }
}
