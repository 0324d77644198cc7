import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { freePort, isPortFree } from "../../scripts/lib/freePort.js";
import { recordedServerPort } from "../../scripts/lib/localServerRecord.js";
import { botEndpointFor } from "../../scripts/playground.js";
import { person } from "../support/orgFixture.js";
import { repoRoot, tokenFor } from "../support/testServer.js";

const startScript = path.join(repoRoot, "dist", "scripts", "startLocal.js");

interface Started {
  child: ChildProcess;
  output: () => string;
  baseUrl: string;
}

/** Runs the compiled `npm start` entry as a person would, and waits until it says it is ready. */
async function start(dataDir: string, port: number, args: string[] = []): Promise<Started> {
  const child = spawn(process.execPath, [startScript, ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, PORT: String(port), PEERCIRCLE_DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (c: Buffer) => {
    output += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    output += c.toString();
  });
  const deadline = Date.now() + 30_000;
  while (!output.includes("Press Ctrl-C to stop")) {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`npm start did not get ready:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => output, baseUrl: `http://127.0.0.1:${port}` };
}

function interrupt(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill("SIGINT");
  });
}

function azurePortOf(output: string): number {
  const match = /"message":"Azurite table service started","port":(\d+)/.exec(output);
  if (!match?.[1]) throw new Error(`no Azurite port in output:\n${output}`);
  return Number(match[1]);
}

describe("npm start (embedded Azurite + server in local mode)", () => {
  const running: ChildProcess[] = [];
  afterEach(() => {
    for (const child of running) if (child.exitCode === null) child.kill("SIGKILL");
  });

  it("serves the host page and the demo community, keeps data across restarts, and stops cleanly on Ctrl-C", {
    timeout: 120_000,
  }, async () => {
    expect(existsSync(startScript)).toBe(true);
    const dataDir = mkdtempSync(path.join(tmpdir(), "pc-start-"));
    const port = await freePort();

    const first = await start(dataDir, port, ["--demo"]);
    running.push(first.child);
    expect(first.output()).toContain(`http://localhost:${port}/local/`);
    // `npm run playground` follows the port this server took.
    expect(botEndpointFor({}, recordedServerPort(dataDir))).toBe(`http://127.0.0.1:${port}/api/messages`);
    expect((await fetch(`${first.baseUrl}/api/health`)).status).toBe(200);
    const hostPage = await fetch(`${first.baseUrl}/local/`);
    expect(hostPage.status).toBe(200);
    expect(await hostPage.text()).toContain("<html");

    const newcomer = person(40);
    const token = await tokenFor(first.baseUrl, newcomer.id);
    // The demo's library reads like a real community's: hand-written entries with varied tags and
    // questions, answered and open; no generated word salad cut mid-word.
    const library = (await (
      await fetch(`${first.baseUrl}/api/communities/demo-data-community/entries?limit=100`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { total: number; items: { id: string; type: string; title: string; tags: string[] }[] };
    expect(library.total).toBeGreaterThanOrEqual(30);
    expect(library.total).toBeLessThanOrEqual(60);
    expect(library.items.filter((e) => e.id.startsWith("gen-"))).toEqual([]);
    for (const entry of library.items) expect(entry.title).toMatch(/[\p{L}\p{N}?'")]$/u);
    const tags = new Map<string, number>();
    for (const entry of library.items) for (const tag of entry.tags) tags.set(tag, (tags.get(tag) ?? 0) + 1);
    expect(tags.size).toBeGreaterThanOrEqual(15);
    expect(Math.max(...tags.values())).toBeLessThan(library.items.length / 3);
    expect(new Set(library.items.map((e) => e.type)).size).toBeGreaterThanOrEqual(5);
    const questions = (answered: boolean) =>
      fetch(`${first.baseUrl}/api/communities/demo-data-community/entries?type=qa&answered=${answered}`, {
        headers: { authorization: `Bearer ${token}` },
      }).then(async (r) => ((await r.json()) as { total: number }).total);
    expect(await questions(true)).toBeGreaterThanOrEqual(3);
    expect(await questions(false)).toBeGreaterThanOrEqual(2);

    const joined = await fetch(`${first.baseUrl}/api/communities/demo-data-community/join`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(joined.status).toBe(200);

    const azuritePort = azurePortOf(first.output());
    expect(await interrupt(first.child)).toBe(0);
    expect(await isPortFree(port)).toBe(true);
    expect(await isPortFree(azuritePort)).toBe(true);
    expect(existsSync(path.join(dataDir, "azurite"))).toBe(true);
    expect(recordedServerPort(dataDir)).toBeUndefined();

    // Second start without --demo: the data persisted in the data folder is still there.
    const second = await start(dataDir, port);
    running.push(second.child);
    const token2 = await tokenFor(second.baseUrl, newcomer.id);
    const res = await fetch(`${second.baseUrl}/api/communities/demo-data-community`, {
      headers: { authorization: `Bearer ${token2}` },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { isMember: boolean }).isMember).toBe(true);
    expect(await interrupt(second.child)).toBe(0);
  });

  it("stops Azurite, with its data saved, when the server process dies (SIGKILL: no handler runs)", {
    timeout: 120_000,
  }, async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "pc-start-"));
    const port = await freePort();
    const first = await start(dataDir, port, ["--demo"]);
    running.push(first.child);
    const newcomer = person(41);
    const joined = await fetch(`${first.baseUrl}/api/communities/demo-data-community/join`, {
      method: "POST",
      headers: { authorization: `Bearer ${await tokenFor(first.baseUrl, newcomer.id)}` },
    });
    expect(joined.status).toBe(200);
    const azuritePort = azurePortOf(first.output());

    first.child.kill("SIGKILL");
    // Before, Azurite stayed behind, orphaned, holding its port.
    const deadline = Date.now() + 20_000;
    while (!(await isPortFree(azuritePort)) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    expect(await isPortFree(azuritePort)).toBe(true);

    // It was stopped with SIGINT, on which it saves: the join made just before is still there.
    const second = await start(dataDir, port);
    running.push(second.child);
    const res = await fetch(`${second.baseUrl}/api/communities/demo-data-community`, {
      headers: { authorization: `Bearer ${await tokenFor(second.baseUrl, newcomer.id)}` },
    });
    expect(((await res.json()) as { isMember: boolean }).isMember).toBe(true);
    expect(await interrupt(second.child)).toBe(0);
  });

  it("says which setting picks another port when the server's port is in use", {
    timeout: 60_000,
  }, async () => {
    const { createServer } = await import("node:net");
    const port = await freePort();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    try {
      const child = spawn(process.execPath, [startScript], {
        cwd: repoRoot,
        env: {
          PATH: process.env.PATH,
          PORT: String(port),
          PEERCIRCLE_DATA_DIR: mkdtempSync(path.join(tmpdir(), "pc-start-")),
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      running.push(child);
      let stderr = "";
      child.stderr?.on("data", (c: Buffer) => {
        stderr += c.toString();
      });
      const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
      expect(code).toBe(1);
      expect(stderr).toContain(`Port ${port} is already in use`);
      expect(stderr).toContain(`PORT=${port + 1} npm start`);
    } finally {
      blocker.close();
    }
  });

  it("takes a free port for Azurite when the default one is busy", { timeout: 60_000 }, async () => {
    const { createServer } = await import("node:net");
    const blocker = createServer();
    const blocked = await new Promise<boolean>((resolve) => {
      blocker.once("error", () => resolve(false));
      blocker.listen(10002, "127.0.0.1", () => resolve(true));
    });
    try {
      const started = await start(mkdtempSync(path.join(tmpdir(), "pc-start-")), await freePort());
      running.push(started.child);
      expect(azurePortOf(started.output())).not.toBe(10002);
      expect((await fetch(`${started.baseUrl}/api/health`)).status).toBe(200);
      expect(await interrupt(started.child)).toBe(0);
    } finally {
      if (blocked) blocker.close();
    }
  });
});
