/**
 * The host side of teams-js' window.postMessage protocol (teams-js 2.x,
 * `internal/communication.js`): the app posts `{ id, uuidAsString, func, args, ... }` to its
 * parent; the host answers `{ id, uuidAsString, args }`, and sends events as `{ func, args }`.
 */

/** A request from the app, as teams-js serialises it. */
export interface AppRequest {
  id: number;
  uuidAsString?: string;
  func: string;
  args: unknown[];
}

/** What a handler returns: the response's `args`, or `undefined` for one-way messages. */
export type HandlerResult = unknown[] | undefined;

/** Handles one `func`; may be async (the token, for example, comes from the server). */
export type RequestHandler = (args: unknown[]) => HandlerResult | Promise<HandlerResult>;

/** Teams' "not supported on this platform" error code (teams-js `ErrorCode.NOT_SUPPORTED_ON_PLATFORM`). */
const NOT_SUPPORTED_ON_PLATFORM = 100;

function isAppRequest(data: unknown): data is AppRequest {
  if (typeof data !== "object" || data === null) return false;
  const message = data as Partial<AppRequest>;
  return typeof message.id === "number" && typeof message.func === "string";
}

/** Options of {@link TeamsHostProtocol}. */
export interface TeamsHostProtocolOptions {
  /** The frame whose app this host answers; read at each message, as the frame can be replaced. */
  getFrame: () => HTMLIFrameElement;
  /** Called for every request, before it is handled (the page logs them). */
  onRequest?: (request: AppRequest, handled: boolean) => void;
}

/** Answers a tab's teams-js calls the way Teams does, for the registered `func` names. */
export class TeamsHostProtocol {
  readonly #handlers = new Map<string, RequestHandler>();
  readonly #options: TeamsHostProtocolOptions;
  readonly #listener = (event: MessageEvent) => void this.#receive(event);

  constructor(options: TeamsHostProtocolOptions) {
    this.#options = options;
  }

  /** Registers the handler for one teams-js `func`. */
  handle(func: string, handler: RequestHandler): this {
    this.#handlers.set(func, handler);
    return this;
  }

  /** Starts listening to the frame. */
  start(): void {
    window.addEventListener("message", this.#listener);
  }

  /** Stops listening. */
  stop(): void {
    window.removeEventListener("message", this.#listener);
  }

  /** Sends a host event such as `themeChange` to the app. */
  sendEvent(func: string, args: unknown[]): void {
    this.#options.getFrame().contentWindow?.postMessage({ func, args }, window.location.origin);
  }

  async #receive(event: MessageEvent): Promise<void> {
    const frameWindow = this.#options.getFrame().contentWindow;
    // Only the tab's own frame, served from this origin, may talk to the host.
    if (event.source !== frameWindow || event.origin !== window.location.origin) return;
    if (!isAppRequest(event.data)) return;

    const request = event.data;
    const handler = this.#handlers.get(request.func);
    this.#options.onRequest?.(request, handler !== undefined);

    let args: HandlerResult;
    try {
      args = handler
        ? await handler(Array.isArray(request.args) ? request.args : [])
        : // Unknown calls get Teams' "not supported" error so the app's promise settles instead of hanging.
          [
            {
              errorCode: NOT_SUPPORTED_ON_PLATFORM,
              message: `${request.func} is not supported by the local Teams host.`,
            },
          ];
    } catch (error) {
      args = [{ errorCode: 500, message: error instanceof Error ? error.message : String(error) }];
    }
    if (args === undefined) return;
    (event.source as Window).postMessage(
      { id: request.id, uuidAsString: request.uuidAsString, args },
      window.location.origin,
    );
  }
}
