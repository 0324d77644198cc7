import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One chat-completions request as the stand-in received it. */
export interface RecordedCompletion {
  deployment: string;
  apiVersion: string | null;
  apiKey: string | undefined;
  body: { messages: { role: string; content: string }[]; [key: string]: unknown };
}

/**
 * A local stand-in for an Azure OpenAI deployment's chat completions
 * (`POST /openai/deployments/{deployment}/chat/completions?api-version=…`), answering the
 * documented response shape. What it writes is extractive, so tests can tell what came from
 * which source: the first sentence of each source it was given, cited `[n]`. It answers
 * `NO_ANSWER` when the question holds "unanswerable", and a 500 when it holds "fail". Every
 * request is recorded, so a test can see exactly what left for the model.
 */
export class AzureOpenAiStandIn {
  readonly requests: RecordedCompletion[] = [];
  private server: Server | undefined;

  /** The endpoint to configure (`AZURE_OPENAI_ENDPOINT`). */
  get endpoint(): string {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error("the Azure OpenAI stand-in is not running");
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const match = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/.exec(url.pathname);
    if (req.method !== "POST" || !match?.[1])
      return send(res, 404, { error: { code: "404", message: "Resource not found" } });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as RecordedCompletion["body"];
    const apiKey = req.headers["api-key"];
    this.requests.push({
      deployment: decodeURIComponent(match[1]),
      apiVersion: url.searchParams.get("api-version"),
      apiKey: typeof apiKey === "string" ? apiKey : undefined,
      body,
    });
    const user = body.messages.find((m) => m.role === "user")?.content ?? "";
    const question = /Question: (.*)$/s.exec(user)?.[1] ?? "";
    if (/fail/i.test(question))
      return send(res, 500, { error: { code: "500", message: "stand-in failure" } });
    const content = /unanswerable/i.test(question) ? "NO_ANSWER" : composeFrom(user);
    send(res, 200, {
      id: `chatcmpl-${this.requests.length}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: "gpt-4o-mini",
      choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop", logprobs: null }],
      usage: {
        prompt_tokens: Math.ceil(user.length / 4),
        completion_tokens: Math.ceil(content.length / 4),
        total_tokens: 0,
      },
    });
  }
}

/** "In short: " and the first sentence after each source's title, cited. */
function composeFrom(user: string): string {
  const sources = [...user.matchAll(/^\[(\d+)\] [^\n]*\n([^\n]+)/gm)];
  return sources
    .map(([, n, text]) => `In short: ${(text ?? "").split(/(?<=[.!?])\s/)[0]?.trim()} [${n}]`)
    .join(" ");
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
