import { describe, expect, it } from "vitest";
import { stewardsOnly } from "../../src/domain/communities/community.js";
import {
  ConcurrencyError,
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  orNotFound,
  requireLatest,
  StorageUnavailableError,
  UnavailableError,
  ValidationError,
} from "../../src/domain/errors.js";

describe("domain errors", () => {
  it("each carries its own code and message and is told apart from the others", () => {
    const errors = [
      [new NotFoundError("gone"), "not_found"],
      [new ForbiddenError("no"), "forbidden"],
      [new ValidationError("bad", [{ field: "a", message: "b" }]), "invalid_input"],
      [new ConcurrencyError("stale"), "concurrency_conflict"],
      [new ConflictError("twice"), "conflict"],
      [new UnavailableError("down"), "unavailable"],
      [new StorageUnavailableError(), "storage_unavailable"],
    ] as const;
    for (const [error, code] of errors) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toBeInstanceOf(Error);
      expect(error.code).toBe(code);
    }
    expect(new NotFoundError("gone").message).toBe("gone");
    expect(new NotFoundError("gone")).not.toBeInstanceOf(ForbiddenError);
    expect(new ConflictError("twice")).not.toBeInstanceOf(ConcurrencyError);
    expect(new ValidationError("bad", [{ field: "a", message: "b" }]).issues).toEqual([
      { field: "a", message: "b" },
    ]);
    expect(new StorageUnavailableError().message).toMatch(/storage is not answering/);
  });
});

describe("look-ups that must find", () => {
  it("answers what was found, and a NotFoundError in the caller's words when nothing was", () => {
    expect(orNotFound({ id: "a" }, "gone")).toEqual({ id: "a" });
    expect(orNotFound(0, "gone")).toBe(0);
    expect(() => orNotFound(undefined, "This session does not exist any more.")).toThrow(
      new NotFoundError("This session does not exist any more."),
    );
    expect(() => orNotFound(null, "gone")).toThrow(NotFoundError);
  });

  it("lets a community's steward through and tells anyone else who may", () => {
    const stewarded = { id: "c", isSteward: true };
    expect(stewardsOnly(stewarded, "Only stewards.")).toBe(stewarded);
    expect(() =>
      stewardsOnly({ id: "c", isSteward: false }, "Only the community's stewards plan sessions."),
    ).toThrow(new ForbiddenError("Only the community's stewards plan sessions."));
  });

  it("lets a change made from the latest version through and refuses one made from an older one", () => {
    expect(() => requireLatest({ etag: "v2" }, "v2", "this session")).not.toThrow();
    expect(() => requireLatest({ etag: "v2" }, "v1", "this session")).toThrow(
      new ConcurrencyError("Someone else changed this session meanwhile. Reload it and try again."),
    );
  });
});
