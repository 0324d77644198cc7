import type { Steward } from "../../api/communities.js";

/** Whether the configuration page creates a community or connects an existing one. */
export type ConfigMode = "create" | "connect";

/** What a person fills in to create a community from the configuration page. */
export interface CommunityDraft {
  name: string;
  purpose: string;
  domain: string;
  /** Comma-separated, as typed. */
  tags: string;
  privacy: "open" | "private";
  /** Stewards besides the creator (who becomes one automatically). */
  stewards: Steward[];
}

/** An empty draft. */
export const emptyDraft: CommunityDraft = {
  name: "",
  purpose: "",
  domain: "",
  tags: "",
  privacy: "open",
  stewards: [],
};

/** The field problems of a draft, as i18n keys; empty when the server would accept it. */
export function draftIssues(draft: CommunityDraft): {
  name?: "config.nameRequired";
  purpose?: "config.purposeRequired";
} {
  return {
    ...(draft.name.trim().length < 3 ? { name: "config.nameRequired" as const } : {}),
    ...(draft.purpose.trim() === "" ? { purpose: "config.purposeRequired" as const } : {}),
  };
}

/** Tags as the server wants them: trimmed, lower case, no empties, no duplicates, at most 20. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(",")
    .map((tag) => tag.trim().toLowerCase())
    .filter((tag) => tag.length > 0);
  return [...new Set(tags)].slice(0, 20);
}

/** Whether Teams' Save button may be pressed. */
export function isConfigValid(mode: ConfigMode, draft: CommunityDraft, selectedId: string): boolean {
  if (mode === "connect") return selectedId !== "";
  return Object.keys(draftIssues(draft)).length === 0;
}
