import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type AppLinks, parseEntryWebUrl } from "../../src/bot/links.js";
import { demoPeople } from "../../src/local/demoCommunity.js";
import { ConnectorRecorder, type RecordedActivity } from "../support/connectorRecorder.js";
import { org } from "../support/orgFixture.js";
import {
  invokeActivity,
  messageActivity,
  postActivity,
  postInvoke,
  teamsUser,
} from "../support/teamsActivities.js";
import { startTestServer, type TestServer, tokenFor } from "../support/testServer.js";

/**
 * Asking the community over the Bot Framework protocol, against the demo community's library:
 * in personal chat (any text, or `ask …`) and by @mentioning the bot in a channel; the answer
 * quotes entries with Teams citations that open them; "don't know" when the library has no
 * answer, and the question then goes to the library as an open question, once. Only the asker's
 * communities are read: not a private community they are not in, not another tenant.
 */
type Person = { id: string; displayName: string };
// biome-ignore lint/suspicious/noExplicitAny: activity JSON is loosely shaped
type Json = any;

const CITATION_TYPE = "https://schema.org/Message";

function cardOf(activity: RecordedActivity | undefined): Json {
  return activity?.body.attachments?.find((a) => a.contentType === "application/vnd.microsoft.card.adaptive")
    ?.content;
}

function citationsOf(activity: RecordedActivity | undefined): Json[] {
  const entities = (activity?.body.entities ?? []) as Json[];
  return entities.find((e) => e.type === CITATION_TYPE)?.citation ?? [];
}

/** The entry a link opens: its web address, or the Teams deep link whose `subEntityId` names it. */
function entryOfLink(links: AppLinks, url: string): { communityId: string; entryId: string } | undefined {
  const web = parseEntryWebUrl(links, url);
  if (web) return web;
  const context = new URL(url).searchParams.get("context");
  const sub = context ? (JSON.parse(context) as { subEntityId?: string }).subEntityId : undefined;
  const [kind, communityId, entryId] = (sub ?? "").split(":");
  return kind === "entry" && communityId && entryId ? { communityId, entryId } : undefined;
}

describe("asking the community in chat, over the Bot Framework protocol", () => {
  let server: TestServer;
  let links: AppLinks;
  const connector = new ConnectorRecorder();
  const [steward, member] = demoPeople(org) as unknown as [Person, Person];
  const demoIds = new Set(demoPeople(org).map((p) => p.id));
  const outsider = org.users.find((u) => !demoIds.has(u.id)) as Person;

  const ask = async (text: string, as: Person, extra: Record<string, unknown> = {}) => {
    connector.clear();
    const activity = {
      ...messageActivity(text, { serviceUrl: connector.serviceUrl, from: teamsUser(as) }),
      ...extra,
    };
    const res = await postActivity(server.baseUrl, activity);
    expect(res.status).toBe(200);
    await connector.waitFor(1);
    return { reply: connector.activities[0], activity };
  };

  /** The entry a citation opens, read through the tab's API as the asker: it must exist and be theirs to read. */
  const citedEntry = async (citation: Json, as: Person) => {
    const target = entryOfLink(links, citation.appearance.url);
    expect(target, citation.appearance.url).toBeDefined();
    const res = await fetch(
      `${server.baseUrl}/api/communities/${encodeURIComponent(target?.communityId ?? "")}/entries/${encodeURIComponent(target?.entryId ?? "")}`,
      { headers: { authorization: `Bearer ${await tokenFor(server.baseUrl, as.id)}` } },
    );
    expect(res.status).toBe(200);
    return (await res.json()) as Json;
  };

  beforeAll(async () => {
    await connector.start();
    server = await startTestServer({ demo: true, env: { DEMO: "full" } });
    links = { publicUrl: server.config.publicUrl, teamsAppId: server.config.teamsAppId };
    // A question before a library is loaded answers from what is loaded so far (by design); these
    // tests are about what a loaded library answers, so each of the member's libraries is loaded
    // first (a busy machine took more than the first search's wait to load the demo's).
    const headers = { authorization: `Bearer ${await tokenFor(server.baseUrl, member.id)}` };
    const listed = (await (await fetch(`${server.baseUrl}/api/communities`, { headers })).json()) as Json;
    const mine = (listed.items as { id: string; isMember: boolean }[]).filter((c) => c.isMember);
    expect(mine.length).toBeGreaterThan(0);
    for (const c of mine) {
      for (;;) {
        const url = `${server.baseUrl}/api/communities/${encodeURIComponent(c.id)}/entries?q=table`;
        const page = (await (await fetch(url, { headers })).json()) as Json;
        if (!page.incomplete) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  });
  afterAll(async () => {
    await server?.close();
    await connector.stop();
  });
  beforeEach(() => connector.clear());

  it("answers a question in personal chat with the accepted answer already given, quoted and cited", async () => {
    const { reply } = await ask("Who owns a table, and how do I find out?", member);
    const text = reply?.body.text ?? "";
    expect(text).toContain("asked and answered before");
    expect(text).toContain(
      "Search for it in the data catalogue: the Owner and Steward fields are on the overview tab. [1]",
    );
    const [citation, ...more] = citationsOf(reply);
    expect(more).toEqual([]);
    expect(citation).toMatchObject({
      "@type": "Claim",
      position: 1,
      appearance: { "@type": "DigitalDocument" },
    });
    expect(citation.appearance.abstract.length).toBeLessThanOrEqual(160);
    const entry = await citedEntry(citation, member);
    expect(entry.title).toBe("How do I find out who owns a table?");
    expect(citation.appearance.name).toBe(entry.title);
    const entity = ((reply?.body.entities ?? []) as Json[]).find((e) => e.type === CITATION_TYPE);
    expect(entity).toMatchObject({ "@type": "Message", "@context": "https://schema.org", "@id": "" });
    expect(entity.additionalType).toBeUndefined();
    const notHelpful = cardOf(reply).actions.find((a: Json) => a.title === "Not helpful");
    expect(notHelpful).toMatchObject({ type: "Action.Execute", verb: "ask.openQuestion" });
  });

  it("answers `ask …` from the passages that answer, each marker with its citation", async () => {
    const { reply } = await ask("ask when should I use Data Factory instead of Airflow?", member);
    const text = reply?.body.text ?? "";
    expect(text).toContain("Data Factory is simpler and cheaper");
    const citations = citationsOf(reply);
    const markers = [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    expect(markers.length).toBeGreaterThan(0);
    for (const n of markers) expect(citations.map((c) => c.position)).toContain(n);
    const entry = await citedEntry(citations[0], member);
    expect(entry.title).toBe("Which tool should we use for orchestration of new pipelines?");
  });

  it("answers an @mention in a channel, in the thread it was asked in", async () => {
    const channelId = "19:askchannel@thread.tacv2;messageid=1700000000000";
    const { reply } = await ask(
      "<at>PeerCircle</at> How do I request access to a restricted dataset?",
      member,
      {
        conversation: { id: channelId, conversationType: "channel", isGroup: true, tenantId: org.tenantId },
        channelData: {
          tenant: { id: org.tenantId },
          team: { id: "19:team@thread.tacv2" },
          channel: { id: "19:askchannel@thread.tacv2" },
        },
        entities: [
          {
            type: "mention",
            text: "<at>PeerCircle</at>",
            mentioned: { id: "28:peercircle-bot", name: "PeerCircle" },
          },
        ],
      },
    );
    expect(reply?.conversationId).toBe(channelId);
    const entry = await citedEntry(citationsOf(reply)[0], member);
    expect(entry.title).toBe("How to request access to a restricted dataset");
    expect(reply?.body.text).toContain("[1]");
  });

  it("does not take a chat message that does not mention the bot as a question", async () => {
    const { reply } = await ask("How do I request access to a restricted dataset?", member, {
      conversation: { id: "19:groupchat@thread.v2", conversationType: "groupChat", tenantId: org.tenantId },
    });
    expect(citationsOf(reply)).toEqual([]);
    expect(reply?.body.text).toContain("I didn't catch that");
  });

  it("says it does not know rather than guess, and posts the question to the library once when asked to", async () => {
    const { reply, activity } = await ask("How do I book a meeting room in the Munich office?", member);
    expect(reply?.body.text).toContain("could not find an answer");
    expect(citationsOf(reply)).toEqual([]);
    const button = cardOf(reply).actions.find((a: Json) => a.title === "Ask the community");
    expect(button.data).toMatchObject({
      askedIn: activity.id,
      question: "How do I book a meeting room in the Munich office?",
    });

    const press = () =>
      postInvoke(
        server.baseUrl,
        invokeActivity(
          "adaptiveCard/action",
          { action: { type: "Action.Execute", verb: button.verb, data: button.data } },
          {
            serviceUrl: connector.serviceUrl,
            from: teamsUser(member),
            conversationId: activity.conversation.id,
          },
        ),
      );
    const first = await press();
    expect(first.status).toBe(200);
    expect(JSON.stringify(first.body.value)).toContain("now open in");
    const again = await press();
    expect(JSON.stringify(again.body.value)).toContain("already open in");

    const token = await tokenFor(server.baseUrl, member.id);
    const res = await fetch(
      `${server.baseUrl}/api/entries/search?text=${encodeURIComponent("meeting room Munich")}&type=qa&answered=false`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    const found = ((await res.json()) as Json).items.filter((i: Json) => i.title.includes("Munich"));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ type: "qa", author: { id: member.id } });
  });

  it("reads only the asker's communities: not a private community they are not in, not another tenant", async () => {
    // A private community of the steward's with an entry the member cannot see.
    const token = await tokenFor(server.baseUrl, steward.id);
    const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const created = await fetch(`${server.baseUrl}/api/communities`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({
        name: "Stewards only",
        purpose: "Private notes of the stewards.",
        privacy: "private",
      }),
    });
    expect(created.status).toBe(201);
    const community = (await created.json()) as Json;
    const saved = await fetch(`${server.baseUrl}/api/communities/${community.id}/entries`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({
        type: "howto",
        title: "Rotating the zebra gateway certificates",
        body: "Rotate the zebra gateway certificates every quarter with the vault job, then restart the gateway.",
      }),
    });
    expect(saved.status).toBe(201);
    const question = "How do we rotate the zebra gateway certificates?";

    // Its member finds it (so the member's "don't know" below is the privacy at work, not a miss).
    const own = await ask(question, steward);
    expect(citationsOf(own.reply).map((c) => c.appearance.name)).toContain(
      "Rotating the zebra gateway certificates",
    );

    const other = await ask(question, member);
    expect(other.reply?.body.text).toContain("could not find an answer");
    expect(JSON.stringify(other.reply?.body)).not.toContain("zebra gateway certificates every quarter");

    const stranger = await ask("Who owns a table, and how do I find out?", outsider);
    expect(citationsOf(stranger.reply)).toEqual([]);
    expect(JSON.stringify(cardOf(stranger.reply))).toContain("not a member of any community");

    const foreign = await ask("Who owns a table, and how do I find out?", member, {
      conversation: {
        id: "a:foreign",
        conversationType: "personal",
        tenantId: "00000000-0000-4000-8000-00000000beef",
      },
      channelData: { tenant: { id: "00000000-0000-4000-8000-00000000beef" } },
    });
    expect(citationsOf(foreign.reply)).toEqual([]);
    expect(foreign.reply?.body.text).toContain("not enabled for your organisation");
  });
});
