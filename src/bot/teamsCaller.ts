import type { TurnContext } from "botbuilder";
import { ForbiddenError } from "../domain/errors.js";
import type { Caller } from "../domain/identity.js";

/**
 * The person behind an activity, in their tenant. Teams puts the tenant in
 * `conversation.tenantId` (and `channelData.tenant.id`) and the person's Entra object id in
 * `from.aadObjectId`. Tenants outside the allow-list are refused, as for the tab.
 */
export function callerFromActivity(context: TurnContext, allowedTenants: ReadonlySet<string>): Caller {
  const activity = context.activity;
  const tenantId = tenantIdOf(context) ?? "";
  const userId = activity.from?.aadObjectId;
  if (!tenantId || !allowedTenants.has(tenantId)) {
    throw new ForbiddenError("PeerCircle is not enabled for your organisation. Ask your Teams admin.");
  }
  if (!userId) throw new ForbiddenError("PeerCircle needs a signed-in work account.");
  const teamsId = activity.from.id?.startsWith("29:") ? activity.from.id : undefined;
  return { tenantId, userId, displayName: activity.from.name ?? "Someone", ...(teamsId ? { teamsId } : {}) };
}

/** The tenant an activity comes from, lower-cased (`conversation.tenantId`, else `channelData.tenant.id`). */
export function tenantIdOf(context: TurnContext): string | undefined {
  const channelData = context.activity.channelData as { tenant?: { id?: string } } | undefined;
  return (context.activity.conversation?.tenantId ?? channelData?.tenant?.id)?.toLowerCase() || undefined;
}
