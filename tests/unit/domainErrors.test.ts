import { describe, expect, it } from "vitest";
import {
  ConcurrencyError,
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
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
