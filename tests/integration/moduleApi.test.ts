import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEADING_THROUGH_CHANGE } from "../support/moduleFixtures.js";
import { org } from "../support/orgFixture.js";
import { OTHER_TENANT, type Person, ServerInstances } from "../support/serverInstances.js";

/**
 * A community's modules over the tab's API (real server, real Azurite): stewards write or import
 * them (once per request), members read them but get a 403 for writing and for the ratings report,
 * someone of another tenant a 404; a module without timed sections or with a timing out of bounds
 * is a friendly 400 that names the line, and changes nothing.
 */
describe("the module API", () => {
  let instances: ServerInstances;
  const [steward, member] = org.users.filter((u) => u.department).slice(0, 2) as unknown as [Person, Person];
  let c = "";
  const call = (who: Person, method: string, path: string, body?: unknown, tenant?: string) =>
    instances.api(instances.instance(0), who, method, path, body, tenant);

  beforeAll(async () => {
    instances = await ServerInstances.start(1);
    const created = await call(steward, "POST", "/communities", {
      name: "Managers' circle",
      purpose: "Managers learning from each other.",
    });
    expect(created.status).toBe(201);
    c = created.body.id;
    expect((await call(member, "POST", `/communities/${c}/join`)).status).toBeLessThan(300);
  });
  afterAll(async () => {
    await instances?.close();
  });

  it("lets stewards write a module once per request, and members read it", async () => {
    const body = { markdown: LEADING_THROUGH_CHANGE, requestId: "module-1" };
    const created = await call(steward, "POST", `/communities/${c}/modules`, body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: "Leading through change",
      totalMinutes: 85,
      sections: [
        { title: "Read", minutes: 15, line: 5 },
        { title: "Reflect", minutes: 10 },
        { title: "Exchange in groups", minutes: 45 },
        { title: "Actions", minutes: 15 },
      ],
    });
    expect(created.body.sections[0].body).toContain("**release process**");
    // A retried import keeps one module.
    expect((await call(steward, "POST", `/communities/${c}/modules`, body)).body.id).toBe(created.body.id);
    const listed = await call(member, "GET", `/communities/${c}/modules`);
    expect(listed.status).toBe(200);
    expect(listed.body.canEdit).toBe(false);
    expect(listed.body.modules.map((m: { id: string }) => m.id)).toEqual([created.body.id]);
    expect(listed.body.modules[0].etag).toBeUndefined();
  });

  it("refuses members' writes and the ratings report with a 403, and another tenant with a 404", async () => {
    const [module] = (await call(steward, "GET", `/communities/${c}/modules`)).body.modules;
    const write = await call(member, "POST", `/communities/${c}/modules`, {
      markdown: LEADING_THROUGH_CHANGE,
    });
    expect(write.status).toBe(403);
    expect(write.body.error.message).toBe("Only the community's stewards write modules.");
    const edit = await call(member, "PUT", `/communities/${c}/modules/${module.id}`, {
      markdown: LEADING_THROUGH_CHANGE.replace("Read (15 min)", "Read (20 min)"),
    });
    expect(edit.status).toBe(403);
    expect((await call(member, "GET", `/communities/${c}/modules/${module.id}/ratings`)).status).toBe(403);
    const elsewhere = { id: steward.id, displayName: "Same id, other tenant" };
    for (const path of [`/communities/${c}/modules`, `/communities/${c}/modules/${module.id}/ratings`])
      expect((await call(elsewhere, "GET", path, undefined, OTHER_TENANT)).status).toBe(404);
    const report = await call(steward, "GET", `/communities/${c}/modules/${module.id}/ratings`);
    expect(report.body).toEqual({
      moduleId: module.id,
      title: "Leading through change",
      sessions: 0,
      count: 0,
      distribution: [0, 0, 0, 0, 0],
      minimumForAverage: 5,
    });
  });

  it("answers a module it cannot run with a 400 that names the line, and keeps nothing", async () => {
    const before = (await call(steward, "GET", `/communities/${c}/modules`)).body.modules.length;
    const untimed = await call(steward, "POST", `/communities/${c}/modules`, {
      markdown: "# Feedback that lands\n\nSome text.\n\n## Read\nThe case.\n\n## Actions (10 min)\nOne.",
    });
    expect(untimed.status).toBe(400);
    expect(untimed.body.error.message).toBe(
      "Line 5: “Read” has no timing; write it like “## Read (15 min)”.",
    );
    const none = await call(steward, "POST", `/communities/${c}/modules`, {
      markdown: "# Only a title\n\nText.",
    });
    expect(none.status).toBe(400);
    expect(none.body.error.message).toContain("no timed sections");
    const tooLong = await call(steward, "POST", `/communities/${c}/modules`, {
      markdown: LEADING_THROUGH_CHANGE.replace("Exchange in groups (45 min)", "Exchange in groups (90 min)"),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toBe(
      "Line 11: “Exchange in groups” lasts 90 minutes; a section lasts between 2 and 60 whole minutes.",
    );
    expect((await call(steward, "GET", `/communities/${c}/modules`)).body.modules).toHaveLength(before);
  });

  it("lets a steward change a module on top of the version they read", async () => {
    const [module] = (await call(steward, "GET", `/communities/${c}/modules`)).body.modules;
    const changed = LEADING_THROUGH_CHANGE.replace("Read (15 min)", "Read (20 min)");
    const saved = await call(steward, "PUT", `/communities/${c}/modules/${module.id}`, {
      markdown: changed,
      etag: module.etag,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.sections[0].minutes).toBe(20);
    const stale = await call(steward, "PUT", `/communities/${c}/modules/${module.id}`, {
      markdown: LEADING_THROUGH_CHANGE,
      etag: module.etag,
    });
    expect(stale.status).toBe(412);
  });

  it("lets a steward delete a module (the version they read), once; a member may not", async () => {
    const body = {
      markdown: LEADING_THROUGH_CHANGE.replace("# Leading", "# Retired"),
      requestId: "module-gone",
    };
    const created = await call(steward, "POST", `/communities/${c}/modules`, body);
    const path = `/communities/${c}/modules/${created.body.id}`;
    expect((await call(member, "DELETE", path)).status).toBe(403);
    const stale = await instances.api(instances.instance(0), steward, "DELETE", path, undefined, undefined, {
      "If-Match": "W/\"datetime'2020-01-01T00%3A00%3A00Z'\"",
    });
    expect(stale.status).toBe(412);
    const still = (await call(steward, "GET", `/communities/${c}/modules`)).body.modules;
    expect(still.map((m: { id: string }) => m.id)).toContain(created.body.id);
    const gone = await instances.api(instances.instance(0), steward, "DELETE", path, undefined, undefined, {
      "If-Match": created.body.etag,
    });
    expect(gone.status).toBe(204);
    expect((await call(steward, "DELETE", path)).status).toBe(204);
    const left = (await call(member, "GET", `/communities/${c}/modules`)).body.modules;
    expect(left.map((m: { id: string }) => m.id)).not.toContain(created.body.id);
    expect((await call(steward, "GET", path)).status).toBe(404);
  });
});
