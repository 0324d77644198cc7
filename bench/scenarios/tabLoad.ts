import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { type Browser, chromium, type Page } from "playwright-core";
import type { RunningAzurite } from "../../scripts/lib/azurite.js";
import { CHROMIUM_FLAGS, chromiumPath } from "../../scripts/lib/chromium.js";
import { freePort } from "../../scripts/lib/freePort.js";
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
/**
 * Keeps the browser on this machine (teams-js asks a CDN for Teams' valid origins; it falls back
 * to its bundled list) by failing every other host name at resolution. Playwright's request
 * interception would do the same, but it routes every request through this process, a cost per
 * request that no real browser pays and that grows with the number of chunks a page loads.
 */
const LOCAL_ONLY = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost";

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

/** The tab's start-up marks (src/tab/startupMarks.ts), reported as medians from the frame's start. */
const STARTUP_MARKS = [
  "entry-evaluated",
  "app-evaluated",
  "teams-initialized",
  "teams-context",
  "token",
  "home-data",
  "home-content",
] as const;

/** One timed load: from navigation to ready, and the part of it after the tab frame started. */
interface Load {
  totalMs: number;
  /** From the frame's navigation start (its `performance.timeOrigin`) to ready. */
  inFrameMs: number;
  /** The tab's start-up marks, in ms from the frame's navigation start. */
  marks: Record<string, number>;
}

/**
 * Tab load: headless Chromium opens the local Teams host page on the full demo (200 entries, 20
 * sessions) and waits until the community home shows its next sessions inside the tab frame.
 *
 * The baseline is a page with only FluentProvider and one Button (built here with Vite's JS API),
 * loaded the same way: a second server instance (same code, same local mode) whose web root holds
 * the same built host page and assets, with the baseline page in place of the tab's index.html.
 * Both are opened at the host page's URL and timed to their ready element inside `#tab-frame`, so
 * the host page, the frame and the server are the same for both and only the framed app differs
 * (the tab additionally pays for teams-js, the handshake, its token and its data). The times
 * from the frame's own start are reported beside the totals (no bar), so the host's share shows.
 *
 * Each load uses a fresh browser context (cold cache), interleaved A B A B after a warm-up of each.
 * Bar: median ≤ 2 × baseline. Also reports the built tab's initial JS (entry chunk +
 * modulepreloaded chunks, gzip; bar ≤ 250 KB) and all JS in dist/web/assets.
 */
export async function tabLoad(azurite: RunningAzurite): Promise<ScenarioResult> {
  const webDir = path.join(root, "dist", "web");
  const bundle = measureBundle(webDir);
  const baseline = await buildBaseline(webDir);
  const app = await spawnServer(serverScript, serverEnv(azurite, { DEMO: "true" }), await freePort());
  const baselineApp = await spawnServer(
    serverScript,
    serverEnv(azurite, { WEB_ROOT: baseline.webDir }),
    await freePort(),
  );
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_FLAGS, LOCAL_ONLY],
  });
  try {
    const hostQuery = `/local/?entityId=${DEMO_COMMUNITY}`;
    const loadTab = () => timeLoad(browser, `${app.url}${hostQuery}`, HOME_READY);
    const loadBaseline = () => timeLoad(browser, `${baselineApp.url}${hostQuery}`, BASELINE_READY);
    for (let i = 0; i < WARMUP; i++) {
      await loadTab();
      await loadBaseline();
    }
    const tabLoads: Load[] = [];
    const baseLoads: Load[] = [];
    for (let i = 0; i < RUNS; i++) {
      tabLoads.push(await loadTab());
      baseLoads.push(await loadBaseline());
    }
    const tab = tabLoads.map((load) => load.totalMs);
    const base = baseLoads.map((load) => load.totalMs);
    const tabInFrame = tabLoads.map((load) => load.inFrameMs);
    const baseInFrame = baseLoads.map((load) => load.inFrameMs);
    const marks = Object.fromEntries(
      STARTUP_MARKS.map((mark) => [
        `tab_mark_${mark.replaceAll("-", "_")}_ms`,
        median(tabLoads.map((load) => load.marks[mark] ?? Number.NaN)),
      ]),
    );
    return {
      scenario: "tab-load",
      params: {
        runs: RUNS,
        warmup: WARMUP,
        demo: "full (200 entries, 20 sessions)",
        waitFor: HOME_READY,
        baseline: "FluentProvider + Button page in the same host page frame, same server code",
        raw_ms: { tab, baseline: base },
      },
      metrics: {
        median_ms: median(tab),
        min_ms: Math.min(...tab),
        max_ms: Math.max(...tab),
        baseline_median_ms: median(base),
        ratio_median: median(tab) / median(base),
        in_frame_median_ms: median(tabInFrame),
        baseline_in_frame_median_ms: median(baseInFrame),
        ratio_in_frame_median: median(tabInFrame) / median(baseInFrame),
        ...marks,
        initial_js_kb: bundle.initialRawKb,
        initial_js_gzip_kb: bundle.initialGzipKb,
        all_js_kb: bundle.allRawKb,
        all_js_gzip_kb: bundle.allGzipKb,
        baseline_js_gzip_kb: measureJs(path.join(baseline.dir, "dist", "assets")).gzipKb,
      },
      bars: [
        { name: "tab load vs FluentProvider + Button page", metric: "ratio_median", limit: 2, op: "<=" },
        { name: "initial JS of the tab (gzip)", metric: "initial_js_gzip_kb", limit: 250, op: "<=" },
      ],
    };
  } finally {
    await browser.close();
    await app.stop();
    await baselineApp.stop();
    rmSync(baseline.dir, { recursive: true, force: true });
    rmSync(baseline.webDir, { recursive: true, force: true });
  }
}

/**
 * Opens the host page in a fresh context (the browser may only reach this machine) and waits
 * until `ready` is visible inside the tab frame; returns the time from navigation and from the
 * frame's start.
 */
async function timeLoad(browser: Browser, url: string, ready: string): Promise<Load> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(url);
    await page
      .frameLocator("#tab-frame")
      .locator(ready)
      .first()
      .waitFor({ state: "visible", timeout: 60_000 });
    const totalMs = performance.now() - started;
    const frame = await frameTimings(page);
    return { totalMs, inFrameMs: totalMs - frame.startedAfterMs, marks: frame.marks };
  } finally {
    await context.close();
  }
}

/** When the tab frame's document started, after the host page's, and the frame's start-up marks. */
async function frameTimings(page: Page): Promise<{ startedAfterMs: number; marks: Record<string, number> }> {
  const hostOrigin = await page.evaluate(() => performance.timeOrigin);
  const frame = await (await page.$("#tab-frame"))?.contentFrame();
  if (!frame) throw new Error("The host page has no #tab-frame.");
  const inFrame = await frame.evaluate(() => ({
    origin: performance.timeOrigin,
    marks: performance.getEntriesByType("mark").map((mark) => [mark.name, mark.startTime] as const),
  }));
  const marks: Record<string, number> = {};
  for (const [name, at] of inFrame.marks)
    if (name.startsWith("peercircle:")) marks[name.slice("peercircle:".length)] = at;
  // The frame's navigation starts after the host page's; navigation to ready is what totalMs counts.
  return { startedAfterMs: inFrame.origin - hostOrigin, marks };
}

/**
 * Builds the baseline page with Vite into a temporary folder inside bench/ (so node_modules
 * resolve) and lays out a web root like dist/web around it: the built host page and its assets,
 * and the baseline as `tab/index.html`.
 */
async function buildBaseline(webDir: string): Promise<{ dir: string; webDir: string }> {
  const dir = path.join(root, "bench", `.tab-load-baseline-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "main.js"), BASELINE_MAIN);
  writeFileSync(path.join(dir, "index.html"), BASELINE_HTML);
  const { build } = await import("vite");
  const dist = path.join(dir, "dist");
  await build({
    configFile: false,
    root: dir,
    base: "/",
    logLevel: "silent",
    mode: "production",
    build: { outDir: dist, emptyOutDir: true, target: "es2022" },
  });
  // Outside bench/.tab-load-baseline-*: express does not serve files under a dot folder.
  const baselineWeb = mkdtempSync(path.join(os.tmpdir(), "peercircle-tab-load-baseline-"));
  cpSync(path.join(webDir, "localhost"), path.join(baselineWeb, "localhost"), { recursive: true });
  // The host page's assets (with the tab's, unused here), and the baseline's: all names are hashed.
  cpSync(path.join(webDir, "assets"), path.join(baselineWeb, "assets"), { recursive: true });
  cpSync(path.join(dist, "assets"), path.join(baselineWeb, "assets"), { recursive: true });
  mkdirSync(path.join(baselineWeb, "tab"), { recursive: true });
  cpSync(path.join(dist, "index.html"), path.join(baselineWeb, "tab", "index.html"));
  return { dir, webDir: baselineWeb };
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
