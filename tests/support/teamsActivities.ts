import { randomUUID } from "node:crypto";

/** The synthetic organisation's tenant (fixtures/org-directory.json). */
export const FIXTURE_TENANT_ID = "72f988bf-0000-4000-8000-000000000001";
export const BOT_ID = "28:peercircle-bot";

export type ConversationType = "personal" | "groupChat" | "channel";

interface ActivityOptions {
  serviceUrl: string;
  from?: { id: string; aadObjectId: string; name: string };
  conversationType?: ConversationType;
  conversationId?: string;
}

const defaultUser = {
  id: "29:ngozi",
  aadObjectId: "ef06e6ff-e17f-482d-a92b-4c227dae3826",
  name: "Ngozi Ivanova",
};

/** The common envelope of an activity as Teams sends it to a bot (msteams channel). */
function envelope(type: string, options: ActivityOptions) {
  const conversationType = options.conversationType ?? "personal";
  return {
    type,
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: "msteams",
    serviceUrl: options.serviceUrl,
    from: options.from ?? defaultUser,
    recipient: { id: BOT_ID, name: "PeerCircle" },
    conversation: {
      id: options.conversationId ?? `a:${randomUUID()}`,
      conversationType,
      tenantId: FIXTURE_TENANT_ID,
      ...(conversationType === "channel" ? { isGroup: true } : {}),
    },
    channelData: {
      tenant: { id: FIXTURE_TENANT_ID },
      ...(conversationType === "channel"
        ? { team: { id: "19:team@thread.tacv2" }, channel: { id: "19:channel@thread.tacv2" } }
        : {}),
    },
    locale: "en-US",
  };
}

/** A chat message from a person to the bot. */
export function messageActivity(text: string, options: ActivityOptions) {
  return { ...envelope("message", options), text, textFormat: "plain" };
}

/** The conversationUpdate Teams sends when the app (bot) is installed in a scope. */
export function botInstalledActivity(options: ActivityOptions) {
  return { ...envelope("conversationUpdate", options), membersAdded: [{ id: BOT_ID }] };
}

/** Posts an activity to the bot endpoint as the Bot Connector would. */
export async function postActivity(
  baseUrl: string,
  activity: object,
  authorization?: string,
): Promise<Response> {
  return fetch(`${baseUrl}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(activity),
  });
}

/** A person of the organisation as Teams names them in activities. */
export function teamsUser(user: { id: string; displayName: string }) {
  return { id: `29:${user.id}`, aadObjectId: user.id, name: user.displayName };
}

/** An invoke activity (message extension, dialog, card action) as Teams sends it. */
export function invokeActivity(
  name: string,
  value: unknown,
  options: ActivityOptions & { activityId?: string },
) {
  const base = envelope("invoke", options);
  return { ...base, ...(options.activityId ? { id: options.activityId } : {}), name, value };
}

/** Posts an invoke and returns Teams' view of it: the HTTP status and the invoke response body. */
// biome-ignore lint/suspicious/noExplicitAny: invoke bodies are loosely shaped JSON read by tests
export async function postInvoke(baseUrl: string, activity: object): Promise<{ status: number; body: any }> {
  const res = await postActivity(baseUrl, activity);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/**
 * Installs the app in the demo community's team, as Teams tells the bot: afterwards the bot knows
 * where the community's channel is (it stores the conversation reference). `connector` receives the
 * welcome card, which is cleared.
 */
export async function installInDemoTeam(
  baseUrl: string,
  connector: { serviceUrl: string; waitFor(count: number): Promise<void>; clear(): void },
  team: { teamId: string; channelId: string },
): Promise<void> {
  const installed = botInstalledActivity({
    serviceUrl: connector.serviceUrl,
    conversationType: "channel",
    conversationId: team.channelId,
  });
  installed.channelData = {
    ...installed.channelData,
    team: { id: team.teamId },
    channel: { id: team.channelId },
  };
  await postActivity(baseUrl, installed);
  await connector.waitFor(1);
  connector.clear();
}
