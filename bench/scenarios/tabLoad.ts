import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { type Browser, chromium } from "playwright-core";
import type { RunningAzurite } from "../../scripts/lib/azurite.js";
import { freePort } from "../../scripts/lib/freePort.js";
import { CHROMIUM_FLAGS, chromiumPath } from "../../tests/support/browser.js";
import { spawnServer } from "../lib/processes.js";
import { median, type ScenarioResult } from "../lib/report.js";
import { root, serverEnv, serverScript } from "../lib/servers.js";

const RUNS = 5;
const WARMUP = 1;
/** The demo community `npm start --demo` (and `DEMO=true`) seeds: 200 entries, 20 sessions. */
const DEMO_COMMUNITY = "demo-data-community";
/** A link inside the home's "Next sessions" card: the first useful content of the tab. */
const HOME_READY = '[data-testid="next-sessions"] a';
const BASELINE_READY = "#baseline-button";
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** The baseline page: React 19 + FluentProvider + one Button, nothing else. */
const BASELINE_MAIN = `
import { createElement as h } from "react";
import { createRoot } from "react-dom/client";
import { Button, FluentProvider, webLightTheme } from "@fluentui/react-components";
createRoot(document.getElementById("root")).render(
  h(FluentProvider, { theme: webLightTheme }, h(Button, { id: "baseline-button", appearance: "primary" }, "Ready")),
);
`;
const BASELINE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8" /><title>baseline</title>
<script type="module" src="./main.js"></script></head><body><div id="root"></div></body></html>`;

/**
 * Tab load: headless Chromium opens the local Teams host page on the full demo (200 entries, 20
 * sessions) and waits until the community home shows its next sessions inside the tab frame; the
 * baseline is a page with only FluentProvider and one Button, built here with Vite's JS API, loaded
 * and waited for the same way. Each load uses a fresh browser context (cold cache), interleaved A B
 * A B after a warm-up of each. Bar: median ≤ 2 × baseline. Also reports the built tab's initial JS
 * (entry chunk + modulepreloaded chunks, gzip; bar ≤ 250 KB) and all JS in dist/web/assets.
 */
export async function tabLoad(azurite: RunningAzurite): Promise<ScenarioResult> {
  const bundle = measureBundle(path.join(root, "dist", "web"));
  const baselineDir = await buildBaseline();
  const baseline = await serveStatic(baselineDir);
  const app = await spawnServer(serverScript, serverEnv(azurite, { DEMO: "true" }), await freePort());
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  try {
    const tabUrl = `${app.url}/local/?entityId=${DEMO_COMMUNITY}`;
    const loadTab = () =>
      timeLoad(browser, tabUrl, async (page) => {
        const frame = page.frameLocator("#tab-frame");
        await frame.locator(HOME_READY).first().waitFor({ state: "visible", timeout: 60_000 });
      });
    const loadBaseline = () =>
      timeLoad(browser, baseline.url, async (page) => {
        await page.locator(BASELINE_READY).waitFor({ state: "visible", timeout: 60_000 });
      });
    for (let i = 0; i < WARMUP; i++) {
      await loadTab();
      await loadBaseline();
    }
    const tab: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      tab.push(await loadTab());
      base.push(await loadBaseline());
    }
    return {
      scenario: "tab-load",
      params: { runs: RUNS, warmup: WARMUP, demo: "full (200 entries, 20 sessions)", waitFor: HOME_READY },
      metrics: {
        median_ms: median(tab),
        min_ms: Math.min(...tab),
        max_ms: Math.max(...tab),
        baseline_median_ms: median(base),
        ratio_median: median(tab) / median(base),
        initial_js_kb: bundle.initialRawKb,
        initial_js_gzip_kb: bundle.initialGzipKb,
        all_js_kb: bundle.allRawKb,
        all_js_gzip_kb: bundle.allGzipKb,
        baseline_js_gzip_kb: measureJs(path.join(baselineDir, "dist", "assets")).gzipKb,
      },
      bars: [
        { name: "tab load vs FluentProvider + Button page", metric: "ratio_median", limit: 2, op: "<=" },
        { name: "initial JS of the tab (gzip)", metric: "initial_js_gzip_kb", limit: 250, op: "<=" },
      ],
    };
  } finally {
    await browser.close();
    await app.stop();
    await new Promise<void>((resolve) => baseline.server.close(() => resolve()));
    rmSync(baselineDir, { recursive: true, force: true });
  }
}

/** Milliseconds from navigation start to `ready`, in a fresh context that may only reach this machine. */
async function timeLoad(
  browser: Browser,
  url: string,
  ready: (page: import("playwright-core").Page) => Promise<void>,
): Promise<number> {
  const context = await browser.newContext();
  try {
    await context.route("**/*", (route) => {
      const target = new URL(route.request().url());
      return LOCAL_HOSTS.has(target.hostname) || target.protocol === "data:" || target.protocol === "blob:"
        ? route.continue()
        : route.abort("blockedbyclient");
    });
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(url);
    await ready(page);
    return performance.now() - started;
  } finally {
    await context.close();
  }
}

/** Bundles the baseline page with Vite into a temporary folder inside bench/ (so node_modules resolve). */
async function buildBaseline(): Promise<string> {
  const dir = path.join(root, "bench", `.tab-load-baseline-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "main.js"), BASELINE_MAIN);
  writeFileSync(path.join(dir, "index.html"), BASELINE_HTML);
  const { build } = await import("vite");
  await build({
    configFile: false,
    root: dir,
    base: "/",
    logLevel: "silent",
    mode: "production",
    build: { outDir: path.join(dir, "dist"), emptyOutDir: true, target: "es2022" },
  });
  return dir;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/** A small static server for the baseline page's build. */
async function serveStatic(dir: string): Promise<{ server: Server; url: string }> {
  const distDir = path.join(dir, "dist");
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://x").pathname;
    const file = path.join(distDir, pathname === "/" ? "index.html" : pathname);
    if (!file.startsWith(distDir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${port}/` };
}

/** The tab's initial JS (entry + modulepreloads of dist/web/tab/index.html) and all JS in assets. */
function measureBundle(webDir: string) {
  const html = readFileSync(path.join(webDir, "tab", "index.html"), "utf8");
  const initial = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => path.join(webDir, (m[1] ?? "").replace(/^\//, "")));
  if (initial.length === 0)
    throw new Error("dist/web/tab/index.html names no script: run `npm run build` first.");
  const sizes = (files: string[]) =>
    files.reduce(
      (sum, file) => {
        const bytes = readFileSync(file);
        return { raw: sum.raw + bytes.length, gzip: sum.gzip + gzipSync(bytes).length };
      },
      { raw: 0, gzip: 0 },
    );
  const first = sizes([...new Set(initial)]);
  const all = measureJs(path.join(webDir, "assets"));
  return {
    initialRawKb: first.raw / 1024,
    initialGzipKb: first.gzip / 1024,
    allRawKb: all.rawKb,
    allGzipKb: all.gzipKb,
  };
}

function measureJs(dir: string): { rawKb: number; gzipKb: number } {
  let raw = 0;
  let gzip = 0;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith(".js")) continue;
    const bytes = readFileSync(path.join(dir, name));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { rawKb: raw / 1024, gzipKb: gzip / 1024 };
}
