import http from "node:http";

/** An answer: its status, headers and body, and when its last byte was read. */
export type Received = {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  receivedAt: number;
};

/** Attempts after the first for a request that met a kept-alive socket the server had just closed. */
const STALE_SOCKET_RETRIES = 4;

/**
 * A lean HTTP GET for load generation: node:http over kept-alive connections, reading the body as
 * raw bytes. On a two-core machine the load generator shares the CPU with the server it measures;
 * `fetch` (WHATWG streams) costs about 0.8 ms of CPU per request here, this about 0.3 ms, so the
 * figures say more about the server and less about the client.
 */
export class LightClient {
  private readonly agent: http.Agent;

  constructor(maxSockets: number) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  /** The status and body of a GET; the body is read to its end. */
  get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const req = http.get(url, { agent: this.agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      });
      req.on("error", reject);
    });
  }

  /**
   * Any method with an optional JSON body; the answer's status, headers and body (read to its
   * end). A request sent on a kept-alive socket the server closed at that moment (its idle
   * timeout) is sent again, as Node's documentation advises (`request.reusedSocket`): every request
   * the bench sends carries its own request id. After a pause, several free sockets may be closing
   * at once and the next attempt may take another of them: up to {@link STALE_SOCKET_RETRIES} times.
   * `receivedAt` is when the answer's last byte was read (`performance.now()`): a latency that ends
   * there leaves out what the load generator does with the answer afterwards (parsing it), and how
   * long other answers' handling kept it from noticing.
   */
  send(method: string, url: string, headers: Record<string, string> = {}, body?: unknown): Promise<Received> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const attempt = (retriesLeft: number) =>
      new Promise<Received>((resolve, reject) => {
        const req = http.request(
          url,
          {
            method,
            agent: this.agent,
            headers: {
              ...headers,
              ...(payload ? { "content-type": "application/json", "content-length": payload.length } : {}),
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (chunk: Buffer) => chunks.push(chunk));
            res.on("end", () =>
              resolve({
                status: res.statusCode ?? 0,
                headers: res.headers,
                body: Buffer.concat(chunks),
                receivedAt: performance.now(),
              }),
            );
            res.on("error", reject);
          },
        );
        req.on("error", (error: NodeJS.ErrnoException) => {
          if (retriesLeft > 0 && req.reusedSocket && error.code === "ECONNRESET")
            resolve(attempt(retriesLeft - 1));
          else reject(new Error(`${method} ${url}: ${error.message}`));
        });
        req.end(payload);
      });
    return attempt(STALE_SOCKET_RETRIES);
  }

  close(): void {
    this.agent.destroy();
  }
}
