import { describe, expect, it } from "vitest";
import { createOnce } from "../../src/domain/concurrency.js";
import { ConcurrencyError, ConflictError } from "../../src/domain/errors.js";

describe("creating a row once", () => {
  it("says it created the row, or that a retried request found it there", async () => {
    const rows = new Set<string>();
    const create = async () => {
      if (rows.has("a")) throw new ConflictError("exists");
      rows.add("a");
    };
    expect(await createOnce(create)).toBe(true);
    expect(await createOnce(create)).toBe(false);
    expect([...rows]).toEqual(["a"]);
  });

  it("lets any other failure through", async () => {
    await expect(createOnce(() => Promise.reject(new ConcurrencyError("stale")))).rejects.toThrow(
      ConcurrencyError,
    );
    await expect(createOnce(() => Promise.reject(new Error("down")))).rejects.toThrow("down");
  });
});
