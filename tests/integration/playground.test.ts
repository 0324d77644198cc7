import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { playgroundCommand, waitForListening } from "../../scripts/playground.js";
import { helpCard } from "../../src/bot/cards/helpCard.js";
import { welcomeCard } from "../../src/bot/cards/welcomeCard.js";
import { launchBrowser, newLocalOnlyContext } from "../support/browser.js";
import { repoRoot, startTestServer, type TestServer } from "../support/testServer.js";

/**
 * The bot in the Microsoft 365 Agents Playground, driven through the playground's own web client in
 * headless Chromium: a person types in its compose box, the playground sends a real Bot Framework
 * activity to the bot's /api/messages, the bot replies to the playground's connector (serviceUrl),
 * and the playground's client renders the card. The client's two websockets (conversation stream
 * and log stream) are recorded to check the protocol on both legs.
 *
 * The playground process runs with a preloaded network guard: any connection or DNS lookup beyond
 * loopback is refused and recorded, and the last test asserts there was none.
 */

/** Preloaded into the playground with NODE_OPTIONS=--require: refuses and records non-loopback traffic. */
const NETWORK_GUARD = `"use strict";
const fs = require("node:fs");
const net = require("node:net");
const dns = require("node:dns");
const LOOPBACK = new Set(["", "localhost", "127.0.0.1", "::1", "::ffff:127.0.0.1"]);
const isLoopback = (host) => host == null || LOOPBACK.has(String(host).replace(/^\\[|\\]$/g, "").toLowerCase()) || /^127\\./.test(String(host));
const record = (what) => fs.appendFileSync(process.env.NETWORK_GUARD_LOG, what + "\\n");
fs.writeFileSync(process.env.NETWORK_GUARD_READY, String(process.pid));
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options = typeof first === "object" && first !== null ? first : { port: first, host: typeof args[1] === "string" ? args[1] : undefined };
  if (!options.path && !isLoopback(options.host)) {
    record("connect " + options.host + ":" + options.port);
    process.nextTick(() => this.destroy(Object.assign(new Error("network guard: " + options.host + " refused"), { code: "ECONNREFUSED" })));
    return this;
  }
  return connect.apply(this, args);
};
for (const target of [dns, dns.promises]) {
  const lookup = target.lookup;
  target.lookup = function (hostname, ...rest) {
    if (isLoopback(hostname)) return lookup.call(this, hostname, ...rest);
    record("lookup " + hostname);
    const error = Object.assign(new Error("network guard: " + hostname + " refused"), { code: "ENOTFOUND" });
    const callback = rest.find((r) => typeof r === "function");
    if (callback) { process.nextTick(() => callback(error)); return {}; }
    return Promise.reject(error);
  };
}
`;

const PLAYGROUND = "Microsoft 365 Agents Playground";
const BOT = "User Application";
const ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

/** One entry of the playground's log stream: an activity between the playground and the bot. */
interface LoggedActivity {
  activityName: string;
  from: string;
  to: string;
  displayText?: string;
  request?: { body?: Record<string, unknown> & { id?: string; replyToId?: string; text?: string } };
  response?: { statusCode?: number };
}

interface Attachment {
  contentType: string;
  content: unknown;
}

/** The text of the first TextBlock in a card: what the playground's renderer shows first. */
function firstText(card: { body: Record<string, unknown>[] }): string {
  const block = card.body.find((element) => element.type === "TextBlock");
  if (typeof block?.text !== "string") throw new Error("card has no TextBlock");
  return block.text;
}

/** A card as JSON carries it (undefined properties dropped). */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe("the bot in the Microsoft 365 Agents Playground", () => {
  let scratch: string;
  let server: TestServer;
  let playground: ChildProcess;
  let playgroundExit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  let playgroundPort: number;
  let browser: Browser;
  let page: Page;
  const logged: LoggedActivity[] = [];
  const streamed: Array<{ action: string; message?: { attachments?: Attachment[] } }> = [];

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), "peercircle-playground-"));
    const guardFile = path.join(scratch, "networkGuard.cjs");
    await writeFile(guardFile, NETWORK_GUARD);
    server = await startTestServer();

    const { command, args, env } = playgroundCommand({
      root: repoRoot,
      botEndpoint: `${server.baseUrl}/api/messages`,
      port: 0, // the playground then listens on a port the OS picks, and prints it
      logFile: path.join(scratch, "playground.log"),
      env: {
        PATH: process.env.PATH,
        HOME: scratch,
        TEAMSAPPTESTER_BROWSER: "none", // do not open a desktop browser
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: path.join(scratch, "no-config.yml"), // the built-in mock tenant
        NODE_OPTIONS: `--require "${guardFile}"`,
        NETWORK_GUARD_LOG: path.join(scratch, "network.log"),
        NETWORK_GUARD_READY: path.join(scratch, "network-guard.pid"),
      },
    });
    // The flags that keep it offline are part of what is under test.
    expect(args).toContain("--dt");
    expect(env.APPLICATION_INSIGHTS_NO_STATSBEAT).toBe("true");
    playground = spawn(command, args, { cwd: scratch, env, stdio: ["ignore", "pipe", "pipe"] });
    playgroundExit = new Promise((resolve) =>
      playground.once("exit", (code, signal) => resolve({ code, signal })),
    );
    playgroundPort = await waitForListening(playground);

    browser = await launchBrowser();
    const { context } = await newLocalOnlyContext(browser);
    page = await context.newPage();
    page.on("websocket", (socket) => {
      socket.on("framereceived", ({ payload }) => {
        const data = JSON.parse(String(payload)) as Record<string, unknown>;
        if (socket.url().endsWith("/_ws/log/stream") && data.logAction === "appendLog") {
          const entry = data.log as LoggedActivity;
          if (entry.activityName) logged.push(entry);
        } else if (socket.url().endsWith("/_ws_conversation/v1/conversations/stream")) {
          streamed.push(data as (typeof streamed)[number]);
        }
      });
    });
    await page.goto(`http://127.0.0.1:${playgroundPort}/`);
  });

  afterAll(async () => {
    await browser?.close();
    if (playground && playground.exitCode === null && playground.signalCode === null) {
      playground.kill("SIGKILL");
      await playgroundExit;
    }
    await server?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it("shows the welcome card the bot sends when the playground installs it in a personal chat", async () => {
    const welcome = asJson(welcomeCard("personal")) as ReturnType<typeof welcomeCard>;
    await page.getByText(firstText(welcome), { exact: true }).first().waitFor({ timeout: 20_000 });

    await vi.waitFor(
      () => {
        const install = logged.find((a) => a.activityName === "conversationUpdate" && a.from === PLAYGROUND);
        expect(install?.response?.statusCode).toBe(200);
        const reply = logged.find(
          (a) => a.from === BOT && a.request?.body?.replyToId === install?.request?.body?.id,
        );
        expect(reply?.response?.statusCode).toBe(201);
        const attachments = reply?.request?.body?.attachments as Attachment[] | undefined;
        expect(attachments).toEqual([{ contentType: ADAPTIVE_CARD, content: welcome }]);
      },
      { timeout: 10_000 },
    );
  });

  it("answers `help` typed in the playground with the help card", async () => {
    const help = asJson(helpCard()) as ReturnType<typeof helpCard>;
    const composeBox = page.locator('[data-lexical-editor="true"][role="textbox"]');
    await composeBox.click();
    await page.keyboard.type("help");
    await page.keyboard.press("Enter");

    // The person sees the card, rendered by the playground's Adaptive Card renderer.
    await page.getByText(firstText(help), { exact: true }).first().waitFor({ timeout: 20_000 });

    await vi.waitFor(
      () => {
        // Leg 1: the playground posted a real Bot Framework message activity, which the bot accepted.
        const sent = logged.find(
          (a) => a.activityName === "message" && a.from === PLAYGROUND && a.displayText === "help",
        );
        expect(sent?.to).toBe(BOT);
        expect(sent?.response?.statusCode).toBe(200);
        expect(sent?.request?.body).toMatchObject({
          type: "message",
          text: "help",
          channelId: "msteams",
          serviceUrl: `http://localhost:${playgroundPort}/_connector`,
          conversation: { conversationType: "personal" },
        });
        // Leg 2: the bot replied to that activity through the playground's connector (serviceUrl).
        const reply = logged.find(
          (a) => a.from === BOT && a.request?.body?.replyToId === sent?.request?.body?.id,
        );
        expect(reply?.to).toBe(PLAYGROUND);
        expect(reply?.response?.statusCode).toBe(201);
        // The help route answered, not the catch-all for words the bot does not know.
        expect(reply?.request?.body?.text ?? "").not.toMatch(/didn.t catch/i);
        expect(reply?.request?.body?.attachments).toEqual([{ contentType: ADAPTIVE_CARD, content: help }]);
        // And the playground pushed it to its client as a new message.
        const pushed = streamed
          .filter((s) => s.action === "createMessage")
          .map((s) => s.message?.attachments?.[0]);
        expect(pushed).toContainEqual({ contentType: ADAPTIVE_CARD, content: help });
      },
      { timeout: 10_000 },
    );
  });

  it("stops on Ctrl-C, having reached nothing beyond this machine", async () => {
    playground.kill("SIGINT");
    const exit = await Promise.race([
      playgroundExit,
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 10_000)),
    ]);
    expect(exit).toBeDefined();

    // The guard was loaded into the playground process itself...
    expect(readFileSync(path.join(scratch, "network-guard.pid"), "utf8")).toBe(String(playground.pid));
    // ...and it refused nothing: with --dt and no statsbeat the playground stays on loopback.
    const networkLog = path.join(scratch, "network.log");
    expect(existsSync(networkLog) ? readFileSync(networkLog, "utf8") : "").toBe("");
  });
});
