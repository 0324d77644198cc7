import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** One bar from an issue: a metric, a limit and which way it must go. */
export interface Bar {
  name: string;
  metric: string;
  limit: number;
  op: "<=" | ">=";
}

export interface ScenarioResult {
  scenario: string;
  params: Record<string, unknown>;
  metrics: Record<string, number>;
  bars: Bar[];
}

/** Writes `bench/results/<scenario>.json` in the shape BENCH.md describes and prints a table. */
export function report(result: ScenarioResult, root: string): void {
  const bars = result.bars.map((bar) => {
    const value = result.metrics[bar.metric];
    const ok = value !== undefined && (bar.op === "<=" ? value <= bar.limit : value >= bar.limit);
    return { ...bar, value, ok };
  });
  const json = {
    scenario: result.scenario,
    when: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version },
    params: result.params,
    metrics: result.metrics,
    bars: bars.map(({ value: _v, ...bar }) => bar),
  };
  const dir = path.join(root, "bench", "results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${result.scenario}.json`), `${JSON.stringify(json, null, 2)}\n`);

  const lines = [`\n== ${result.scenario} ==`, `params  ${JSON.stringify(result.params)}`];
  for (const [name, value] of Object.entries(result.metrics))
    lines.push(`  ${name.padEnd(22)} ${round(value)}`);
  for (const bar of bars) {
    lines.push(
      `  bar: ${bar.name}: ${bar.metric} = ${round(bar.value ?? Number.NaN)} ${bar.op} ${bar.limit} → ${bar.ok ? "ok" : "NOT MET"}`,
    );
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The p-th percentile (nearest rank) of the values. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
}

export function median(values: number[]): number {
  return percentile(values, 50);
}
