import { readFileSync } from "node:fs";
import path from "node:path";
import { messageEntryId } from "../../src/domain/library/messageEntryId.js";
import { DEMO_TEAM, demoPeople } from "../../src/local/demoCommunity.js";
import { org } from "../support/orgFixture.js";
import { invokeActivity, postInvoke, teamsUser } from "../support/teamsActivities.js";
import { repoRoot, tokenFor } from "../support/testServer.js";

/** The n-th person of the demo community (0 is its steward), failing loudly if the demo changes. */
function demoPerson(n: number): Person {
  const person = demoPeople(org)[n];
  if (!person) throw new Error(`The demo community has no person ${n}.`);
  return { id: person.id, displayName: person.displayName };
}

/** The demo community's steward (the local host's default user) and two of its members. */
export const demoSteward = demoPerson(0);
export const demoMemberA = demoPerson(1);
export const demoMemberB = demoPerson(2);

/** A person of the synthetic organisation. */
export interface Person {
  id: string;
  displayName: string;
}

/** An entry as the API returns it (only what the tests read). */
export interface EntryJson {
  id: string;
  communityId: string;
  title: string;
  body: string;
  etag: string;
  helpfulCount: number;
  hasVoted: boolean;
  author: Person;
  savedBy: Person;
  verification?: { reviewBy?: string };
  source: { kind: string; link?: string };
}

/** What an entry is made of when a test writes it through the API. */
export interface EntryInput {
  type: "insight" | "qa" | "howto" | "lesson" | "decision" | "playbook";
  title: string;
  body: string;
  summary?: string;
  tags?: string[];
}

/** Calls the tab's API as a person, the way the tab does (a tab token from the local identity provider). */
export async function apiAs(
  baseUrl: string,
  person: Person,
  method: string,
  route: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}/api${route}`, {
    method,
    headers: {
      authorization: `Bearer ${await tokenFor(baseUrl, person.id)}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: response.status === 204 ? undefined : await response.json() };
}

/** Writes an entry through the API and returns it; fails the test on any error. */
export async function createEntry(
  baseUrl: string,
  person: Person,
  communityId: string,
  input: EntryInput,
): Promise<EntryJson> {
  const { status, body } = await apiAs(baseUrl, person, "POST", `/communities/${communityId}/entries`, input);
  if (status !== 201)
    throw new Error(`creating "${input.title}" answered ${status}: ${JSON.stringify(body)}`);
  return body as EntryJson;
}

/** Reads an entry through the API as a person. */
export async function readEntry(
  baseUrl: string,
  person: Person,
  communityId: string,
  entryId: string,
): Promise<EntryJson> {
  const { status, body } = await apiAs(
    baseUrl,
    person,
    "GET",
    `/communities/${communityId}/entries/${entryId}`,
  );
  if (status !== 200) throw new Error(`reading ${entryId} answered ${status}`);
  return body as EntryJson;
}

/** A Teams message from fixtures/teams-messages.json. */
export interface MessageFixture {
  name: string;
  messagePayload: { id: string; body: { content: string }; [key: string]: unknown };
}

/** The message fixtures by name. */
export function messageFixture(name: string): MessageFixture {
  const { messages } = JSON.parse(
    readFileSync(path.join(repoRoot, "fixtures", "teams-messages.json"), "utf8"),
  ) as { messages: MessageFixture[] };
  const fixture = messages.find((m) => m.name === name);
  if (!fixture) throw new Error(`no message fixture named ${name}`);
  return fixture;
}

/** The channel thread the saved fixture messages are "in". */
export const CHANNEL_CONVERSATION =
  "19:a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6@thread.tacv2;messageid=1791216120000";

/**
 * Saves a Teams message as an insight through the real bot protocol, as Teams does: the message
 * action's `composeExtension/fetchTask` (the pre-filled dialog), then `composeExtension/submitAction`
 * with the dialog's values, both POSTed to `/api/messages`. Returns the entry's id.
 */
export async function saveMessageAsInsight(
  baseUrl: string,
  serviceUrl: string,
  saver: Person,
  fixture: MessageFixture,
): Promise<string> {
  const invoke = async (name: string, value: unknown) => {
    const activity = invokeActivity(name, value, {
      serviceUrl,
      conversationType: "channel",
      conversationId: CHANNEL_CONVERSATION,
      from: teamsUser(saver),
    });
    (activity.channelData as Record<string, unknown>).team = { id: DEMO_TEAM.teamId };
    const answer = await postInvoke(baseUrl, activity);
    if (answer.status !== 200) throw new Error(`${name} answered ${answer.status}`);
    return answer.body;
  };
  const command = {
    commandId: "saveInsight",
    commandContext: "message",
    messagePayload: fixture.messagePayload,
  };
  const fetched = await invoke("composeExtension/fetchTask", command);
  if (fetched.task?.type !== "continue")
    throw new Error(`fetchTask for ${fixture.name}: ${JSON.stringify(fetched)}`);
  const card = fetched.task.value.card.content as { body: { id?: string; value?: string }[] };
  const values: Record<string, string> = {};
  for (const element of card.body)
    if (element.id && element.value !== undefined) values[element.id] = element.value;
  const submitted = await invoke("composeExtension/submitAction", {
    ...command,
    data: { ...values, action: "saveInsight" },
  });
  if (!/^Saved|already/i.test(String(submitted?.task?.value ?? ""))) {
    throw new Error(`submitAction for ${fixture.name}: ${JSON.stringify(submitted)}`);
  }
  return messageEntryId(CHANNEL_CONVERSATION, fixture.messagePayload.id);
}

/** The host page's `page` parameter for an entry. */
export function entryPage(communityId: string, entryId: string): string {
  return `/tab/library/${communityId}/${entryId}`;
}
