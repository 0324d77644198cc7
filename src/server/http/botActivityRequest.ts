import { z } from "zod";
import type { AppMode } from "../config.js";

/**
 * What every activity a channel sends to a bot carries, per the Bot Framework protocol
 * (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#activity-object):
 * its type, the channel, the service URL replies go to, the conversation, sender and recipient.
 * An invoke also names what is invoked. Checked before botbuilder sees the body, which otherwise
 * fails on a missing part with a 500 and its own error text.
 */
const account = z.object({ id: z.string().min(1) }).passthrough();

const activityEnvelope = z
  .object({
    type: z.string().min(1),
    channelId: z.string().min(1),
    serviceUrl: z.string().min(1),
    conversation: account,
    from: account,
    recipient: account,
  })
  .passthrough()
  .superRefine((activity, ctx) => {
    if (activity.type === "invoke" && typeof (activity as { name?: unknown }).name !== "string") {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["name"],
        message: "an invoke names what it invokes",
      });
    }
  });

/**
 * Hosts of the Bot Connector service Teams sends as `serviceUrl`: the public cloud
 * (`smba.trafficmanager.net/<region>/`), the Bot Framework's own channels (`*.botframework.com`)
 * and the government clouds (`smba.infra.gcc.teams.microsoft.com`, `*.teams.microsoft.us`).
 * Replies carry the bot's credentials, so they go nowhere else.
 */
const TEAMS_SERVICE_HOSTS = [
  /^smba\.trafficmanager\.net$/,
  /(^|\.)botframework\.com$/,
  /(^|\.)teams\.microsoft\.com$/,
  /(^|\.)teams\.microsoft\.us$/,
];
/** Local mode only: the Agents Playground and test connectors listen on this machine. */
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Whether the bot may send replies to `serviceUrl` in this mode. */
export function isAllowedServiceUrl(serviceUrl: string, mode: AppMode): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  if (mode === "local" && LOOPBACK_HOSTS.has(host))
    return url.protocol === "http:" || url.protocol === "https:";
  return url.protocol === "https:" && TEAMS_SERVICE_HOSTS.some((pattern) => pattern.test(host));
}

/** Why a body is not an activity this bot takes, in words for the caller; undefined when it is. */
export function activityRequestProblem(body: unknown, mode: AppMode): string | undefined {
  const parsed = activityEnvelope.safeParse(body);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join(".") || "body"))];
    return `The activity is missing or has invalid: ${fields.join(", ")}.`;
  }
  if (!isAllowedServiceUrl(parsed.data.serviceUrl, mode)) {
    return "The activity's serviceUrl is not a Microsoft Teams service URL.";
  }
  return undefined;
}

/**
 * Longest search text a message extension query keeps. The library search reads only its first
 * 200 characters and Teams' compose box sends far less; a query of hundreds of kilobytes (the bot
 * endpoint takes up to 1 MB for Save as insight on long messages) would otherwise be copied
 * through botbuilder and teams-ai several times for nothing (issue 14: ~120 MB of peak memory).
 */
export const MAX_COMPOSE_QUERY_CHARS = 1_000;

/** Cuts the parameters of a `composeExtension/query` invoke to {@link MAX_COMPOSE_QUERY_CHARS}, in place. */
export function boundComposeQuery(body: unknown): void {
  const activity = body as { type?: unknown; name?: unknown; value?: { parameters?: unknown } };
  if (activity.type !== "invoke" || activity.name !== "composeExtension/query") return;
  const parameters = activity.value?.parameters;
  if (!Array.isArray(parameters)) return;
  for (const parameter of parameters as { value?: unknown }[]) {
    if (typeof parameter?.value === "string" && parameter.value.length > MAX_COMPOSE_QUERY_CHARS)
      parameter.value = parameter.value.slice(0, MAX_COMPOSE_QUERY_CHARS);
  }
}
