/** A person of the synthetic organisation, as `GET /local/api/users` lists them. */
export interface LocalUser {
  id: string;
  displayName: string;
  jobTitle?: string;
  department?: string;
  mail?: string;
  userPrincipalName: string;
}

/** Where the local tab "is installed", as `GET /local/api/defaults` returns it. */
export interface LocalDefaults {
  tenantId: string;
  teamId: string;
  teamName: string;
  channelId: string;
  channelName: string;
  /** The demo community's id, or null when the server runs without demo data. */
  communityId: string | null;
  userId: string;
  /** The team's Microsoft 365 group id, when the server knows it apart from `teamId`. */
  groupId?: string;
}

async function fetchJson<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, { ...init, headers: { Accept: "application/json", ...init?.headers } });
  if (!response.ok) {
    throw new Error(`${init?.method ?? "GET"} ${path} answered ${response.status} ${response.statusText}`);
  }
  return (await response.json()) as T;
}

/** The people the host can sign in as. */
export function fetchLocalUsers(): Promise<LocalUser[]> {
  return fetchJson<LocalUser[]>("/local/api/users");
}

/** The tenant, team, channel and community the host pretends the tab is installed in. */
export function fetchLocalDefaults(): Promise<LocalDefaults> {
  return fetchJson<LocalDefaults>("/local/api/defaults");
}

/**
 * A tab SSO token for a local user, signed with the server's local key (the server validates it as
 * it validates Entra ID tokens).
 */
export async function fetchLocalToken(userId: string): Promise<string> {
  const { token } = await fetchJson<{ token: string }>("/local/api/token", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ userId }),
  });
  return token;
}
