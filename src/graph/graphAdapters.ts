import type { OrgContextCache } from "../domain/people/orgContextCache.js";
import type { MeetingScheduler } from "../domain/sessions/meetingScheduler.js";
import { GraphClients } from "./graphClient.js";
import { createTokenSource, type GraphAuthConfig } from "./graphCredentials.js";
import { type DirectoryLog, GraphDirectory } from "./graphDirectory.js";
import { GraphMeetingScheduler } from "./graphMeetingScheduler.js";

/** How often the org context cache is brought in step with `/users/delta`. */
const ORG_CONTEXT_REFRESH_MS = 15 * 60_000;

export interface GraphAdapters {
  directory: GraphDirectory;
  meetingScheduler: MeetingScheduler;
  close(): Promise<void>;
}

/** The Graph adapters the composition root wires: the directory (cached) and the meeting scheduler. */
export function createGraphAdapters(options: {
  baseUrl: string;
  auth: GraphAuthConfig;
  cacheTtlMs: number;
  /** Where people read from Graph are kept for every instance (Azure Tables in production). */
  cache: OrgContextCache;
  log?: DirectoryLog;
}): GraphAdapters {
  const clients = new GraphClients({ baseUrl: options.baseUrl, tokens: createTokenSource(options.auth) });
  const directory = new GraphDirectory({
    clients,
    cache: options.cache,
    ttlMs: options.cacheTtlMs,
    ...(options.log ? { log: options.log } : {}),
  });
  directory.startBackgroundRefresh(ORG_CONTEXT_REFRESH_MS);
  return {
    directory,
    meetingScheduler: new GraphMeetingScheduler(clients, directory),
    close: () => directory.stop(),
  };
}
