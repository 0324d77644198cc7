import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LearningInteraction } from "../../src/domain/library/entryRepository.js";
import { TABLES } from "../../src/storage/keys.js";
import { TableStore } from "../../src/storage/tableStore.js";
import { TablesEntryRepository } from "../../src/storage/tablesEntryRepository.js";
import { TenantData } from "../../src/storage/tenantData.js";
import { org } from "../support/orgFixture.js";
import { TokenIssuer } from "../support/tabTokenForgery.js";
import { startTestServer, type TestServer, uniqueTablePrefix } from "../support/testServer.js";

const clientId = "00000000-0000-4000-8000-00000000c0de";
const otherTenant = "99999999-0000-4000-8000-000000000009";
type User = { id: string; displayName: string };

// Five people of one department (shown in cross-department reach) and two of another (too small
// a group: counted, never named), tokens signed by a stand-in for Entra ID's keys for two tenants.
const byDepartment = new Map<string, User[]>();
for (const u of org.users) {
  if (!u.department) continue;
  byDepartment.set(u.department, [
    ...(byDepartment.get(u.department) ?? []),
    { id: u.id, displayName: u.displayName },
  ]);
}
const [bigDepartment, smallDepartment] = [...byDepartment.entries()].filter(
  ([, people]) => people.length >= 5,
);
if (!bigDepartment || !smallDepartment) throw new Error("the org fixture needs two departments of 5 people");
const five = bigDepartment[1].slice(0, 5);
const two = smallDepartment[1].slice(0, 2);
const [steward, ada, ben, cai, dee] = five as [User, User, User, User, User];
const [eve, fay] = two as [User, User];

describe("network insights API: stewards only, one read, privacy rules", () => {
  let issuer: TokenIssuer;
  let server: TestServer;
  let facts: TablesEntryRepository;
  let store: TableStore;
  const tablePrefix = uniqueTablePrefix();
  let communityId = "";

  async function call(
    user: User,
    path: string,
    init: { method?: string; body?: unknown; tenant?: string; srv?: TestServer } = {},
  ) {
    const token = await issuer.token(
      { claims: { tid: init.tenant ?? org.tenantId, name: user.displayName } },
      user.id,
    );
    const res = await fetch(`${(init.srv ?? server).baseUrl}/api${path}`, {
      method: init.method ?? "GET",
      headers: {
        authorization: `Bearer ${token}`,
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const text = await res.text();
    const json = res.headers.get("content-type")?.includes("json");
    // biome-ignore lint/suspicious/noExplicitAny: the test reads loosely shaped JSON answers
    return { status: res.status, text, body: (json && text ? JSON.parse(text) : undefined) as any };
  }

  /** Asks until the background computation has stored the reports (the page's progress state). */
  async function ready(path: string, srv?: TestServer) {
    for (let i = 0; i < 100; i++) {
      const res = await call(steward, path, srv ? { srv } : {});
      if (res.body?.status === "ready") return res;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error("insights were never computed");
  }

  beforeAll(async () => {
    issuer = await TokenIssuer.start({ tenantId: org.tenantId, clientId, otherTenantId: otherTenant });
    server = await startTestServer({
      env: {
        TAB_TOKEN_JWKS_URL: issuer.jwksUrl,
        AAD_APP_CLIENT_ID: clientId,
        ALLOWED_TENANTS: `${org.tenantId},${otherTenant}`,
        TABLE_PREFIX: tablePrefix,
      },
    });
    store = await TableStore.connect(server.config.storage);
    facts = new TablesEntryRepository(store);
    const created = await call(steward, "/communities", {
      method: "POST",
      body: { name: "Insights Circle", purpose: "Learning together.", privacy: "open" },
    });
    expect(created.status).toBe(201);
    communityId = created.body.id;
    for (const member of [ada, ben, cai, dee, eve, fay])
      expect((await call(member, `/communities/${communityId}/join`, { method: "POST" })).status).toBe(200);
    const at = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const learned = (kind: LearningInteraction["kind"], from: User, to: User, key: string) =>
      facts.recordInteraction({
        tenantId: org.tenantId.toLowerCase(),
        communityId,
        kind,
        from: { id: from.id, displayName: from.displayName },
        to: { id: to.id, displayName: to.displayName },
        at,
        key,
      });
    // ada learns from ben, ben from steward, steward from cai, eve from cai: ben and steward broker.
    await learned("paired", ada, ben, "k1");
    await learned("helpful", ben, steward, "k2");
    await learned("taught", steward, cai, "k3");
    await learned("saved", eve, cai, "k4");
    await learned("attended", dee, dee, "k5");
  });
  afterAll(async () => {
    await server?.close();
    await issuer?.close();
  });

  it("answers 'computing' at first, then the stored report: brokers, cut points, the edge, reasons", async () => {
    const first = await call(steward, `/communities/${communityId}/insights?window=30`);
    expect(first.status).toBe(200);
    expect(["computing", "ready"]).toContain(first.body.status);
    const { body } = await ready(`/communities/${communityId}/insights?window=30`);
    const report = body.report;
    expect(report.personLevel).toBe(true);
    expect(report.summary).toMatchObject({ members: 7, ties: 4, sessionsAttended: 1 });
    expect(report.brokers.slice(0, 2).sort()).toEqual([ben.id, steward.id].sort());
    expect(report.cutPoints).toContain(cai.id);
    expect(report.edge).toEqual(expect.arrayContaining([dee.id, fay.id]));
    expect(report.people.find((p: { id: string }) => p.id === fay.id)).toMatchObject({
      displayName: fay.displayName,
      edge: { position: "isolated", reason: "newcomer" },
    });
    expect(report.suggestions).toContainEqual({ kind: "welcome", personId: fay.id });
    // The same answer again (kept as JSON), and before / after around a day.
    expect((await call(steward, `/communities/${communityId}/insights?window=30`)).body).toEqual(body);
    const day = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    const around = await call(steward, `/communities/${communityId}/insights?window=30&pivot=${day}`);
    expect(around.body.beforeAfter.before.weeks).toBeGreaterThan(0);
    expect(around.body.beforeAfter.after.ties).toBe(4);
    // Or around a session series: the weeks around its first occurrence.
    const series = await call(steward, `/communities/${communityId}/sessions`, {
      method: "POST",
      body: {
        title: "Weekly pairing",
        format: "think-pair-share",
        startsAt: `${day}T09:00:00.000Z`,
        recurrence: { rule: "FREQ=WEEKLY" },
      },
    });
    expect(series.status).toBe(201);
    const bySeries = await call(
      steward,
      `/communities/${communityId}/insights?window=30&series=${series.body.id}`,
    );
    expect(bySeries.body.beforeAfter).toEqual(around.body.beforeAfter);
    expect((await call(steward, `/communities/${communityId}/insights?window=30&series=nope`)).status).toBe(
      404,
    );
  });

  it("shows department aggregates only for groups of at least 5 people", async () => {
    const { body, text } = await ready(`/communities/${communityId}/insights?window=30`);
    expect(body.report.crossDepartment.departments).toEqual([
      expect.objectContaining({ department: bigDepartment[0], people: 5 }),
    ]);
    expect(body.report.crossDepartment.smallDepartments).toBe(1);
    expect(text).not.toContain(smallDepartment[0]);
  });

  it("refuses members (403), stewards of another community (403) and another tenant (404)", async () => {
    await ready(`/communities/${communityId}/insights?window=30`);
    const member = await call(ada, `/communities/${communityId}/insights?window=30`);
    expect(member.status).toBe(403);
    expect(member.body.error.message).toBe("Network insights are for the community's stewards.");
    const own = await call(ben, "/communities", {
      method: "POST",
      body: { name: "Ben's Circle", purpose: "Ben's own.", privacy: "open" },
    });
    expect(own.status).toBe(201);
    expect((await call(ben, `/communities/${own.body.id}/insights?window=30`)).status).toBe(200);
    expect((await call(ben, `/communities/${communityId}/insights?window=30`)).status).toBe(403);
    const csvByMember = await call(ada, `/communities/${communityId}/insights/export.csv?table=people`);
    expect(csvByMember.status).toBe(403);
    const elsewhere = { id: steward.id, displayName: "Same id, other tenant" };
    for (const path of ["/insights?window=30", "/insights/export.csv?table=ties"]) {
      const res = await call(elsewhere, `/communities/${communityId}${path}`, { tenant: otherTenant });
      expect(res.status, path).toBe(404);
      expect(res.text).not.toContain(ada.displayName);
    }
  });

  it("refuses a window it does not compute, and a malformed day, changing nothing", async () => {
    const bad = await call(steward, `/communities/${communityId}/insights?window=7`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe("Pick a window of 30, 90, 365 days.");
    expect(
      (await call(steward, `/communities/${communityId}/insights?window=30&pivot=yesterday`)).status,
    ).toBe(400);
  });

  it("exports people and ties as CSV, and a de-identified CSV with no names or ids", async () => {
    await ready(`/communities/${communityId}/insights?window=30`);
    const people = await call(
      steward,
      `/communities/${communityId}/insights/export.csv?window=30&table=people`,
    );
    expect(people.status).toBe(200);
    const rows = Papa.parse<Record<string, string>>(people.text, { header: true }).data;
    expect(rows.find((r) => r.id === ben.id)).toMatchObject({ name: ben.displayName, cuts_network: "true" });

    for (const table of ["people", "ties"]) {
      const res = await call(
        steward,
        `/communities/${communityId}/insights/export.csv?window=30&table=${table}&deidentified=true`,
      );
      expect(res.status).toBe(200);
      const parsed = Papa.parse<string[]>(res.text).data;
      expect(parsed.length).toBeGreaterThan(2);
      for (const who of [steward, ada, ben, cai, dee, eve, fay]) {
        expect(res.text).not.toContain(who.id);
        expect(res.text).not.toContain(who.displayName);
      }
      expect(res.text).toMatch(/Person \d+/);
    }
  });

  it("shows a member their own ties in My learning, by kind, and nobody else's", async () => {
    await ready(`/communities/${communityId}/insights?window=30`);
    const mine = await call(ben, "/me/ties");
    expect(mine.status).toBe(200);
    expect(mine.body.personLevel).toBe(true);
    // biome-ignore lint/suspicious/noExplicitAny: loosely read JSON
    const own = mine.body.communities.find((c: any) => c.communityId === communityId);
    expect(own).toMatchObject({
      communityId,
      communityName: "Insights Circle",
      status: "ready",
      windowDays: 90,
    });
    expect(own.ties.learnedFrom).toEqual({
      people: 1,
      kinds: { helpful: 1 },
      partners: [{ id: steward.id, displayName: steward.displayName, facts: 1, kinds: { helpful: 1 } }],
    });
    expect(own.ties.learnersFrom).toMatchObject({
      people: 1,
      kinds: { paired: 1 },
      partners: [{ id: ada.id }],
    });
    // Ties between others (the steward and Cai, Eve and Cai) are not Ben's to see.
    for (const other of [cai, eve, dee, fay]) expect(mine.text).not.toContain(other.id);

    const quiet = await call(dee, "/me/ties");
    // biome-ignore lint/suspicious/noExplicitAny: loosely read JSON
    expect(quiet.body.communities.find((c: any) => c.communityId === communityId).ties).toEqual({
      learnedFrom: { people: 0, kinds: {}, partners: [] },
      learnersFrom: { people: 0, kinds: {}, partners: [] },
    });
    // Someone of another tenant belongs to none of this tenant's communities.
    const elsewhere = await call(ben, "/me/ties", { tenant: otherTenant });
    expect(elsewhere.body.communities).toEqual([]);
  });

  it("keeps the reports in the tenant's export, and drops them when a person is erased", async () => {
    await ready(`/communities/${communityId}/insights?window=30`);
    const data = new TenantData(store);
    const exported = await data.exportTenant(org.tenantId.toLowerCase());
    expect(exported.tables[TABLES.insights]?.some((row) => row.rowKey === "report")).toBe(true);
    expect((await data.exportTenant(otherTenant)).tables[TABLES.insights]).toEqual([]);
    // A person's export carries their own ties row (nobody else's).
    const own = (await data.exportUser(org.tenantId.toLowerCase(), ben.id)).tables[TABLES.insights] ?? [];
    // (one per community of theirs with computed insights)
    expect(own.some((row) => row.partitionKey.endsWith(communityId))).toBe(true);
    expect(new Set(own.map((row) => row.rowKey))).toEqual(new Set([`ties|${ben.id}`]));

    const erased = await data.deleteUser(org.tenantId.toLowerCase(), fay.id);
    expect(erased.deleted[TABLES.insights]).toBeGreaterThan(1);
    const { text } = await ready(`/communities/${communityId}/insights?window=30`);
    expect(text).not.toContain(fay.id);
    expect(text).not.toContain(fay.displayName);
    expect(text).toContain(eve.displayName);
  });

  it("with person-level insights turned off for the tenant, names nobody and draws no network", async () => {
    const restricted = await startTestServer({
      env: {
        TAB_TOKEN_JWKS_URL: issuer.jwksUrl,
        AAD_APP_CLIENT_ID: clientId,
        ALLOWED_TENANTS: org.tenantId,
        TABLE_PREFIX: tablePrefix,
        INSIGHTS_PERSON_LEVEL_OFF: org.tenantId.toUpperCase(),
      },
    });
    try {
      const { body, text } = await ready(`/communities/${communityId}/insights?window=30`, restricted);
      expect(body.report.personLevel).toBe(false);
      expect(body.report.summary.ties).toBe(4);
      expect(body.report.people).toEqual([]);
      for (const who of [steward, ada, ben, cai, dee, eve, fay]) {
        expect(text).not.toContain(who.id);
        expect(text).not.toContain(who.displayName);
      }
      // My learning keeps the counts and names nobody.
      const own = await call(ben, "/me/ties", { srv: restricted });
      expect(own.body.personLevel).toBe(false);
      // biome-ignore lint/suspicious/noExplicitAny: loosely read JSON
      expect(own.body.communities.find((c: any) => c.communityId === communityId).ties.learnedFrom).toEqual({
        people: 1,
        kinds: { helpful: 1 },
        partners: [],
      });
      expect(own.text).not.toContain(steward.displayName);
      expect(own.text).not.toContain(ada.displayName);
    } finally {
      await restricted.close();
    }
  });
});
