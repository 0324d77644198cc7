import type {
  ModuleListView,
  ModuleReport,
  ModuleView,
} from "../../domain/activities/modules/moduleService.js";
import type { ApiClient } from "./ApiClient.js";
import { getJson } from "./apiRequests.js";

/** A community's modules (CoachingOurselves-style) as `/api/communities/:id/modules` serves them. */
export type { ModuleListView, ModuleReport, ModuleView };

const base = (communityId: string) => `/api/communities/${encodeURIComponent(communityId)}/modules`;
const one = (communityId: string, moduleId: string) => `${base(communityId)}/${encodeURIComponent(moduleId)}`;

export function listModules(api: ApiClient, communityId: string, signal?: AbortSignal) {
  return getJson<ModuleListView>(api, base(communityId), signal);
}

/** A steward writes or imports a module; `requestId` keeps a retried save to one module. */
export function createModule(api: ApiClient, communityId: string, markdown: string, requestId: string) {
  return api.request<ModuleView>("POST", base(communityId), { markdown, requestId });
}

/** A steward changes a module on top of the version they read. */
export function updateModule(api: ApiClient, communityId: string, module: ModuleView, markdown: string) {
  return api.request<ModuleView>(
    "PUT",
    one(communityId, module.id),
    { markdown },
    module.etag ? { headers: { "If-Match": module.etag } } : {},
  );
}

/** A steward deletes a module, the version they read. */
export function deleteModule(api: ApiClient, communityId: string, module: ModuleView) {
  return api.request<void>(
    "DELETE",
    one(communityId, module.id),
    undefined,
    module.etag ? { headers: { "If-Match": module.etag } } : {},
  );
}

/** How useful people found a module (stewards only). */
export function getModuleReport(api: ApiClient, communityId: string, moduleId: string, signal?: AbortSignal) {
  return getJson<ModuleReport>(api, `${one(communityId, moduleId)}/ratings`, signal);
}
