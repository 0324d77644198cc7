import { setTimeout as sleep } from "node:timers/promises";
import type { RunningAzurite } from "../../scripts/lib/azurite.js";
import { freePort } from "../../scripts/lib/freePort.js";
import { HELD_SUBMISSIONS_HEADER } from "../../src/contract/activities.js";
import type {
  ActivityFormatDefinition,
  PhaseDefinition,
} from "../../src/domain/activities/activityFormat.js";
import {
  ACTIVITY_FORMAT_IDS,
  type ActivityFormatId,
  formatOf,
  ruleOf,
} from "../../src/domain/activities/activityFormats.js";
import { unavoidableRepeats } from "../../src/domain/activities/grouping/roundsPlan.js";
import { serialiseCriteria } from "../../src/domain/activities/rubric.js";
import { DEMO_COMMUNITY_ID } from "../../src/local/demoCommunity.js";
import { TableStore } from "../../src/storage/tableStore.js";
import { TablesActivityRepository } from "../../src/storage/tablesActivityRepository.js";
import { mergeShares } from "../../src/tab/api/activities.js";
import { CLOSE_WAIT_MS, waitForClose } from "../lib/closeWait.js";
import { demo, org, tokenFor } from "../lib/fixtures.js";
import { LightClient } from "../lib/lightClient.js";
import { runLoad } from "../lib/load.js";
import { mark } from "../lib/marks.js";
import { cpuMs, type ServerProcess, spawnServer, untilQuiet } from "../lib/processes.js";
import { percentile, type ScenarioResult } from "../lib/report.js";
import { serverEnv, serverScript, spawnFloors } from "../lib/servers.js";
import { StorageCounter } from "../lib/storageCounter.js";

const PARTICIPANTS = 300;
/** The rubric of a format written per criterion (peer review). */
const BENCH_RUBRIC = ["Is the argument clear?", "What is missing?"];
/**
 * Held back from the first join, per wave: they arrive while a regrouping round runs and must get
 * a group. BENCH_LATE=50 holds back more (150 in three waves, to profile a late join on many
 * samples; not the scenario's figures); at most half the crowd is held back, whatever the knob.
 */
const LATE = Number(process.env.BENCH_LATE ?? 20);
/**
 * Late joiners arrive in this many waves of LATE during that round, each wave a burst of its own
 * after its own floor burst: the late-join bar then rests on nine bursts of 20 (three per run),
 * against nine of the floor, not three, as every other phase's bar rests on about 900 requests.
 * A burst of 20 is answered together (each instance's event loop takes the joins a step at a time),
 * so with three, one burst caught in a slow spell of the machine decided the bar.
 */
const LATE_WAVES = Number(process.env.BENCH_LATE_WAVES ?? 3);
/** Requests the tab sends twice (a retry after a slow answer): the same request id, stored once. */
const RETRIES = 30;
/**
 * A group save refused for another member's save meanwhile is pressed again on the merge the tab
 * shows (both texts), in a wave of its own after the burst; at most this many waves.
 */
const MAX_MERGE_WAVES = 30;
/** Activities per format, pooled: three bursts of each phase (and of its floor), as tps-300 runs, so a p99 rests on ~900 requests and no one noisy burst decides it. */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** People in the warm-up activity of each format. */
const WARM_UP = 60;
/**
 * What an activity leaves to do after its answers (commitments handed over 2 s after the last,
 * memberships once joins pause; its close is waited for first) settles before the next one's bursts begin:
 * each activity is measured on its own, against a floor measured on a quiet machine too.
 */
const SETTLE_AFTER_RUN_MS = 8_000;
/**
 * A meeting's phases are minutes apart; the bench's follow each other within seconds. What a burst
 * leaves to do once writing pauses (My learning's copies 2 s later, memberships) is done inside its
 * own phase in a meeting, so it settles before the next burst (and its floor) is measured: each
 * phase is measured on its own, as each activity is. BENCH_PHASE_SETTLE_MS=0 runs them back to back.
 */
const SETTLE_BEFORE_BURST_MS = Number(process.env.BENCH_PHASE_SETTLE_MS ?? 3_000);

type Person = { id: string; displayName: string };
type Group = { id: string; members: Person[]; hotSeat?: Person };
/** An answer: its status, its JSON (parsed when read) and when its last byte arrived. */
type Answer = {
  status: number;
  readonly json: Record<string, unknown> | undefined;
  receivedAt: number;
  bytes: number;
};
/** Latencies of one phase of one format: PeerCircle's and the floor's, pooled over the runs. */
type Series = { app: number[]; floor: number[] };

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

/** Pairs of people who shared a group in more than one round. */
function repeatMeetings(rounds: readonly Group[][]): number {
  const met = new Map<string, number>();
  for (const groups of rounds)
    for (const g of groups)
      for (const a of g.members)
        for (const b of g.members)
          if (a.id < b.id) met.set(`${a.id}|${b.id}`, (met.get(`${a.id}|${b.id}`) ?? 0) + 1);
  return [...met.values()].filter((n) => n > 1).length;
}

/**
 * The phase whose late joiners are measured: the first that regroups people who were grouped
 * before; in a format without groups (a case round), its second phase.
 */
function latePhaseOf(format: ActivityFormatDefinition): string | undefined {
  const grouping = format.phases.filter((p) => p.grouping && p.grouping.kind !== "none");
  return (grouping[1] ?? grouping[0] ?? format.phases[1] ?? format.phases[0])?.id;
}

export interface ActivityScenarioOptions {
  scenario: string;
  formats: readonly ActivityFormatId[];
}

/**
 * `activity-300`: every format the registry runs as an activity (a new format is included
 * without touching this file), 300 people through two server instances over the tab's HTTP API.
 * Per format: everyone joins on a side panel that loaded the activity and polled it again just
 * before they press Join, as the tab does every 2 s (some arrive late, during a regrouping round),
 * every phase is advanced, and in each phase everyone who may submits what it newly accepts, at
 * once: a person's own text (PUT), items (POST), and a group's text written by all its members
 * concurrently. A member whose save met a groupmate's (409/412) gets both texts, as the tab shows
 * them, and presses Save on the merge: those second presses are a burst of their own
 * (`<phase>.merged`), after the first, until every group's text holds all its members' (a person
 * reads before pressing again; the tab never retries by itself). Some requests are sent twice
 * with the same request id. Afterwards the stored rows are read: a lost
 * write is an acknowledged text missing from the final state, a duplicate one stored twice.
 * Each burst is preceded by the same burst against the floor (express, a JSON body, one Tables
 * insert), and each of the two starts once every process it reaches is quiet (`untilQuiet`): a
 * floor process, which runs no timers, went on using the CPU for 50–260 ms after its last answer
 * (read from /proc every 4 ms), and the app's burst, sent straight after, shared the two cores
 * with it. A request's latency runs from its send to its answer's last byte, the floor's alike:
 * the load generator's own parsing of an answer (a 300-person view) is not the server's latency.
 * Bar per format and phase: p99 ≤ 2 × floor p99.
 */
export async function activityScenario(
  azurite: RunningAzurite,
  { scenario, formats }: ActivityScenarioOptions,
): Promise<ScenarioResult> {
  // BENCH_COUNT_STORAGE=1 (or =shapes, by request shape): both instances reach Azurite through a counting proxy (which adds a hop
  // to every storage request: the latencies of such a run are not the scenario's figures), and each
  // burst reports the storage requests it cost per request, by method and table.
  const counter = process.env.BENCH_COUNT_STORAGE ? new StorageCounter(azurite) : undefined;
  const env = serverEnv(counter ? await counter.start() : azurite);
  const a = await spawnServer(serverScript, { ...env, DEMO: "community" }, await freePort());
  const b = await spawnServer(serverScript, { ...env, DEMO: "false" }, await freePort());
  const floors = await spawnFloors(azurite, 2);
  const store = await TableStore.connect({
    connectionString: azurite.connectionString,
    tablePrefix: env.TABLE_PREFIX as string,
  });
  const repository = new TablesActivityRepository(store);
  type Cpu = { app: number; floor: number; azurite: number };
  const cpu = (): Cpu => ({
    app: cpuMs(a.child.pid) + cpuMs(b.child.pid),
    floor: floors.reduce((sum, f) => sum + cpuMs(f.child.pid), 0),
    azurite: cpuMs(azurite.pid),
  });
  /** Every process a burst's requests reach: the floor's burst must not leave work to the app's. */
  const processes = [a.child.pid, b.child.pid, ...floors.map((f) => f.child.pid), azurite.pid];
  const client = new LightClient(PARTICIPANTS * 2);
  const instances = [a.url, b.url];
  const facilitator = demo[0] as Person;
  const people = org.users
    .filter((u) => u.department && u.id !== facilitator.id)
    .slice(0, PARTICIPANTS) as Person[];
  if (people.length < PARTICIPANTS) throw new Error(`only ${people.length} people in the fixture`);
  const tenantId = org.tenantId.toLowerCase();

  // Each local instance signs its own tab tokens: one per person and instance, before measuring.
  const tokens = new Map<string, string>();
  const everyone = [facilitator, ...people];
  await runLoad(everyone.length * instances.length, 16, async (i) => {
    const person = everyone[i % everyone.length] as Person;
    const url = instances[Math.floor(i / everyone.length)] as string;
    tokens.set(`${url}|${person.id}`, await tokenFor(url, person.id));
  });
  // Everyone is in the meeting before anything is measured: their side panel has loaded (its first
  // request asks for the meeting chat's activity, which checks their token once per instance), as
  // a late joiner's panel has before they press Join.
  await runLoad(everyone.length * instances.length, 16, async (i) => {
    const person = everyone[i % everyone.length] as Person;
    const url = instances[Math.floor(i / everyone.length)] as string;
    const res = await client.send(
      "GET",
      `${url}/api/activities?conversationId=${encodeURIComponent(`19:meeting_bench-${process.pid}@thread.v2`)}`,
      { authorization: `Bearer ${tokens.get(`${url}|${person.id}`)}` },
    );
    if (res.status !== 200) throw new Error(`the side panel's first request answered ${res.status}`);
  });

  const api = async (
    i: number,
    as: Person,
    method: string,
    route: string,
    body?: unknown,
    etag?: string,
    headers: Record<string, string> = {},
  ) => {
    const url = instances[i % instances.length] as string;
    const res = await client.send(
      method,
      `${url}/api${route}`,
      {
        authorization: `Bearer ${tokens.get(`${url}|${as.id}`)}`,
        ...(etag ? { "if-match": etag } : {}),
        ...headers,
      },
      body,
    );
    // Parsed when read (most answers are only counted), after the latency ends (`receivedAt`).
    let json: Record<string, unknown> | undefined | null = null;
    const answer: Answer = {
      status: res.status,
      receivedAt: res.receivedAt,
      bytes: res.body.length,
      get json() {
        if (json === null) {
          const text = res.body.toString("utf8");
          json = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
        }
        return json;
      },
    };
    return answer;
  };
  /** A module whose sections follow each of the format's section rules, at their longest (phasesFrom). */
  const benchModule = async (format: ActivityFormatDefinition, tag: string) => {
    const sections = format.phases.map((p) => `## ${p.title} (${p.maxMinutes} min)\n${p.instruction}\n`);
    const markdown = `# Bench module ${tag}\n\n${sections.join("\n")}`;
    const res = await api(0, facilitator, "POST", `/communities/${DEMO_COMMUNITY_ID}/modules`, {
      markdown,
      requestId: `bench-module-${tag}`,
    });
    if (res.status !== 201) throw new Error(`the module answered ${res.status}`);
    return (res.json as { id: string }).id;
  };
  /** The floor's burst: as many bare inserts at once, each timed as the app's requests are (to its last byte). */
  const floorBurst = (size: number) =>
    Promise.all(
      Array.from({ length: size }, async (_, i) => {
        const t0 = performance.now();
        const floor = floors[i % floors.length] as ServerProcess;
        const res = await client.send("POST", `${floor.url}/api/floor`, {}, { text: `floor ${i}` });
        if (res.status !== 200) throw new Error(`floor answered ${res.status}`);
        return res.receivedAt - t0;
      }),
    );

  const series = new Map<string, Series>();
  const metrics: Record<string, number> = {};
  const problems: string[] = [];
  const counts = new Map<
    ActivityFormatId,
    { lost: number; duplicated: number; failed: number; refused: number }
  >();
  const repeats = new Map<string, { seen: number; server: number; unavoidable: number }>();

  try {
    for (const formatId of formats) {
      const format = formatOf(formatId);
      const count = { lost: 0, duplicated: 0, failed: 0, refused: 0 };
      counts.set(formatId, count);
      const seriesOf = (phase: string) => {
        const key = `${formatId}.${phase}`;
        const found = series.get(key) ?? { app: [], floor: [] };
        series.set(key, found);
        return found;
      };
      const unexpected = (what: string, answer: Answer) => {
        count.failed++;
        if (problems.length < 10)
          problems.push(`${formatId} ${what}: ${answer.status} ${JSON.stringify(answer.json).slice(0, 200)}`);
      };
      /**
       * One burst: the floor takes as many requests as there are tasks, all at once, then the
       * app's tasks run all at once; every request a task makes is timed. `beforeFloor` runs
       * untimed once the burst's settle is over, before the floor's burst and the quiet it waits for
       * (the side panels' last poll before their people press Join).
       */
      let warmingUp = false;
      const burst = async (
        phase: string,
        tasks: ((timed: Timed) => Promise<void>)[],
        { beforeFloor }: { beforeFloor?: () => Promise<unknown> } = {},
      ) => {
        if (tasks.length === 0) return;
        if (warmingUp) {
          await beforeFloor?.();
          await Promise.all(tasks.map((task) => task((request) => request())));
          return;
        }
        const s = seriesOf(phase);
        await sleep(SETTLE_BEFORE_BURST_MS);
        await beforeFloor?.();
        await untilQuiet(processes);
        const before = cpu();
        mark(`${formatId}.${phase}.floor`, "start");
        s.floor.push(...(await floorBurst(tasks.length)));
        mark(`${formatId}.${phase}.floor`, "end");
        const waited = await untilQuiet(processes);
        if (process.env.BENCH_SERIES === "1")
          process.stderr.write(`quiet after floor ${waited.toFixed(0)} ms\n`);
        const between = cpu();
        let bytes = 0;
        const answered: [number, number][] = [];
        let burstStart = performance.now();
        const timed: Timed = async (request) => {
          const t0 = performance.now();
          const answer = await request();
          bytes += answer.bytes;
          s.app.push(answer.receivedAt - t0);
          answered.push([t0 - burstStart, answer.receivedAt - burstStart]);
          return answer;
        };
        counter?.reset();
        burstStart = performance.now();
        mark(`${formatId}.${phase}`, "start");
        await Promise.all(tasks.map((task) => task(timed)));
        mark(`${formatId}.${phase}`, "end");
        // BENCH_CPU=1: CPU milliseconds per request, the app's instances against the floor's.
        if (process.env.BENCH_CPU === "1") {
          const after = cpu();
          const per = (from: Cpu, to: Cpu, key: keyof Cpu) =>
            ((to[key] - from[key]) / tasks.length).toFixed(2);
          process.stderr.write(
            `cpu ${formatId}.${phase} ms per request: app ${per(between, after, "app")} (azurite ${per(between, after, "azurite")}) · floor ${per(before, between, "floor")} (azurite ${per(before, between, "azurite")}) · ${(bytes / tasks.length / 1024).toFixed(1)} KB per answer\n`,
          );
        }
        // BENCH_SERIES=1: each burst's latencies, app and floor, sorted (where a p99 comes from).
        if (process.env.BENCH_SERIES === "1") {
          const sorted = (xs: number[]) =>
            xs
              .slice(-tasks.length)
              .sort((x, y) => x - y)
              .map((x) => x.toFixed(0))
              .join(" ");
          process.stderr.write(`series ${formatId}.${phase} app ${sorted(s.app)} floor ${sorted(s.floor)}\n`);
        }
        if (counter) {
          metrics[`${formatId}.${phase}.storage_per_request`] = counter.total() / tasks.length;
          process.stderr.write(
            `${formatId}.${phase}: ${(counter.total() / tasks.length).toFixed(2)} storage requests per request ${JSON.stringify(counter.snapshot())}\n`,
          );
          if (process.env.BENCH_COUNT_STORAGE === "timeline")
            process.stderr.write(
              `timeline ${formatId}.${phase}\n${counter.timeline()}\n  answers ${answered
                .sort((x, y) => x[1] - y[1])
                .map(([from, to]) => `${from.toFixed(0)}→${to.toFixed(0)}`)
                .join(" ")}\n`,
            );
        }
      };

      // Run -1 warms up (a small activity of the same format, not timed, its stored rows still
      // checked): the first requests of a cold instance pay for compiling the code they run.
      for (let run = -1; run < RUNS; run++) {
        warmingUp = run < 0;
        const crowd = warmingUp ? people.slice(0, WARM_UP) : people;
        const tag = `${formatId}-${process.pid}-${run < 0 ? "warm" : run}`;
        const created = await api(0, facilitator, "POST", "/activities", {
          format: formatId,
          communityId: DEMO_COMMUNITY_ID,
          conversationId: `19:meeting_${tag}@thread.v2`,
          prompt: `Bench prompt for ${format.name}, run ${run}`,
          // The longest phases allowed: no phase may end by the clock while the bench runs.
          minutes: format.phasesFrom
            ? {}
            : Object.fromEntries(format.phases.map((p) => [p.id, p.maxMinutes])),
          ...(format.phasesFrom ? { moduleId: await benchModule(format, tag) } : {}),
          // A format written per criterion (peer review) follows a rubric.
          ...(Object.values(format.submissions).some((d) => d.perCriterion) ? { rubric: BENCH_RUBRIC } : {}),
          requestId: `bench-${tag}`,
        });
        if (created.status !== 201) throw new Error(`set-up answered ${created.status}`);
        const activity = created.json?.activity as { id: string; phases: { id: string }[] };
        const id = activity.id;
        let step = 0;
        const control = async (kind: string, phaseIndex?: number) => {
          const res = await api(step++, facilitator, "POST", `/activities/${id}/controls`, {
            kind,
            requestId: `${tag}-${kind}-${phaseIndex ?? ""}`,
            ...(phaseIndex === undefined ? {} : { phaseIndex }),
          });
          if (res.status !== 200) throw new Error(`${kind} answered ${res.status}`);
        };
        const groupsNow = async () => {
          const view = await api(step++, facilitator, "GET", `/activities/${id}`);
          const current = view.json?.activity as { groups?: Group[]; repeatMeetings?: number };
          return { groups: current.groups, repeatMeetings: current.repeatMeetings };
        };

        // At most half the crowd joins late: the rest must be there to form the groups they join.
        const lateCount = Math.min(
          Math.floor(crowd.length / 2),
          Math.round((crowd.length * LATE * LATE_WAVES) / PARTICIPANTS),
        );
        const early = crowd.slice(0, crowd.length - lateCount);
        const late = crowd.slice(crowd.length - lateCount);
        const waveSize = Math.ceil(lateCount / LATE_WAVES);
        const lateWaves = Array.from({ length: LATE_WAVES }, (_, w) =>
          late.slice(w * waveSize, (w + 1) * waveSize),
        ).filter((wave) => wave.length > 0);
        const joined: Person[] = [];
        /** The submissions each person's panel holds (its load's `submissionsVersion`), sent with Join as the tab does. */
        const held = new Map<string, string>();
        const loadPanels = (who: Person[]) =>
          Promise.all(
            who.map(async (p, i) => {
              const res = await api(i, p, "GET", `/activities/${id}`);
              const version = res.json?.submissionsVersion;
              if (typeof version === "string") held.set(p.id, version);
            }),
          );
        // A person presses Join on a side panel that shows the activity: it loaded, then polled
        // every 2 s (useMeetingActivity), so its last poll came at most 2 s before the press. Their
        // panels poll once more, untimed, through the instance each joins on, when the burst's
        // settle is over (a panel that stopped polling for the settle's 3 s would be no tab's);
        // Join names the submissions the panel holds, as the tab's does (the answer leaves them out).
        const join = (who: Person[], phase: string) =>
          burst(
            phase,
            who.map((p, i) => async (timed) => {
              const version = held.get(p.id);
              const headers: Record<string, string> = version ? { [HELD_SUBMISSIONS_HEADER]: version } : {};
              const res = await timed(() =>
                api(i, p, "POST", `/activities/${id}/join`, undefined, undefined, headers),
              );
              if (res.status === 200) joined.push(p);
              else unexpected("join", res);
            }),
            { beforeFloor: () => loadPanels(who) },
          );
        // Everyone's panel opened (it loads the activity, untimed) before they press Join: above.
        await loadPanels(early);
        await join(early, "join");
        await control("start");

        /** What each person's own text, each item and each group's acknowledged texts should be. */
        const expectedOwn = new Map<string, string>();
        const expectedItems: { kind: string; text: string }[] = [];
        const acknowledged = new Map<string, string[]>();
        const rounds: Group[][] = [];
        const latePhase = latePhaseOf(format);
        let serverRepeats = 0;
        /** Group saves refused for a groupmate's save meanwhile: pressed again, merged, in the next wave. */
        type GroupSave = {
          kind: string;
          key: string;
          mine: string;
          member: Person;
          m: number;
          text: string;
          attempt: number;
          etag?: string;
        };
        const merges: GroupSave[] = [];
        const groupSave =
          (save: GroupSave) =>
          async (timed: Timed): Promise<void> => {
            const route = `/activities/${id}/submissions/${save.kind}`;
            const body = {
              text: save.text,
              requestId: `${tag}-${save.key}-${save.member.id}-${save.attempt}`,
            };
            const res = await timed(() =>
              api(save.m + save.attempt, save.member, "PUT", route, body, save.etag),
            );
            if (res.status === 200) {
              acknowledged.set(save.key, [...(acknowledged.get(save.key) ?? []), save.mine]);
              return;
            }
            const error = res.json?.error as { current?: { text: string; etag: string } } | undefined;
            if ((res.status === 409 || res.status === 412) && error?.current) {
              merges.push({
                ...save,
                text: mergeShares(error.current.text, save.mine),
                etag: error.current.etag,
                attempt: save.attempt + 1,
              });
              return;
            }
            if (res.status === 403) count.refused++;
            else unexpected(`${save.kind} by a group member`, res);
          };

        for (const [index, planned] of activity.phases.entries()) {
          if (index > 0) await control("next", index - 1);
          const phase = ruleOf(format, planned) as PhaseDefinition;
          const regroups = phase.grouping !== undefined && phase.grouping.kind !== "none";
          if (regroups) {
            // Every tab polls when the phase changes; the first poll forms the groups.
            await burst(
              `${phase.id}.poll`,
              joined.map((p, i) => async (timed) => {
                const res = await timed(() => api(i, p, "GET", `/activities/${id}`));
                if (res.status !== 200) unexpected("poll", res);
              }),
            );
          }
          if (phase.id === latePhase) {
            // A late joiner's panel opens as the round runs, then they press Join (see join); the
            // late arrive in waves, each placed among those placed before.
            for (const wave of lateWaves) {
              await loadPanels(wave);
              await join(wave, `${phase.id}.late-join`);
            }
          }
          const { groups, repeatMeetings: seenByServer } = await groupsNow();
          if (regroups && groups) rounds.push(groups);
          if (seenByServer !== undefined) serverRepeats = seenByServer;

          const tasks: ((timed: Timed) => Promise<void>)[] = [];
          for (const kind of phase.accepts) {
            const definition = format.submissions[kind];
            if (!definition) continue; // the facilitator's highlight
            const first = format.phases.find((p) => p.accepts.includes(kind))?.id === phase.id;
            const route = `/activities/${id}/submissions/${kind}`;
            if (definition.scope === "group") {
              if (!groups || !(first || regroups)) continue;
              for (const group of groups)
                for (const [m, member] of group.members.entries()) {
                  const key = `${kind}|${group.id}`;
                  const mine = `${definition.noun} of ${group.id} by ${member.id}`;
                  tasks.push(groupSave({ kind, key, mine, member, m, text: mine, attempt: 0 }));
                }
              continue;
            }
            if (!first) continue;
            // A kind for the hot seat alone (a mastermind's challenge): each circle's hot seat writes it;
            // one for a held role (a micro-teach's notes) its holder, the facilitator, who is not in `joined`.
            const hotSeats = new Set((groups ?? []).flatMap((g) => (g.hotSeat ? [g.hotSeat.id] : [])));
            const writers = definition.writers?.includes("hot-seat")
              ? joined.filter((p) => hotSeats.has(p.id))
              : joined.filter(() => !definition.writers);
            // Everyone once, and the first few twice with the same request id (a retried request).
            for (const [i, person] of [...writers, ...writers.slice(0, RETRIES)].entries()) {
              const text =
                definition.scope === "item"
                  ? `${definition.noun} item by ${person.id} in ${tag}`
                  : `${definition.noun} of ${person.id} in ${tag}`;
              const method = definition.scope === "item" ? "POST" : "PUT";
              // Per criterion: the text on the first criterion, stored as the list serialised.
              const criteria = [text, ...BENCH_RUBRIC.slice(1).map(() => "")];
              const stored = definition.perCriterion ? serialiseCriteria(criteria) : text;
              tasks.push(async (timed) => {
                const requestId = `${tag}-${kind}-${person.id}`;
                const body = definition.perCriterion ? { criteria, requestId } : { text, requestId };
                const res = await timed(() => api(i, person, method, route, body));
                if (res.status === 403) count.refused++;
                else if (res.status !== 200) unexpected(kind, res);
              });
              if (i >= writers.length) continue;
              if (definition.scope === "item") expectedItems.push({ kind, text: stored });
              else expectedOwn.set(`${kind}|${person.id}`, stored);
            }
          }
          await burst(phase.id, tasks);
          // Those who met a groupmate's save read both texts and press Save on the merge: a
          // second press, after reading, not a retry within the same instant. Each wave is a burst
          // of its own (against a floor of its size), until every group's text holds all of them.
          for (let wave = 1; merges.length > 0; wave++) {
            if (wave >= MAX_MERGE_WAVES) {
              unexpected(`group texts still in conflict after ${wave} saves`, {
                status: 0,
                json: undefined,
                receivedAt: 0,
                bytes: 0,
              });
              merges.length = 0;
              break;
            }
            await burst(`${phase.id}.merged`, merges.splice(0).map(groupSave));
          }
        }
        await control("end");

        // What is stored, read straight from the tables (every kind, whoever may read it).
        const record = await repository.load(tenantId, id);
        if (!record) throw new Error("the activity is gone");
        const ids = new Set(record.participants.map((p) => p.userId));
        count.lost += crowd.filter((p) => !ids.has(p.id)).length;
        count.duplicated += record.participants.length - ids.size;
        const stored = record.submissions;
        for (const [key, text] of expectedOwn) {
          const [kind, owner] = key.split("|") as [string, string];
          const rows = stored.filter((s) => s.kind === kind && s.ownerId === owner);
          if (!rows.some((s) => s.text === text)) count.lost++;
          count.duplicated += Math.max(0, rows.length - 1);
        }
        for (const { kind, text } of expectedItems) {
          const n = stored.filter((s) => s.kind === kind && s.text === text).length;
          if (n === 0) count.lost++;
          count.duplicated += Math.max(0, n - 1);
        }
        for (const [key, texts] of acknowledged) {
          const [kind, groupId] = key.split("|") as [string, string];
          const row = stored.find((s) => s.kind === kind && s.ownerId === groupId);
          for (const text of texts) {
            const n = row ? occurrences(row.text, text) : 0;
            if (n === 0) count.lost++;
            count.duplicated += Math.max(0, n - 1);
          }
        }
        // The close (its summary, library entries, an AMA's routed questions) is done before the
        // next activity is measured.
        if (!(await waitForClose(repository, tenantId, id, activity.phases.length)))
          problems.push(`${formatId} run ${run}: not closed ${CLOSE_WAIT_MS / 1000} s after its end`);
        await sleep(SETTLE_AFTER_RUN_MS);
        if (warmingUp) continue;
        const seen = repeats.get(formatId) ?? { seen: 0, server: 0, unavoidable: 0 };
        repeats.set(formatId, {
          seen: seen.seen + repeatMeetings(rounds),
          server: seen.server + serverRepeats,
          unavoidable: seen.unavoidable + unavoidableRepeats(rounds.map((r) => r.map((g) => g.members))),
        });
      }
    }

    const bars: ScenarioResult["bars"] = [];
    let lost = 0;
    let duplicated = 0;
    let failed = 0;
    for (const [formatId, count] of counts) {
      metrics[`${formatId}.lost`] = count.lost;
      metrics[`${formatId}.duplicated`] = count.duplicated;
      metrics[`${formatId}.failed_answers`] = count.failed;
      metrics[`${formatId}.refused`] = count.refused;
      const r = repeats.get(formatId);
      if (r && formatOf(formatId).phases.some(isRound)) {
        metrics[`${formatId}.repeat_meetings`] = r.seen;
        metrics[`${formatId}.repeat_meetings_server`] = r.server;
        metrics[`${formatId}.repeat_meetings_unavoidable`] = r.unavoidable;
      }
      lost += count.lost;
      duplicated += count.duplicated;
      failed += count.failed;
    }
    metrics.lost = lost;
    metrics.duplicated = duplicated;
    metrics.failed_answers = failed;
    bars.push(
      { name: "lost submissions", metric: "lost", limit: 0, op: "<=" },
      { name: "duplicated submissions", metric: "duplicated", limit: 0, op: "<=" },
      { name: "unexpected answers", metric: "failed_answers", limit: 0, op: "<=" },
    );
    for (const [key, s] of series) {
      for (const p of [50, 95, 99]) metrics[`${key}.p${p}_ms`] = percentile(s.app, p);
      metrics[`${key}.floor_p99_ms`] = percentile(s.floor, 99);
      metrics[`${key}.ratio_p99`] = percentile(s.app, 99) / percentile(s.floor, 99);
      metrics[`${key}.requests`] = s.app.length;
      bars.push({ name: `${key} p99 vs floor`, metric: `${key}.ratio_p99`, limit: 2, op: "<=" });
    }
    for (const problem of problems) process.stderr.write(`${scenario}: ${problem}\n`);
    return {
      scenario,
      params: {
        formats,
        participants: PARTICIPANTS,
        late_joiners: LATE * LATE_WAVES,
        late_waves: LATE_WAVES,
        warm_up_people: WARM_UP,
        instances: instances.length,
        runs: RUNS,
        retried_per_phase: RETRIES,
        settle_before_burst_ms: SETTLE_BEFORE_BURST_MS,
        api: "tab HTTP API (PUT/POST /api/activities/:id/submissions/:kind)",
      },
      metrics,
      bars,
    };
  } finally {
    client.close();
    await a.stop();
    await b.stop();
    for (const floor of floors) await floor.stop();
    await counter?.stop();
  }
}

type Timed = (request: () => Promise<Answer>) => Promise<Answer>;

const isRound = (p: PhaseDefinition) => p.grouping?.kind === "rounds";

/** `activity-300`: every format the engine runs. */
export function activity300(azurite: RunningAzurite): Promise<ScenarioResult> {
  // BENCH_FORMATS=knowledge-cafe,… runs some of them (while looking into one); results then say which.
  const wanted = process.env.BENCH_FORMATS?.split(",").map((f) => f.trim());
  const formats = wanted ? ACTIVITY_FORMAT_IDS.filter((id) => wanted.includes(id)) : ACTIVITY_FORMAT_IDS;
  return activityScenario(azurite, { scenario: "activity-300", formats });
}
