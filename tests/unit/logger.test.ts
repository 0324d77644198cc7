import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/observability/logger.js";

function capture() {
  const lines: string[] = [];
  const logger = createLogger({ write: (_level, line) => lines.push(line) });
  return { logger, lines };
}

describe("structured logs never carry message bodies or tokens", () => {
  const jwt =
    "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJ0aWQiOiI3MmY5ODhiZiIsIm9pZCI6InUxIn0.c2lnbmF0dXJlLXBhcnQtb2YtdGhlLXRva2Vu";

  it("writes one JSON line with the ids it was given", () => {
    const { logger, lines } = capture();
    logger.error("bot turn failed", { tenantId: "t1", conversationId: "c1", activityType: "invoke" });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({
      level: "error",
      message: "bot turn failed",
      tenantId: "t1",
      conversationId: "c1",
    });
  });

  it("drops fields that hold content or credentials, at any depth", () => {
    const { logger, lines } = capture();
    logger.warn("oops", {
      body: "<p>my salary is 100k</p>",
      text: "private chat text",
      authorization: `Bearer ${jwt}`,
      request: { headers: { Authorization: `Bearer ${jwt}`, cookie: "s=1" }, messagePayload: { body: "x" } },
      BOT_PASSWORD: "hunter2",
      connection_string: "AccountKey=abc",
    });
    const line = lines[0] ?? "";
    for (const secret of ["salary", "private chat", jwt, "hunter2", "AccountKey=abc", "s=1"]) {
      expect(line).not.toContain(secret);
    }
    expect(JSON.parse(line).body).toBe("[redacted]");
  });

  it("masks tokens and keys quoted inside error messages", () => {
    const { logger, lines } = capture();
    logger.error("request failed", {
      error: `could not parse ${jwt} (Authorization: Bearer abc.def.ghi) AccountKey=c2VjcmV0;EndpointSuffix=x`,
    });
    const logged = JSON.parse(lines[0] ?? "").error as string;
    expect(logged).not.toContain(jwt);
    expect(logged).not.toContain("abc.def.ghi");
    expect(logged).not.toContain("c2VjcmV0");
    expect(logged).toContain("[jwt]");
  });

  it("cuts long strings", () => {
    const { logger, lines } = capture();
    logger.info("x", { error: "a".repeat(5000) });
    expect((JSON.parse(lines[0] ?? "").error as string).length).toBeLessThanOrEqual(501);
  });
});
