import { TeamsAdapter } from "@microsoft/teams-ai";
import { describe, expect, it } from "vitest";
import { keepConnectorClients } from "../../src/bot/keptConnectorClients.js";

type Auth = {
  authenticateRequest(
    activity: unknown,
    header: string,
  ): Promise<{
    claimsIdentity: ClaimsIdentity;
    connectorFactory?: { create(url: string, audience?: string): Promise<unknown> };
  }>;
  createConnectorFactory(identity: ClaimsIdentity): {
    create(url: string, audience?: string): Promise<unknown>;
  };
  createUserTokenClient(identity: ClaimsIdentity): Promise<unknown>;
};
const authOf = (adapter: TeamsAdapter) =>
  (adapter as unknown as { botFrameworkAuthentication: Auth }).botFrameworkAuthentication;
/** A bot's claims (its app id as the audience), shaped as botbuilder's ClaimsIdentity. */
const bot = (appId: string) => ({
  isAuthenticated: true,
  claims: [{ type: "aud", value: appId }],
  getClaimValue: (type: string) => (type === "aud" ? appId : null),
});
type ClaimsIdentity = ReturnType<typeof bot>;
const SERVICE = "https://smba.trafficmanager.net/emea/";

describe("keepConnectorClients", () => {
  it("makes one Bot Connector client per app id, service URL and audience, not one per turn", async () => {
    const adapter = new TeamsAdapter({});
    const auth = authOf(adapter);
    const before = [
      await auth.createConnectorFactory(bot("app")).create(SERVICE),
      await auth.createConnectorFactory(bot("app")).create(SERVICE),
    ];
    expect(before[0]).not.toBe(before[1]); // botbuilder alone: a new client every time

    keepConnectorClients(adapter);
    const first = await auth.createConnectorFactory(bot("app")).create(SERVICE);
    expect(await auth.createConnectorFactory(bot("app")).create(SERVICE)).toBe(first);
    // Another service URL, audience or app id has its own client.
    const others = [
      await auth.createConnectorFactory(bot("app")).create("https://smba.trafficmanager.net/amer/"),
      await auth.createConnectorFactory(bot("app")).create(SERVICE, "https://api.botframework.us"),
      await auth.createConnectorFactory(bot("other-app")).create(SERVICE),
    ];
    expect(new Set([first, ...others]).size).toBe(4);
    expect((first as { baseUri?: string }).baseUri).toBe(SERVICE);
  });

  it("gives an authenticated turn the kept client, and keeps the user-token client per app id", async () => {
    const adapter = new TeamsAdapter({});
    keepConnectorClients(adapter);
    const auth = authOf(adapter);
    // No app id configured: botbuilder lets an unsigned request through as anonymous (local mode).
    const activity = { type: "message", serviceUrl: SERVICE, channelId: "msteams" };
    const one = await auth.authenticateRequest(activity, "");
    const two = await auth.authenticateRequest(activity, "");
    const client = await one.connectorFactory?.create(SERVICE);
    expect(client).toBeDefined();
    expect(await two.connectorFactory?.create(SERVICE)).toBe(client);
    expect(await auth.createUserTokenClient(one.claimsIdentity)).toBe(
      await auth.createUserTokenClient(two.claimsIdentity),
    );
  });

  it("does not keep a client whose making failed: the next turn tries again", async () => {
    let attempts = 0;
    const made = { made: true };
    const auth: Auth = {
      authenticateRequest: async () => ({ claimsIdentity: bot("app") }),
      createConnectorFactory: () => ({
        create: async () => {
          attempts++;
          if (attempts === 1) throw new Error("credentials unavailable");
          return made;
        },
      }),
      createUserTokenClient: async () => ({}),
    };
    keepConnectorClients({ botFrameworkAuthentication: auth } as unknown as TeamsAdapter);
    await expect(auth.createConnectorFactory(bot("app")).create(SERVICE)).rejects.toThrow(
      "credentials unavailable",
    );
    expect(await auth.createConnectorFactory(bot("app")).create(SERVICE)).toBe(made);
    expect(await auth.createConnectorFactory(bot("app")).create(SERVICE)).toBe(made);
    expect(attempts).toBe(2);
  });
});
