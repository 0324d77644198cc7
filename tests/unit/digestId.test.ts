import { describe, expect, it } from "vitest";
import { digestId } from "../../src/domain/digestId.js";

describe("digestId", () => {
  it("is the first bytes of the text's SHA-256 in hex, so ids stored before stay the same", async () => {
    // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad (FIPS 180-2).
    expect(await digestId("abc", 8)).toBe("ba7816bf8f01cfea");
    expect(await digestId("abc", 16)).toBe("ba7816bf8f01cfea414140de5dae2223");
  });

  it("gives one id for one text and another for another", async () => {
    expect(await digestId("u1\nreq-1", 12)).toBe(await digestId("u1\nreq-1", 12));
    expect(await digestId("u1\nreq-1", 12)).not.toBe(await digestId("u1\nreq-2", 12));
    expect(await digestId("u1\nreq-1", 12)).toHaveLength(24);
  });
});
