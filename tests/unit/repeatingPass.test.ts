import { afterEach, describe, expect, it, vi } from "vitest";
import { RepeatingPass } from "../../src/domain/repeatingPass.js";

describe("a repeating pass", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("runs every interval, never two at once, and stop waits for the one under way", async () => {
    vi.useFakeTimers();
    let started = 0;
    let finish: (() => void) | undefined;
    const pass = new RepeatingPass(() => {
      started++;
      return new Promise<void>((resolve) => {
        finish = resolve;
      });
    });
    pass.start(1_000);
    pass.start(1_000);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(started).toBe(1);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(started).toBe(1);
    finish?.();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(started).toBe(2);
    let stopped = false;
    const stopping = pass.stop().then(() => {
      stopped = true;
    });
    await Promise.resolve();
    expect(stopped).toBe(false);
    finish?.();
    await stopping;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(started).toBe(2);
  });
});
