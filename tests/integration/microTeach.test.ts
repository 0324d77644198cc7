import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sanitizeMarkdown } from "../../src/domain/library/messageContent/index.js";
import { demoPeople } from "../../src/local/demoCommunity.js";
import { TableStore } from "../../src/storage/tableStore.js";
import { TablesEntryRepository } from "../../src/storage/tablesEntryRepository.js";
import { eventually, MeetingInstances, type Person } from "../support/meetingInstances.js";
import { org } from "../support/orgFixture.js";
import type { TestServer } from "../support/testServer.js";

/**
 * A micro-teach on the activity engine, through the side panel's API on two instances with 9
 * people: the community's topic queue (proposed once per request, picked by a steward or the
 * rota's micro-teacher, who is offered first), the set-up from a picked topic (its proposer
 * teaches), notes only the teacher writes, questions voted on, answers only the teacher gives
 * (kept with each question, most voted first), one thing each learned (My learning); the close —
 * run by both instances — saves each answered question once as an answered Q&A entry crediting the
 * teacher, and records once that each attendee learned from the teacher.
 */
const MEETING_CHAT = "19:meeting_TWljcm9UZWFjaFRlc3Q@thread.v2";
const MEETING_ID = "MCMxOTptZWV0aW5nX1RXbGpjbTlVWldGamFGUmxjM1FAdGhyZWFkLnYyIzA=";

type Item = {
  kind: string;
  ownerId: string;
  itemId: string;
  text: string;
  votes: number;
  answer?: { text: string; by: Person };
};

describe("Micro-teach on the activity engine", () => {
  const [steward, ...members] = demoPeople(org) as unknown as [Person, ...Person[]];
  const people = members.slice(0, 9);
  const [teacher, second, rotaTeacher, ...learners] = people as [Person, Person, Person, ...Person[]];
  let meeting: MeetingInstances;

  const api = (...args: Parameters<MeetingInstances["api"]>) => meeting.api(...args);

  beforeAll(async () => {
    meeting = await MeetingInstances.start(2, { chat: MEETING_CHAT, meetingId: MEETING_ID });
  });
  afterAll(async () => {
    await meeting?.close();
  });

  it("keeps a topic queue per community: proposed once, picked by a steward or the rota's micro-teacher", async () => {
    const topics = `/communities/${meeting.communityId}/micro-teach-topics`;
    const proposal = { text: "Regex lookarounds in five minutes", requestId: "topic-1" };
    expect((await api(0, teacher, "POST", topics, proposal)).status).toBe(201);
    // Teams or the tab retrying the same proposal adds nothing.
    const again = await api(1, teacher, "POST", topics, proposal);
    expect(again.body.topics.filter((t: { text: string }) => t.text === proposal.text)).toHaveLength(1);
    const other = await api(1, second, "POST", topics, {
      text: "Feature flags that clean up",
      requestId: "t2",
    });
    expect(other.status).toBe(201);
    expect((await api(0, second, "POST", topics, { text: "x", requestId: "t3" })).status).toBe(400);

    // Nobody on the rota yet: a member may not pick; a steward picks, and the proposer teaches.
    const listed = await api(0, second, "GET", topics);
    expect(listed.body.canPick).toBe(false);
    const [regex, flags] = ["Regex lookarounds", "Feature flags"].map(
      (start) => listed.body.topics.find((t: { text: string }) => t.text.startsWith(start)).id as string,
    );
    expect((await api(1, second, "POST", `${topics}/${regex}/pick`, {})).status).toBe(403);
    const picked = await api(0, steward, "POST", `${topics}/${regex}/pick`, {});
    expect(picked.status).toBe(200);
    expect(picked.body.topics[0]).toMatchObject({ id: regex, picked: { teacher: { id: teacher.id } } });

    // The rota names a micro-teacher: offered first, and they may pick too.
    const session = await api(0, steward, "POST", `/communities/${meeting.communityId}/sessions`, {
      title: "Micro-teach slot",
      format: "micro-teach",
      startsAt: new Date(Date.now() + 2 * 60_000).toISOString(),
    });
    expect(session.status).toBe(201);
    expect(
      (
        await api(
          1,
          steward,
          "PUT",
          `/communities/${meeting.communityId}/sessions/${session.body.id}/roles/micro-teacher`,
          {
            person: rotaTeacher,
          },
        )
      ).status,
    ).toBe(200);
    const withRota = await api(1, rotaTeacher, "GET", topics);
    expect(withRota.body).toMatchObject({ rotaTeacher: { id: rotaTeacher.id }, canPick: true });
    const byRota = await api(0, rotaTeacher, "POST", `${topics}/${flags}/pick`, {});
    expect(byRota.body.topics.find((t: { id: string }) => t.id === flags).picked.teacher.id).toBe(
      rotaTeacher.id,
    );
    expect(
      (await api(0, steward, "POST", `${topics}/${flags}/pick`, { teacherId: learners[0]?.id })).status,
    ).toBe(400);
  });

  it("runs from a picked topic to answered Q&A entries and who learned from the teacher, once across instances", async () => {
    const communityId = meeting.communityId;
    const startedAt = new Date().toISOString();
    const topics = `/communities/${communityId}/micro-teach-topics`;
    const queue = await api(0, steward, "GET", topics);
    const topic = queue.body.topics.find((t: { text: string }) => t.text.startsWith("Regex")) as {
      id: string;
    };
    const setUp = (requestId: string, minutes: Record<string, number> = {}) =>
      api(0, steward, "POST", "/activities", {
        format: "micro-teach",
        communityId,
        conversationId: MEETING_CHAT,
        meetingId: MEETING_ID,
        prompt: "Regex lookarounds in five minutes",
        topicId: topic.id,
        minutes,
        requestId,
      });
    // A set-up refused (minutes out of bounds) leaves the topic in the queue.
    expect((await setUp("micro-setup-0", { teach: 99 })).status).toBe(400);
    expect(
      (await api(1, steward, "GET", topics)).body.topics.some((t: { id: string }) => t.id === topic.id),
    ).toBe(true);
    const created = await setUp("micro-setup-1");
    expect(created.status).toBe(201);
    const id: string = created.body.activity.id;
    expect(created.body.activity.roleHolders).toEqual({
      teacher: { id: teacher.id, displayName: teacher.displayName },
    });
    // The topic was taught: it leaves the queue, and a second activity cannot teach it again.
    expect(
      (await api(1, steward, "GET", topics)).body.topics.some((t: { id: string }) => t.id === topic.id),
    ).toBe(false);
    expect((await setUp("micro-setup-2")).status).toBe(400);

    let step = 0;
    const control = (kind: string, phaseIndex?: number) =>
      api(step++, steward, "POST", `/activities/${id}/controls`, {
        kind,
        requestId: `micro-${kind}-${phaseIndex ?? ""}`,
        ...(phaseIndex === undefined ? {} : { phaseIndex }),
      });
    for (const [i, p] of people.entries()) {
      const joined = await api(i, p, "POST", `/activities/${id}/join`);
      expect(joined.status).toBe(200);
      if (p.id === teacher.id) expect(joined.body.activity.me.roles).toEqual(["teacher"]);
    }
    expect((await control("start")).status).toBe(200);
    const notes = "(?=…) looks ahead, (?<=…) looks behind; neither consumes characters.";
    const refused = await api(1, second, "PUT", `/activities/${id}/submissions/teaching-notes`, {
      text: "mine",
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe("Only the teacher writes the teaching notes.");
    expect(
      (await api(0, teacher, "PUT", `/activities/${id}/submissions/teaching-notes`, { text: notes })).status,
    ).toBe(200);

    // Questions, one of them sent twice (a retry), voted on.
    expect((await control("next", 0)).status).toBe(200);
    const questions = [
      "Do lookbehinds work in JavaScript?",
      "Can a lookahead be negative?",
      "What do lookarounds cost?",
      "Where would you not use them?",
    ];
    for (const [i, text] of questions.entries()) {
      const asker = learners[i] as Person;
      for (const instance of [0, 1])
        expect(
          (
            await api(instance, asker, "POST", `/activities/${id}/submissions/teach-question`, {
              text,
              requestId: `q${i}`,
            })
          ).status,
        ).toBe(200);
    }
    const items = async (i: number, who: Person) =>
      ((await api(i, who, "GET", `/activities/${id}`)).body.activity.submissions as Item[]).filter(
        (s) => s.kind === "teach-question",
      );
    const listed = await items(0, teacher);
    expect(listed).toHaveLength(4);
    const byText = (text: string) => listed.find((s) => s.text === text) as Item;
    const vote = (i: number, voter: Person, item: Item) =>
      api(
        i,
        voter,
        "PUT",
        `/activities/${id}/submissions/teach-question/${item.ownerId}/${item.itemId}/vote`,
      );
    for (const [i, voter] of people.entries()) {
      for (const text of [questions[1], questions[1], questions[2]]) {
        const item = byText(text as string);
        if (item.ownerId !== voter.id) expect((await vote(i, voter, item)).status).toBe(200);
      }
    }
    expect((await items(1, second)).map((s) => s.text).slice(0, 2)).toEqual([questions[1], questions[2]]);

    // Answers: only the teacher; a retried answer stores one; the answer sits under its question.
    expect((await control("next", 1)).status).toBe(200);
    const answerRoute = (item: Item) =>
      `/activities/${id}/submissions/teach-question/${item.ownerId}/${item.itemId}/answer`;
    const notTeacher = await api(0, steward, "PUT", answerRoute(byText(questions[1] as string)), {
      text: "Yes.",
    });
    expect(notTeacher.status).toBe(403);
    const answers = [
      [questions[1] as string, "Yes: (?!…) and (?<!…) match where the pattern does not."],
      [questions[0] as string, "Yes, in every engine Node 20 ships."],
      [questions[2] as string, "Little on their own; nested quantifiers inside them can backtrack badly."],
    ] as const;
    for (const [i, [question, text]] of answers.entries())
      for (const instance of [i, i + 1])
        expect(
          (await api(instance, teacher, "PUT", answerRoute(byText(question)), { text, requestId: `a${i}` }))
            .status,
        ).toBe(200);
    const answered = await items(0, learners[5] as Person);
    expect(answered.map((s) => [s.text, s.answer?.text, s.answer?.by.id])).toEqual([
      [questions[1], answers[0][1], teacher.id],
      [questions[2], answers[2][1], teacher.id],
      [questions[0], answers[1][1], teacher.id],
      [questions[3], undefined, undefined],
    ]);

    // One thing each learned, into their My learning.
    expect((await control("next", 2)).status).toBe(200);
    for (const [i, p] of people.entries())
      expect(
        (
          await api(i, p, "PUT", `/activities/${id}/submissions/learned`, {
            text: `Lookarounds, noted by ${p.displayName}`,
          })
        ).status,
      ).toBe(200);
    // My learning has it a moment later (the copies of a burst are written together, after it).
    const noted = `Lookarounds, noted by ${learners[0]?.displayName}`;
    await eventually(async () => {
      const learning = await api(1, learners[0] as Person, "GET", "/me/learning");
      return JSON.stringify(learning.body).includes(noted) ? true : undefined;
    }, "the learned note in My learning");
    // Edited, and the activity ended at once: the edit reaches My learning too (written by the
    // instance that ends it, by the other's timer, or by the close), replacing the first text.
    const last = people.at(-1) as Person;
    const edited = `Lookbehinds too, noted by ${last.displayName}`;
    expect(
      (await api(people.length - 1, last, "PUT", `/activities/${id}/submissions/learned`, { text: edited }))
        .status,
    ).toBe(200);
    expect((await control("end")).status).toBe(200);
    await eventually(async () => {
      const body = JSON.stringify((await api(0, last, "GET", "/me/learning")).body);
      return body.includes(edited) && !body.includes(`Lookarounds, noted by ${last.displayName}`)
        ? true
        : undefined;
    }, "the edited note in My learning");

    // The close (either instance, or both): one answered Q&A entry per answered question.
    const entryIdOf = (item: Item) => `micro-teach-${id}-teach-question-${item.itemId}`;
    for (const [question, text] of answers) {
      const item = byText(question);
      const entry = await eventually(async () => {
        const res = await api(
          0,
          learners[4] as Person,
          "GET",
          `/communities/${communityId}/entries/${entryIdOf(item)}`,
        );
        return res.status === 200 && res.body.answered ? res.body : undefined;
      }, `the Q&A entry of "${question}"`);
      expect(entry).toMatchObject({
        type: "qa",
        title: question,
        author: { id: item.ownerId },
        source: { kind: "meeting", activityId: id, meetingId: MEETING_ID },
        tags: ["micro-teach"],
      });
      const rows = await api(
        1,
        learners[4] as Person,
        "GET",
        `/communities/${communityId}/entries/${entryIdOf(item)}/answers`,
      );
      expect(
        rows.body.items.map((a: { body: string; author: Person; accepted: boolean }) => [
          a.body,
          a.author.id,
          a.accepted,
        ]),
      ).toEqual([[sanitizeMarkdown(text).trim(), teacher.id, true]]);
    }
    // The unanswered question stays in the activity (a micro-teach routes nothing on).
    expect(
      (
        await api(
          0,
          steward,
          "GET",
          `/communities/${communityId}/entries/${entryIdOf(byText(questions[3] as string))}`,
        )
      ).status,
    ).toBe(404);

    // Everyone who took part learned from the teacher: one "taught" fact each, however many closes ran.
    const server = meeting.servers[0] as TestServer;
    const store = await TableStore.connect({
      connectionString: server.config.storage.connectionString,
      tablePrefix: server.config.storage.tablePrefix,
    });
    const taught = await eventually(async () => {
      const all = (
        await new TablesEntryRepository(store).listInteractions(org.tenantId.toLowerCase(), communityId, "")
      ).filter((i) => i.kind === "taught" && i.at >= startedAt);
      return all.length >= people.length - 1 ? all : undefined;
    }, "the taught facts");
    await new Promise((r) => setTimeout(r, 1_000));
    const again = (
      await new TablesEntryRepository(store).listInteractions(org.tenantId.toLowerCase(), communityId, "")
    ).filter((i) => i.kind === "taught" && i.at >= startedAt);
    expect(again).toHaveLength(taught.length);
    expect(taught.map((f) => f.to.id).every((to) => to === teacher.id)).toBe(true);
    expect(taught.map((f) => f.from.id).sort()).toEqual(
      people
        .filter((p) => p.id !== teacher.id)
        .map((p) => p.id)
        .sort(),
    );
  });
});
