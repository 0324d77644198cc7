import { describe, expect, it } from "vitest";
import { demoPeople } from "../../src/local/demoCommunity.js";
import { eventually, type MeetingInstances, meetingInstancesFor } from "../support/meetingInstances.js";
import { LEADING_THROUGH_CHANGE } from "../support/moduleFixtures.js";
import { org } from "../support/orgFixture.js";

/**
 * A CoachingOurselves-style module on the activity engine, through the side panel's API on two
 * instances with 10 people: set up from the community's module (its sections are the phases, kept
 * with the activity, so a module changed later alters nothing), groups of 4–6 formed at the first
 * section and kept, each group's notes, actions written by everyone at once (commitments, none lost
 * or doubled), a usefulness rating per person after the end (a retry or a second instance keeps
 * one), and the stewards' report on the module.
 */
const MEETING_CHAT = "19:meeting_Q29hY2hpbmdPdXJzZWx2ZXNUZXN0@thread.v2";
const MEETING_ID = "MCMxOTptZWV0aW5nX1EyOWhZMmhwYm1kUGRYSnpaV3gyWlhOVVpYTjBAdGhyZWFkLnYyIzA=";

type Person = { id: string; displayName: string };
type Group = { id: string; members: Person[] };

describe("CoachingOurselves module on the activity engine", () => {
  const steward = demoPeople(org)[0] as unknown as Person;
  const others = org.users.filter((u) => u.id !== steward.id && u.department) as unknown as Person[];
  const people = others.slice(0, 10);
  const outsider = others[10] as Person;
  const meeting = meetingInstancesFor(2, { chat: MEETING_CHAT, meetingId: MEETING_ID });
  const api = (...args: Parameters<MeetingInstances["api"]>) => meeting().api(...args);

  it("runs a module's sections in groups of 4–6, to actions and usefulness ratings, once across instances", async () => {
    const communityId = meeting().communityId;
    const modules = `/communities/${communityId}/modules`;
    const written = await api(0, steward, "POST", modules, {
      markdown: LEADING_THROUGH_CHANGE,
      requestId: "m1",
    });
    expect(written.status).toBe(201);
    const moduleId: string = written.body.id;
    const setUp = (body: Record<string, unknown>) =>
      api(1, steward, "POST", "/activities", {
        format: "coaching-ourselves",
        communityId,
        conversationId: MEETING_CHAT,
        meetingId: MEETING_ID,
        prompt: "Leading through change",
        requestId: "coaching-setup-1",
        ...body,
      });
    const unpicked = await setUp({ requestId: "coaching-setup-0" });
    expect(unpicked.status).toBe(400);
    expect(unpicked.body.error.message).toBe(
      "Pick one of the community's modules: CoachingOurselves module follows its sections.",
    );
    const created = await setUp({ moduleId });
    expect(created.status).toBe(201);
    const id: string = created.body.activity.id;
    expect(created.body.activity.module).toEqual({ id: moduleId, title: "Leading through change" });
    expect(
      created.body.activity.phases.map((p: { title: string; minutes: number; rule: string }) => [
        p.title,
        p.minutes,
        p.rule,
      ]),
    ).toEqual([
      ["Read", 15, "module-opening"],
      ["Reflect", 10, "module-section"],
      ["Exchange in groups", 45, "module-section"],
      ["Actions", 15, "module-actions"],
    ]);
    expect(created.body.activity.phases[2].body).toBe("Share your stories. What did the managers do?");
    // A module changed after the set-up leaves the activity as it was set up.
    const module = (await api(0, steward, "GET", `${modules}/${moduleId}`)).body;
    const edited = LEADING_THROUGH_CHANGE.replace("Exchange in groups (45 min)", "Exchange (30 min)");
    expect(
      (await api(0, steward, "PUT", `${modules}/${moduleId}`, { markdown: edited, etag: module.etag }))
        .status,
    ).toBe(200);
    expect(
      (await api(1, people[0] as Person, "GET", `/activities/${id}`)).body.activity.phases[2].minutes,
    ).toBe(45);

    let step = 0;
    const control = (kind: string, phaseIndex?: number) =>
      api(step++, steward, "POST", `/activities/${id}/controls`, {
        kind,
        requestId: `coaching-${kind}-${phaseIndex ?? ""}`,
        ...(phaseIndex === undefined ? {} : { phaseIndex }),
      });
    for (const [i, p] of people.entries())
      expect((await api(i, p, "POST", `/activities/${id}/join`)).status).toBe(200);
    expect((await control("start")).status).toBe(200);

    // The groups form at the first section: 10 people, two groups of 5, kept to the end.
    const groupsAt = async (i: number) =>
      (await api(i, people[i] as Person, "GET", `/activities/${id}/groups`)).body.groups as Group[];
    const first = await groupsAt(0);
    expect(first.map((g) => g.members.length)).toEqual([5, 5]);
    expect(new Set(first.flatMap((g) => g.members.map((m) => m.id)))).toEqual(
      new Set(people.map((p) => p.id)),
    );
    const early = await api(1, people[1] as Person, "PUT", `/activities/${id}/submissions/action`, {
      text: "x",
    });
    expect(early.status).toBe(400);

    // Reflect, then the exchange: each group keeps its notes, read by that group only.
    expect((await control("next", 0)).status).toBe(200);
    expect((await control("next", 1)).status).toBe(200);
    const view = (await api(1, people[3] as Person, "GET", `/activities/${id}`)).body.activity;
    expect(view.state.phaseId).toBe("section-3");
    expect(view.phases[view.state.phaseIndex].title).toBe("Exchange in groups");
    expect(await groupsAt(1)).toEqual(first);
    for (const [g, group] of first.entries()) {
      const writer = group.members[0] as Person;
      const saved = await api(g, writer, "PUT", `/activities/${id}/submissions/module-notes`, {
        text: `Group ${g + 1}: managers who listened first`,
      });
      expect(saved.status).toBe(200);
    }
    const notesSeenBy = async (p: Person) =>
      (
        (await api(0, p, "GET", `/activities/${id}`)).body.activity.submissions as {
          kind: string;
          text: string;
        }[]
      )
        .filter((s) => s.kind === "module-notes")
        .map((s) => s.text);
    expect(await notesSeenBy(first[0]?.members[4] as Person)).toEqual([
      "Group 1: managers who listened first",
    ]);
    expect(await notesSeenBy(first[1]?.members[4] as Person)).toEqual([
      "Group 2: managers who listened first",
    ]);

    // Actions: everyone at once through both instances, each sent twice; one each, none lost.
    expect((await control("next", 2)).status).toBe(200);
    const actionOf = (p: Person) => `Ask ${p.displayName}'s team what worries them about the change`;
    const sent = await Promise.all(
      people.flatMap((p, i) =>
        [i, i + 1].map((instance) =>
          api(instance, p, "PUT", `/activities/${id}/submissions/action`, { text: actionOf(p) }),
        ),
      ),
    );
    expect(sent.map((r) => r.status)).toEqual(sent.map(() => 200));
    const actions = (
      (await api(1, steward, "GET", `/activities/${id}`)).body.activity.submissions as {
        kind: string;
      }[]
    ).filter((s) => s.kind === "action");
    // The steward facilitates and reads what everyone may read: actions are for the group only.
    expect(actions).toHaveLength(0);
    const mate = first[0]?.members[0] as Person;
    const groupActions = (
      (await api(0, mate, "GET", `/activities/${id}`)).body.activity.submissions as {
        kind: string;
        by: Person;
      }[]
    ).filter((s) => s.kind === "action");
    expect(groupActions.map((s) => s.by.id).sort()).toEqual(first[0]?.members.map((m) => m.id).sort());
    expect((await control("end")).status).toBe(200);

    // After the end: one rating per person (a retry and the other instance keep one), 1–5 only,
    // and only from those who took part.
    const ratings = [5, 4, 4, 5, 3, 4, 2, 5, 4, 4];
    const rated = await Promise.all(
      people.flatMap((p, i) =>
        [i, i + 1].map((instance) =>
          api(instance, p, "PUT", `/activities/${id}/submissions/usefulness`, { text: String(ratings[i]) }),
        ),
      ),
    );
    expect(rated.map((r) => r.status)).toEqual(rated.map(() => 200));
    const bad = await api(0, people[0] as Person, "PUT", `/activities/${id}/submissions/usefulness`, {
      text: "7",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe("Give your usefulness rating as a whole number from 1 to 5.");
    expect(
      (await api(1, outsider, "PUT", `/activities/${id}/submissions/usefulness`, { text: "1" })).status,
    ).toBe(403);
    // A rating is the writer's own: nobody else reads it.
    const seen = (await api(0, people[1] as Person, "GET", `/activities/${id}`)).body.activity
      .submissions as {
      kind: string;
      by: Person;
    }[];
    expect(seen.filter((s) => s.kind === "usefulness").map((s) => s.by.id)).toEqual([people[1]?.id]);

    // The stewards' report on the module: every rating once, the average from 5 ratings on.
    const report = await api(1, steward, "GET", `${modules}/${moduleId}/ratings`);
    expect(report.body).toMatchObject({
      sessions: 1,
      count: 10,
      distribution: [0, 1, 1, 5, 3],
      average: 4,
      minimumForAverage: 5,
    });
    expect((await api(0, people[0] as Person, "GET", `${modules}/${moduleId}/ratings`)).status).toBe(403);

    // The actions are commitments, followed through in My learning (handed over by the close).
    const commitments = await eventually(async () => {
      const mine = await api(0, people[0] as Person, "GET", "/me/commitments");
      return JSON.stringify(mine.body).includes(actionOf(people[0] as Person)) ? mine.body : undefined;
    }, "the action as a commitment");
    expect(JSON.stringify(commitments)).toContain(actionOf(people[0] as Person));
  });
});
