import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "../../src/local/demoCommunity.js";
import { org } from "../support/orgFixture.js";
import {
  describeCalls,
  type StorageCall,
  StorageRecorder,
  sequentialOf,
} from "../support/storageRecorder.js";
import { startTestServer, type TestServer, tokenFor, uniqueTablePrefix } from "../support/testServer.js";

type Person = { id: string; displayName: string };

describe("what joining an activity costs in storage round trips", () => {
  const facilitator = demoPeople(org)[0] as unknown as Person;
  const people = org.users.filter((u) => u.id !== facilitator.id && u.department).slice(0, 12) as Person[];
  /** People no other test here pairs: no instance has looked up their addresses yet. */
  const others = org.users.filter((u) => u.id !== facilitator.id && u.department).slice(12, 22) as Person[];
  let recorder: StorageRecorder;
  let servers: TestServer[] = [];
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    recorder = new StorageRecorder();
    const tablePrefix = uniqueTablePrefix();
    // No announcer polling in between: every round trip recorded is the request's.
    const env = { TABLE_PREFIX: tablePrefix, ACTIVITY_POLL_MS: "3600000" };
    servers = await Promise.all([0, 1].map(() => startTestServer({ demo: true, env })));
    for (const server of servers)
      for (const p of [facilitator, ...people, ...others])
        tokens.set(`${server.baseUrl}|${p.id}`, await tokenFor(server.baseUrl, p.id));
  });
  afterAll(async () => {
    recorder?.restore();
    await Promise.all(servers.map((s) => s.close()));
  });

  const api = async (
    i: number,
    who: Person,
    method: string,
    route: string,
    body?: unknown,
    etag?: string,
  ) => {
    const server = servers[i % servers.length] as TestServer;
    const res = await fetch(`${server.baseUrl}/api${route}`, {
      method,
      headers: {
        authorization: `Bearer ${tokens.get(`${server.baseUrl}|${who.id}`)}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(etag ? { "if-match": etag } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: test reads of JSON answers.
    return { status: res.status, body: text ? (JSON.parse(text) as any) : undefined };
  };

  /** The round trips a request waits for: the count settled behind a join (Communities, a keys-only recount) is left out. */
  const answerPath = (calls: StorageCall[]) =>
    calls.filter((c) => c.table !== "Communities" && !(c.table === "Memberships" && c.method === "GET"));
  const activityCalls = (calls: StorageCall[]) => calls.filter((c) => c.table === "Activities");

  /** A think-pair-share in its own meeting chat, with the first six people joined. */
  const activityWithSix = async (chat: string, prompt: string, crowd: Person[]) => {
    const created = await api(0, facilitator, "POST", "/activities", {
      format: "think-pair-share",
      communityId: (servers[0] as TestServer).demoCommunityId,
      conversationId: `19:meeting_${chat}@thread.v2`,
      prompt,
      minutes: { think: 10, pair: 10, share: 10 },
      requestId: chat,
    });
    expect(created.status).toBe(201);
    const id: string = created.body.activity.id;
    for (const [i, p] of crowd.slice(0, 6).entries())
      expect((await api(i, p, "POST", `/activities/${id}/join`)).status).toBe(200);
    return id;
  };

  it("answers a join after one round trip: the flow's next control probed beside the person's row (a late joiner's place on it)", async () => {
    const early = people.slice(0, 8);
    const id = await activityWithSix("joinRoundTrips", "What slows down a release?", early);

    // A join on either instance: the next control probed by key beside the participant row (and the
    // community's membership rows), on the flow the instance holds; the activity is not read again.
    for (const [i, p] of early.slice(6).entries()) {
      // The side panel polls before its Join is pressed: the instance has the activity in hand.
      expect((await api(i, facilitator, "GET", `/activities/${id}`)).status).toBe(200);
      const { result, calls } = await recorder.during(() => api(i, p, "POST", `/activities/${id}/join`));
      const trace = describeCalls(calls);
      expect(result.status, trace).toBe(200);
      expect(result.body.activity.me.joined).toBe(true);
      expect(result.body.activity.state.status).toBe("not-started");
      expect(
        activityCalls(calls).map((c) => `${c.method} ${c.what.replace(/^.*\/ /, "")}`),
        trace,
      ).toEqual(["GET flow|control|000001", "POST "]);
      expect(sequentialOf(answerPath(calls)), trace).toBe(1);
    }

    let step = 0;
    const control = (kind: string, phaseIndex?: number) =>
      api(step++, facilitator, "POST", `/activities/${id}/controls`, {
        kind,
        requestId: `jrt-${kind}-${phaseIndex ?? ""}`,
        ...(phaseIndex === undefined ? {} : { phaseIndex }),
      });
    expect((await control("start")).status).toBe(200);
    expect((await control("next", 0)).status).toBe(200);
    // Every tab polls as the pair phase begins: the pairs are formed, each instance reads them.
    await Promise.all(early.map((p, i) => api(i, p, "GET", `/activities/${id}`)));

    // A late joiner: the probe beside their row carrying their placement.
    const late = people.slice(8, 12);
    const names = new Map(people.map((p) => [p.id, p.displayName]));
    for (const [i, p] of late.entries()) {
      expect((await api(i, facilitator, "GET", `/activities/${id}`)).status).toBe(200);
      const { result, calls } = await recorder.during(() => api(i, p, "POST", `/activities/${id}/join`));
      const trace = describeCalls(calls);
      expect(result.status, trace).toBe(200);
      const { me, state } = result.body.activity;
      expect(state.phaseId).toBe("pair");
      expect(me.group.partners.length, trace).toBeGreaterThan(0);
      for (const partner of me.group.partners) expect(partner.displayName).toBe(names.get(partner.id));
      expect(
        activityCalls(calls).map((c) => c.method),
        trace,
      ).toEqual(["GET", "POST"]);
      // The partners' addresses for the chat link are looked up after the answer (see below).
      expect(sequentialOf(answerPath(calls)), trace).toBe(1);
      // The one-click chat with the partners: in the answer when their addresses were at hand,
      // else (looked up meanwhile, not waited for) with the next poll — by address, never by id.
      const polled = await api(i, p, "GET", `/activities/${id}`);
      for (const link of [result.body.partnerChatUrl, polled.body.partnerChatUrl].filter(Boolean))
        expect(link).toMatch(/users=[^,]+%40/);
      expect(polled.body.partnerChatUrl).toBeDefined();
    }
    // Everyone is in a group of the round, as either instance shows it.
    const seen = await api(1, facilitator, "GET", `/activities/${id}`);
    const members = (seen.body.activity.groups as { members: { id: string }[] }[]).flatMap((g) =>
      g.members.map((m) => m.id),
    );
    expect(members.sort()).toEqual(people.map((p) => p.id).sort());
  });

  it("joins on the round another instance moved to meanwhile: the flow this instance holds is checked beside the join, and a stale one answers with a place in the new round", async () => {
    const crowd = people.slice(0, 7);
    const id = await activityWithSix("joinRoundTripsStale", "What do we check before a release?", crowd);
    const control = (i: number, kind: string, phaseIndex?: number) =>
      api(i, facilitator, "POST", `/activities/${id}/controls`, {
        kind,
        requestId: `jrt-stale-${kind}-${phaseIndex ?? ""}`,
        ...(phaseIndex === undefined ? {} : { phaseIndex }),
      });
    // Instance 0 holds the flow in the think phase; the pair phase begins on instance 1.
    expect((await control(0, "start")).status).toBe(200);
    expect((await api(0, facilitator, "GET", `/activities/${id}`)).body.activity.state.phaseId).toBe("think");
    expect((await control(1, "next", 0)).status).toBe(200);
    await Promise.all(crowd.slice(0, 6).map((p) => api(1, p, "GET", `/activities/${id}`)));

    const late = crowd[6] as Person;
    const joined = await api(0, late, "POST", `/activities/${id}/join`);
    expect(joined.status).toBe(200);
    expect(joined.body.activity.state.phaseId).toBe("pair");
    expect(joined.body.activity.me.joined).toBe(true);
    expect(joined.body.activity.me.group.partners.length).toBeGreaterThan(0);
    // Once each, in a group of the round, as the other instance shows it.
    const seen = await api(1, facilitator, "GET", `/activities/${id}`);
    const members = (seen.body.activity.groups as { members: { id: string }[] }[]).flatMap((g) =>
      g.members.map((m) => m.id),
    );
    expect(members.sort()).toEqual(crowd.map((p) => p.id).sort());
  });

  it("gives late joiners the chat link with their answers, by the principal names their partners' tokens brought: no directory look-up at all", async () => {
    const id = await activityWithSix("joinRoundTripsLinks", "What do we hand over on call?", others);
    let step = 0;
    const control = (kind: string, phaseIndex?: number) =>
      api(step++, facilitator, "POST", `/activities/${id}/controls`, {
        kind,
        requestId: `jrt-links-${kind}-${phaseIndex ?? ""}`,
        ...(phaseIndex === undefined ? {} : { phaseIndex }),
      });
    expect((await control("start")).status).toBe(200);
    expect((await control("next", 0)).status).toBe(200);
    // Instance 0 forms and reads the pairs; four join late there, one after another (a mate who
    // joins at the same moment is named, with their principal name, by the next poll).
    expect((await api(0, facilitator, "GET", `/activities/${id}`)).status).toBe(200);
    const late = others.slice(6);
    const mailOf = new Map(org.users.map((u) => [u.id, u.mail ?? ""]));
    const { result, calls } = await recorder.during(async () => {
      const answers = [];
      for (const p of late) answers.push(await api(0, p, "POST", `/activities/${id}/join`));
      return answers;
    });
    for (const joined of result) {
      expect(joined.status).toBe(200);
      const partners = joined.body.activity.me.group.partners as Person[];
      expect(partners.length).toBeGreaterThan(0);
      // Each partner by their own principal name (the fixture's UPN is their mail).
      expect(decodeURIComponent(joined.body.partnerChatUrl.split("users=")[1]).split(",")).toEqual(
        partners.map((p) => mailOf.get(p.id)),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 600));
    const { calls: pollCalls } = await recorder.during(() =>
      Promise.all(late.map((p) => api(0, p, "GET", `/activities/${id}`))),
    );
    // Neither the answers nor anything after them asked the directory (the OrgContext cache).
    expect(
      [...calls, ...pollCalls].filter((c) => c.table === "OrgContext"),
      describeCalls([...calls, ...pollCalls]),
    ).toEqual([]);
  });

  it("reads a mastermind late joiner's circle mates' kept goals beside their join: the answer shows them after one round trip", async () => {
    const circle = others.slice(0, 6);
    const session = async (n: number, crowd: Person[]) => {
      const created = await api(0, facilitator, "POST", "/activities", {
        format: "mastermind",
        communityId: (servers[0] as TestServer).demoCommunityId,
        conversationId: `19:meeting_joinRoundTripsCircle${n}@thread.v2`,
        prompt: `Circle, session ${n}`,
        requestId: `jrt-circle-${n}`,
      });
      expect(created.status).toBe(201);
      const id: string = created.body.activity.id;
      for (const [i, p] of crowd.entries())
        expect((await api(i, p, "POST", `/activities/${id}/join`)).status).toBe(200);
      expect(
        (
          await api(0, facilitator, "POST", `/activities/${id}/controls`, {
            kind: "start",
            requestId: `jrt-c${n}-s`,
          })
        ).status,
      ).toBe(200);
      const next = { kind: "next", phaseIndex: 0, requestId: `jrt-c${n}-n` };
      expect((await api(0, facilitator, "POST", `/activities/${id}/controls`, next)).status).toBe(200);
      return id;
    };
    // Session 1: the first five write their goals, kept for the circle's next session (their
    // copies follow the pause, or the end on the instance that took them).
    const first = await session(1, circle.slice(0, 5));
    for (const p of circle.slice(0, 5))
      expect(
        (
          await api(0, p, "PUT", `/activities/${first}/submissions/goal`, {
            text: `Goal of ${p.displayName}`,
          })
        ).status,
      ).toBe(200);
    const endFirst = { kind: "end", requestId: "jrt-c1-e" };
    expect((await api(0, facilitator, "POST", `/activities/${first}/controls`, endFirst)).status).toBe(200);
    // Session 2: four seated, then a fifth joins late on instance 0, which holds the circle.
    const second = await session(2, circle.slice(0, 4));
    expect((await api(0, facilitator, "GET", `/activities/${second}`)).status).toBe(200);
    const late = circle[4] as Person;
    /** Reads of the late joiner's own kept goal (their register row, in their partition). */
    const ownGoalReads = (calls: StorageCall[]) =>
      calls.filter(
        (c) => c.method === "GET" && c.what.includes(`|user|${late.id}`) && c.what.includes("goal"),
      );
    // Their side panel shows the circle before they press Join: their kept goal is read then, and
    // not shown to them before they take part.
    const panel = await recorder.during(() => api(0, late, "GET", `/activities/${second}`));
    expect(panel.result.status).toBe(200);
    expect(panel.result.body.activity.register ?? []).toEqual([]);
    expect(ownGoalReads(panel.calls), describeCalls(panel.calls)).toHaveLength(1);
    // They read the panel before pressing Join: the read begun at its load is done by then (the
    // answer did not wait for it), so their row carries the goal they bring.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const { result, calls } = await recorder.during(() => api(0, late, "POST", `/activities/${second}/join`));
    const trace = describeCalls(calls);
    // The join reads it no more.
    expect(ownGoalReads(calls), trace).toHaveLength(0);
    expect(result.status, trace).toBe(200);
    const { me, register } = result.body.activity;
    expect(me.group.partners.map((p: Person) => p.id).sort(), trace).toEqual(
      circle
        .slice(0, 4)
        .map((p) => p.id)
        .sort(),
    );
    // Everyone's goal of the last session, their own and their mates', brought in.
    expect(
      (register as { person: Person; text: string; earlier: boolean }[])
        .filter((r) => r.earlier)
        .map((r) => r.text)
        .sort(),
      trace,
    ).toEqual(
      circle
        .slice(0, 5)
        .map((p) => `Goal of ${p.displayName}`)
        .sort(),
    );
    // The mates' kept goals were read beside the join's write, not after it.
    expect(sequentialOf(answerPath(calls)), trace).toBe(1);
    // The goal they brought rides on their row (read at their panel's load): a mate's poll on the
    // other instance shows it without reading it.
    const matePoll = await recorder.during(() => api(1, circle[1] as Person, "GET", `/activities/${second}`));
    expect(matePoll.result.status).toBe(200);
    expect(
      (matePoll.result.body.activity.register as { person: Person; text: string; earlier: boolean }[]).find(
        (r) => r.person.id === late.id,
      ),
    ).toMatchObject({ text: `Goal of ${late.displayName}`, earlier: true });
    expect(ownGoalReads(matePoll.calls), describeCalls(matePoll.calls)).toHaveLength(0);

    // Their goal is one write while they wait: its copy kept for the next session follows once
    // the writing pauses (with everyone's), or when the activity ends.
    const goal = { text: `New goal of ${late.displayName}` };
    const route = `/activities/${second}/submissions/goal`;
    const copies = (calls: StorageCall[]) =>
      calls.filter((c) => c.method !== "GET" && c.what.includes("register|"));
    const wrote = await recorder.during(() => api(0, late, "PUT", route, goal));
    const wroteTrace = describeCalls(wrote.calls);
    expect(wrote.result.status, wroteTrace).toBe(200);
    expect(copies(wrote.calls), wroteTrace).toEqual([]);
    // An edit on top of its version; a stale one is refused (and changes neither).
    const edit = await api(0, late, "PUT", route, { text: "Edited goal" }, wrote.result.body.saved.etag);
    expect(edit.status).toBe(200);
    const stale = await api(0, late, "PUT", route, { text: "Stale goal" }, wrote.result.body.saved.etag);
    expect(stale.status).toBe(412);
    // Ending the session writes this instance's pending copies before it answers: the newest text.
    const ended = await recorder.during(() =>
      api(0, facilitator, "POST", `/activities/${second}/controls`, { kind: "end", requestId: "jrt-c2-e" }),
    );
    expect(ended.result.status).toBe(200);
    expect(copies(ended.calls).length, describeCalls(ended.calls)).toBeGreaterThan(0);
    // The circle's next session brings in the edited goal, not the stale one.
    const third = await session(3, circle.slice(0, 5));
    const seen = await api(0, late, "GET", `/activities/${third}`);
    expect(
      (seen.body.activity.register as { person: Person; text: string }[]).find((r) => r.person.id === late.id)
        ?.text,
    ).toBe("Edited goal");
  });
});
