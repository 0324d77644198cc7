import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { azuriteConnectionString, type RunningAzurite } from "../../scripts/lib/azurite.js";

/**
 * A pass-through HTTP proxy in front of Azurite that counts the storage requests a server makes,
 * by method and table (`GET Entries`, `POST Tables` …): what a scenario's requests cost in storage
 * round trips, which the latencies alone do not show. Only for benchmarks that ask for it.
 */
export class StorageCounter {
  private readonly counts = new Map<string, number>();
  private readonly millis = new Map<string, number>();
  /** BENCH_COUNT_STORAGE=timeline: each request's start and end (ms since the last reset) and shape. */
  private readonly events: [number, number, string][] = [];
  private since = performance.now();
  private server: Server | undefined;

  constructor(private readonly azurite: RunningAzurite) {}

  /** Starts; the returned Azurite is the same one, reached through the proxy. */
  async start(): Promise<RunningAzurite> {
    const target = this.azurite.port;
    this.server = createServer((req, res) => {
      const table = /^\/[^/]+\/([A-Za-z0-9]+)/.exec(req.url ?? "")?.[1] ?? "?";
      // BENCH_COUNT_STORAGE=shapes: by the request's shape too (keys and ids blurred), to tell reads apart.
      const key =
        process.env.BENCH_COUNT_STORAGE === "shapes" || process.env.BENCH_COUNT_STORAGE === "timeline"
          ? `${req.method} ${process.env.BENCH_COUNT_STORAGE === "timeline" ? `${table} ` : ""}${decodeURIComponent(
              req.url ?? "",
            )
              .replace(/^\/[^/]+\//, "")
              .replace(/[A-Za-z0-9_:.@-]{7,}/g, "*")}`
          : `${req.method} ${table}`;
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
      const started = performance.now();
      res.on("finish", () => {
        this.millis.set(key, (this.millis.get(key) ?? 0) + performance.now() - started);
        if (process.env.BENCH_COUNT_STORAGE === "timeline")
          this.events.push([started - this.since, performance.now() - this.since, key]);
      });
      const upstream = request(
        { host: "127.0.0.1", port: target, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on("error", () => res.destroy());
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    const port = (this.server.address() as AddressInfo).port;
    return { ...this.azurite, port, connectionString: azuriteConnectionString(port) };
  }

  reset(): void {
    this.counts.clear();
    this.millis.clear();
    this.events.length = 0;
    this.since = performance.now();
  }

  /** The requests since the last reset in the order they began (BENCH_COUNT_STORAGE=timeline), a line each. */
  timeline(): string {
    return this.events
      .sort((x, y) => x[0] - y[0])
      .map(([start, end, key]) => `  ${start.toFixed(1).padStart(7)} → ${end.toFixed(1).padStart(7)}  ${key}`)
      .join("\n");
  }

  /** Requests counted since the last reset, by method and table (with their mean ms), most first. */
  snapshot(): Record<string, { count: number; mean_ms: number }> {
    return Object.fromEntries(
      [...this.counts]
        .sort((a, b) => b[1] - a[1])
        .map(([key, count]) => [key, { count, mean_ms: Math.round((this.millis.get(key) ?? 0) / count) }]),
    );
  }

  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
