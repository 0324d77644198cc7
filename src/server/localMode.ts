import type { Router } from "express";
import type { CommunityRepository } from "../domain/communities/communityRepository.js";
import type { CommunityService } from "../domain/communities/communityService.js";
import type { LibraryService } from "../domain/library/libraryService.js";
import type { PlaybookService } from "../domain/playbooks/playbookService.js";
import type { SessionService } from "../domain/sessions/sessionService.js";
import type { TablesEntryRepository } from "../storage/tablesEntryRepository.js";

/** The services local mode seeds its demo data through, handed over once they are wired. */
export interface LocalModeServices {
  communities: CommunityService;
  sessions: SessionService;
  playbooks: PlaybookService;
  entries: TablesEntryRepository;
  library: LibraryService;
  /** Memberships with their own join dates, so the full demo's insights tell newcomers apart. */
  memberships?: Pick<CommunityRepository, "addMember" | "countMembers" | "setMemberCount">;
  /** Whether a community exists (the local host opens the demo community when it does). */
  communityExists(tenantId: string, communityId: string): Promise<boolean>;
}

/**
 * What local mode adds to a server: the stand-ins for what cannot run here (Microsoft Graph, the
 * Teams host's sign-in) and the demo data. Built in src/local by the local start (`npm start`,
 * tests, screenshots) and handed to `startServer`; production never builds one, so none of that
 * code is loaded where real tenants are served. The server stops it when it stops or fails to start.
 */
export interface LocalMode {
  /** The Graph stand-in's URL, when one runs (Graph auth set, GRAPH_BASE_URL not). */
  graphBaseUrl?: string;
  /** Seeds the demo data (as configured) and gives the local host's routes, served under /local. */
  attach(services: LocalModeServices): Promise<Router>;
  stop(): Promise<void>;
}
