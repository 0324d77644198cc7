import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { azureOpenAiCompletion } from "../../src/ai/azureOpenAiCompletion.js";
import { GeneratedAnswerer } from "../../src/ai/generatedAnswerer.js";
import { askReply } from "../../src/bot/asking/askReply.js";
import { AskService } from "../../src/domain/ask/askService.js";
import type { Caller } from "../../src/domain/identity.js";
import { AzureOpenAiStandIn } from "../../src/local/azureOpenAiStandIn.js";
import { demoLibrary } from "../../src/local/demoLibrary.js";
import { createLogger } from "../../src/observability/logger.js";
import { indexedAskLibrary } from "../support/indexedAskLibrary.js";

/**
 * Generated answers through the official `openai` SDK's AzureOpenAI client, over HTTP to the local
 * stand-in that answers the documented chat-completions shape: grounded on the entries the library
 * retrieved, every sentence cited, labelled AI-generated with Teams' feedback buttons; and no model
 * call when the library has no answer.
 */
const NOW = new Date("2026-12-01T09:00:00Z");
const caller: Caller = { tenantId: "t-ai", userId: "u-asker", displayName: "Asker" };
const people = Array.from({ length: 4 }, (_, i) => ({ id: `u-${i}`, displayName: `Person ${i}` }));
const entries = demoLibrary("t-ai", "c-demo", people, NOW).map((e) => ({ ...e, etag: "1" }));
const { library } = indexedAskLibrary(entries, NOW);
const QUESTION = "How can I backfill 18 months of a partitioned table while the nightly load keeps running?";
const links = { publicUrl: "https://peercircle.example", teamsAppId: "" };

describe("generated answers (Azure OpenAI through the openai SDK, against the local stand-in)", () => {
  const model = new AzureOpenAiStandIn();
  let asking: AskService;
  const warnings: string[] = [];

  beforeAll(async () => {
    await model.start();
    const complete = azureOpenAiCompletion({
      endpoint: model.endpoint,
      deployment: "answers-mini",
      apiVersion: "2024-10-21",
      auth: { kind: "key", apiKey: "stand-in-key" },
    });
    const logger = createLogger({ write: (level, line) => void (level === "warn" && warnings.push(line)) });
    asking = new AskService(library, new GeneratedAnswerer(complete, logger));
  });
  afterAll(() => model.stop());

  it("writes from the retrieved entries only, cites each sentence, and is labelled AI-generated with feedback", async () => {
    const { answer } = await asking.ask(caller, QUESTION);
    expect(answer.kind).toBe("answered");
    if (answer.kind === "unknown") return;
    expect(answer.generated).toBe(true);
    expect(answer.sources[0]?.entryId).toBe("demo-001");
    for (const p of answer.passages) {
      expect(p.text.startsWith("In short: ")).toBe(true);
      expect(p.citation).toBeGreaterThanOrEqual(1);
      expect(p.citation).toBeLessThanOrEqual(answer.sources.length);
    }
    // What left for the model: the deployment, the API version, the key, and the cited entries only.
    const sent = model.requests.at(-1);
    expect(sent).toMatchObject({
      deployment: "answers-mini",
      apiVersion: "2024-10-21",
      apiKey: "stand-in-key",
    });
    const user = sent?.body.messages.find((m) => m.role === "user")?.content ?? "";
    const demo001 = entries.find((e) => e.id === "demo-001");
    expect(user).toContain(`[1] ${demo001?.title}`);
    expect(user).toContain(QUESTION);
    expect([...user.matchAll(/^\[\d+\] /gm)].length).toBe(answer.sources.length);

    const reply = askReply({ question: QUESTION, answer }, links, undefined);
    const entity = (reply.entities as unknown as Record<string, unknown>[])[0];
    expect(entity).toMatchObject({
      type: "https://schema.org/Message",
      additionalType: ["AIGeneratedContent"],
    });
    expect(entity?.citation).toHaveLength(answer.sources.length);
    expect(reply.channelData).toEqual({ feedbackLoopEnabled: true });
    expect(reply.text).toContain("Written by AI from your communities' library");
    expect(reply.text).toContain("In short: ");
  });

  it("does not call the model when the library has no answer, and keeps the quoted answer when the model fails or declines", async () => {
    const before = model.requests.length;
    const unknown = await asking.ask(caller, "Where is the yak shed behind the canteen?");
    expect(unknown.answer.kind).toBe("unknown");
    expect(model.requests.length).toBe(before);

    const failed = await asking.ask(caller, `${QUESTION} fail`);
    expect(failed.answer.kind).toBe("answered");
    if (failed.answer.kind === "unknown") return;
    expect(failed.answer.generated).toBeUndefined();
    expect(warnings.join("\n")).toContain("generated answer failed");
    const quotedReply = askReply(failed, links, undefined);
    expect(quotedReply.channelData).toBeUndefined();
    expect(JSON.stringify(quotedReply.entities)).not.toContain("AIGeneratedContent");

    const declined = await asking.ask(caller, `${QUESTION} unanswerable`);
    expect(declined.answer.kind).toBe("answered");
    if (declined.answer.kind === "unknown") return;
    expect(declined.answer.generated).toBeUndefined();
  });
});
