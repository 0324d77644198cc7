import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Poller } from "../../src/domain/poller.js";

describe("Poller", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("runs a pass every interval, skipping ticks while one is still running, and stop waits for it", async () => {
    let passes = 0;
    let finish: () => void = () => undefined;
    const poller = new Poller(
      () =>
        new Promise<void>((resolve) => {
          passes++;
          finish = resolve;
        }),
    );
    poller.start(1000);
    expect(passes).toBe(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(passes).toBe(1);
    await vi.advanceTimersByTimeAsync(3000);
    expect(passes).toBe(1);
    finish();
    await vi.advanceTimersByTimeAsync(1000);
    expect(passes).toBe(2);
    let stopped = false;
    const stopping = poller.stop().then(() => {
      stopped = true;
    });
    await Promise.resolve();
    expect(stopped).toBe(false);
    finish();
    await stopping;
    await vi.advanceTimersByTimeAsync(5000);
    expect(passes).toBe(2);
  });

  it("runs the first pass at once when asked to, and starts only once", async () => {
    let passes = 0;
    const poller = new Poller(async () => {
      passes++;
    });
    poller.start(1000, { immediately: true });
    poller.start(1000, { immediately: true });
    expect(passes).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(passes).toBe(2);
    await poller.stop();
  });
});
