import { type HostSettings, readHostSettings, toQueryString } from "./hostSettings";
import {
  fetchLocalDefaults,
  fetchLocalToken,
  fetchLocalUsers,
  type LocalDefaults,
  type LocalUser,
} from "./localApi";
import { buildTeamsContext, type HostSession, newHostSession } from "./teamsContext";
import { type AppRequest, TeamsHostProtocol } from "./teamsProtocol";

/** How the tab reported its start-up, as Teams tracks it (shown on `#app-status`). */
type AppStatus = "loading" | "initialized" | "success" | "failure" | "expectedFailure";

/**
 * The runtime the host declares in its `initialize` answer (teams-js runtime API version 4). It
 * lists only capabilities this host answers; teams-js then reports the rest as unsupported.
 */
const RUNTIME_CONFIG = {
  apiVersion: 4,
  isLegacyTeams: false,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  // `pages.config` makes teams-js' `pages.config.isSupported()` true, so a configuration page can
  // register its save handler (teams-js checks `runtime.supports.pages.config`).
  supports: { pages: { config: {} }, teamsCore: {} },
};

/** The largest number of entries kept in the on-page message log. */
const LOG_LIMIT = 200;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The host page has no #${id}.`);
  return found as T;
}

const ui = {
  form: element<HTMLFormElement>("host-controls"),
  user: element<HTMLSelectElement>("user"),
  theme: element<HTMLSelectElement>("theme"),
  frame: element<HTMLSelectElement>("frame"),
  locale: element<HTMLSelectElement>("locale"),
  page: element<HTMLSelectElement>("page"),
  entityId: element<HTMLInputElement>("entity-id"),
  status: element<HTMLElement>("app-status"),
  community: element<HTMLElement>("loaded-community"),
  error: element<HTMLElement>("host-error"),
  frameBox: element<HTMLElement>("frame-box"),
  log: element<HTMLOListElement>("protocol-log"),
  settingsBar: element<HTMLElement>("settings-bar"),
  tabBar: element<HTMLElement>("tab-bar"),
  tabSettings: element<HTMLButtonElement>("tab-settings"),
  settingsState: element<HTMLElement>("settings-state"),
  settingsSave: element<HTMLButtonElement>("settings-save"),
  stageArea: element<HTMLElement>("stage-area"),
  stageFrame: element<HTMLIFrameElement>("stage-frame"),
};

/** The configuration page Teams opens in the settings frame (the manifest's `configurationUrl`). */
const CONFIG_PAGE = "/tab/config";

/** What a configuration page asked the host to save (`pages.config.setConfig`). */
interface TabConfig {
  entityId?: string;
  contentUrl?: string;
  websiteUrl?: string;
  suggestedDisplayName?: string;
}

/** The settings frame's save flow, as Teams runs it: valid → Save → save handler → success. */
const configFlow = { valid: false, saving: false, pending: null as TabConfig | null };

function showConfigState(message: string): void {
  ui.settingsState.textContent = message;
  ui.settingsState.dataset.valid = String(configFlow.valid);
  ui.settingsSave.disabled = !configFlow.valid || configFlow.saving;
}

let frame = element<HTMLIFrameElement>("tab-frame");
let session: HostSession = newHostSession();
let initializeCount = 0;
let stageSession: HostSession = newHostSession();

/** teams-js' `ErrorCode.NOT_ALLOWED`: the app may not do this here. */
const NOT_ALLOWED = 1000;

function showHostError(message: string): void {
  ui.error.textContent = message;
  ui.error.hidden = false;
}

function setAppStatus(status: AppStatus, detail?: string): void {
  ui.status.dataset.appStatus = status;
  ui.status.textContent = `Tab status: ${status}${detail ? ` (${detail})` : ""}`;
}

function logRequest(request: AppRequest, handled: boolean): void {
  const entry = document.createElement("li");
  entry.dataset.func = request.func;
  // Handler registrations and opened links name what they are about, so tests can check them.
  const detail =
    request.func === "registerHandler" || request.func === "executeDeepLink"
      ? ` ${String(request.args[0])}`
      : "";
  entry.textContent = `${request.func}${detail}${handled ? "" : " (not supported)"}`;
  ui.log.append(entry);
  while (ui.log.childElementCount > LOG_LIMIT) ui.log.firstElementChild?.remove();
}

function fillUsers(users: LocalUser[], selectedId: string): void {
  ui.user.replaceChildren(
    ...users.map((user) => {
      const about = [user.jobTitle, user.department].filter(Boolean).join(", ");
      return new Option(
        about ? `${user.displayName} – ${about}` : user.displayName,
        user.id,
        false,
        user.id === selectedId,
      );
    }),
  );
  ui.user.disabled = users.length === 0;
}

function showSettings(settings: HostSettings): void {
  ui.user.value = settings.userId;
  ui.theme.value = settings.theme;
  ui.frame.value = settings.frame;
  ui.locale.value = settings.locale;
  ensureOption(ui.page, settings.page);
  ui.page.value = settings.page;
  ui.entityId.value = settings.entityId;
  document.body.dataset.theme = settings.theme;
  ui.community.textContent = `Community: ${settings.entityId || "none (tab not connected)"}`;
  ui.community.dataset.entityId = settings.entityId;
  // A channel tab's menu exists for the channel tab only (not in meetings or the dialog itself).
  ui.tabBar.hidden = settings.frame !== "content";
}

/** Deep links may name a tab path that is not in the list; it still gets an option so it shows. */
function ensureOption(select: HTMLSelectElement, value: string): void {
  if (![...select.options].some((option) => option.value === value)) select.add(new Option(value, value));
}

/** Loads the tab afresh, as Teams does when the user, frame or tab changes: a new frame and session. */
function loadTab(settings: HostSettings): void {
  session = newHostSession();
  setAppStatus("loading");
  ui.frameBox.dataset.frame = settings.frame;
  configFlow.valid = false;
  configFlow.saving = false;
  configFlow.pending = null;
  ui.settingsBar.hidden = settings.frame !== "settings";
  showConfigState("Fill in the tab's settings.");
  const next = document.createElement("iframe");
  next.id = "tab-frame";
  next.title = "PeerCircle tab";
  next.src = settings.frame === "settings" ? CONFIG_PAGE : settings.page;
  frame.replaceWith(next);
  frame = next;
}

/** What the host learns from the server before it can answer for the signed-in person. */
interface HostDirectory {
  users: LocalUser[];
  defaults: LocalDefaults;
}

/** The frame a protocol answers for: its settings (frame context, page) and its app session. */
interface AnsweredFrame {
  settings: () => HostSettings;
  session: () => HostSession;
  directory: Promise<HostDirectory>;
}

/**
 * What every app frame asks of Teams: the handshake, the context, the sign-in token and the
 * start-up reports. The tab frame and the stage frame each get these, for their own frame context.
 */
function answerAppBasics(
  protocol: TeamsHostProtocol,
  frame: AnsweredFrame,
  report: { initialized: () => void; status: (status: AppStatus, detail?: string) => void },
): TeamsHostProtocol {
  const userById = (users: LocalUser[], id: string) => users.find((user) => user.id === id);
  return (
    protocol
      .handle("initialize", (args) => {
        report.initialized();
        const appSdkVersion = typeof args[0] === "string" ? args[0] : "2.0.0";
        return [frame.settings().frame, "web", JSON.stringify(RUNTIME_CONFIG), appSdkVersion];
      })
      .handle("getContext", async () => {
        const { users, defaults } = await frame.directory;
        const settings = frame.settings();
        return [buildTeamsContext(settings, userById(users, settings.userId), defaults, frame.session())];
      })
      .handle("authentication.getAuthToken", async () => {
        try {
          await frame.directory;
          return [true, await fetchLocalToken(frame.settings().userId)];
        } catch (error) {
          return [false, error instanceof Error ? error.message : String(error)];
        }
      })
      .handle("appInitialization.appLoaded", () => undefined)
      .handle("appInitialization.success", () => {
        report.status("success");
        return undefined;
      })
      .handle("appInitialization.failure", ([reason, message]) => {
        report.status("failure", [reason, message].filter(Boolean).join(": "));
        return undefined;
      })
      .handle("appInitialization.expectedFailure", ([reason, message]) => {
        report.status("expectedFailure", [reason, message].filter(Boolean).join(": "));
        return undefined;
      })
      // One-way notices: teams-js expects no answer.
      .handle("registerHandler", () => undefined)
      .handle("readyToUnload", () => undefined)
  );
}

/** A URL of this app's own tab pages (what may go on the stage), as a path; undefined otherwise. */
function ownTabPage(url: unknown): string | undefined {
  if (typeof url !== "string") return undefined;
  try {
    const target = new URL(url, window.location.origin);
    if (target.origin !== window.location.origin || !target.pathname.startsWith("/tab/")) return undefined;
    return `${target.pathname}${target.search}`;
  } catch {
    return undefined;
  }
}

async function start(): Promise<void> {
  // The tab's address needs only the query string (page and frame context), so the frame starts
  // loading now, as Teams opens an app's frame at once, while the people and the defaults are on
  // their way; the calls that need them (context, token) wait for them.
  let settings = readHostSettings(window.location.search, { userId: "", entityId: "" });
  const directory: Promise<HostDirectory> = Promise.all([fetchLocalUsers(), fetchLocalDefaults()]).then(
    ([users, defaults]) => ({ users, defaults }),
  );
  directory.catch((error: unknown) =>
    showHostError(
      `The local server did not answer (${error instanceof Error ? error.message : String(error)}). Is it running in local mode (npm start)?`,
    ),
  );

  // The stage area: a second frame, answered as Teams answers an app on the meeting stage.
  const showStage = (page: string): void => {
    stageSession = newHostSession();
    ui.stageArea.hidden = false;
    ui.stageArea.dataset.appStatus = "loading";
    ui.stageFrame.src = page;
  };
  const hideStage = (): void => {
    ui.stageArea.hidden = true;
    ui.stageFrame.removeAttribute("src");
  };
  const protocol = answerAppBasics(
    new TeamsHostProtocol({ getFrame: () => frame, onRequest: logRequest }),
    { settings: () => settings, session: () => session, directory },
    {
      initialized: () => {
        initializeCount += 1;
        ui.status.dataset.initializeCount = String(initializeCount);
        setAppStatus("initialized");
      },
      status: setAppStatus,
    },
  )
    // meeting.*: the side panel may put the app on the stage (Teams lets presenters and
    // organisers; the local host lets whoever is signed in), shown in the host's stage area.
    .handle("meeting.getAppContentStageSharingCapabilities", () => [
      null,
      { doesAppHaveSharePermission: settings.frame === "sidePanel" },
    ])
    .handle("meeting.getAppContentStageSharingState", () => [null, { isAppSharing: !ui.stageArea.hidden }])
    .handle("meeting.shareAppContentToStage", ([url]) => {
      const page = settings.frame === "sidePanel" ? ownTabPage(url) : undefined;
      if (!page)
        return [
          {
            errorCode: NOT_ALLOWED,
            message: "Only the side panel shares this app's own pages to the stage.",
          },
          null,
        ];
      showStage(page);
      return [null, true];
    })
    .handle("meeting.stopSharingAppContentToStage", () => {
      hideStage();
      return [null, true];
    })
    // pages.config: the configuration page says when Save may be pressed and what to save.
    .handle("settings.setValidityState", ([valid]) => {
      configFlow.valid = valid === true;
      showConfigState(configFlow.valid ? "Ready to save." : "Fill in the tab's settings.");
      return undefined;
    })
    .handle("settings.setSettings", ([config]) => {
      configFlow.pending = typeof config === "object" && config !== null ? (config as TabConfig) : null;
      // teams-js reads this answer as `[status, reason]` (sendAndHandleStatusAndReason).
      return [true];
    })
    .handle("settings.save.success", () => {
      finishSave(configFlow.pending);
      return undefined;
    })
    .handle("settings.save.failure", ([reason]) => {
      configFlow.saving = false;
      showConfigState(
        `Teams couldn't save the tab: ${typeof reason === "string" ? reason : "no reason given"}.`,
      );
      return undefined;
    })
    .handle("settings.getSettings", async () => {
      await directory;
      return [
        {
          entityId: settings.entityId,
          contentUrl: new URL(settings.page, window.location.origin).href,
          websiteUrl: new URL(settings.page, window.location.origin).href,
          suggestedDisplayName: "PeerCircle",
        },
      ];
    })
    // app.openLink: Teams opens a web link (a message's deep link inside Teams). The local host has
    // no Teams to open it in and no network: it logs the link (see the message log) and says done.
    .handle("executeDeepLink", ([url]) =>
      typeof url === "string" && /^https?:\/\//i.test(url)
        ? [true]
        : [false, "The local Teams host opens only http(s) links."],
    );
  protocol.start();
  loadTab(settings);

  // The stage frame answers as Teams answers an app on the meeting stage.
  answerAppBasics(
    new TeamsHostProtocol({ getFrame: () => ui.stageFrame, onRequest: logRequest }),
    {
      settings: () => ({ ...settings, frame: "meetingStage", page: ui.stageFrame.getAttribute("src") ?? "" }),
      session: () => stageSession,
      directory,
    },
    {
      initialized: () => undefined,
      status: (status) => {
        ui.stageArea.dataset.appStatus = status;
      },
    },
  ).start();

  let known: HostDirectory;
  try {
    known = await directory;
  } catch {
    return; // shown on the page by the handler above
  }
  const { users, defaults } = known;
  settings = readHostSettings(window.location.search, {
    userId: defaults.userId || users[0]?.id || "",
    entityId: defaults.communityId ?? "",
  });

  const apply = (next: HostSettings, reload: boolean): void => {
    settings = next;
    window.history.replaceState(null, "", toQueryString(settings));
    showSettings(settings);
    if (reload) loadTab(settings);
  };

  /**
   * After a successful save Teams closes the configuration dialog and opens the tab's content
   * with the saved entity id; the host does the same with the saved `contentUrl`'s path.
   */
  const finishSave = (config: TabConfig | null): void => {
    configFlow.saving = false;
    if (!config?.entityId || !config.contentUrl) {
      showConfigState("The tab reported success without saving its settings (pages.config.setConfig).");
      return;
    }
    const target = new URL(config.contentUrl, window.location.origin);
    const page = target.origin === window.location.origin ? target.pathname : settings.page;
    apply({ ...settings, frame: "content", entityId: config.entityId, page }, true);
  };

  ui.settingsSave.addEventListener("click", () => {
    if (!configFlow.valid || configFlow.saving) return;
    configFlow.saving = true;
    showConfigState("Saving…");
    // Teams sends the save event with a result object the save handler may fill in.
    protocol.sendEvent("settings.save", [{}]);
  });

  ui.theme.addEventListener("change", () => {
    const theme = ui.theme.value as HostSettings["theme"];
    apply({ ...settings, theme }, false);
    // Teams switches themes live: it tells the app instead of reloading it.
    protocol.sendEvent("themeChange", [theme]);
  });
  ui.tabSettings.addEventListener("click", () => apply({ ...settings, frame: "settings" }, true));
  ui.user.addEventListener("change", () => apply({ ...settings, userId: ui.user.value }, true));
  ui.frame.addEventListener("change", () =>
    apply({ ...settings, frame: ui.frame.value as HostSettings["frame"] }, true),
  );
  ui.locale.addEventListener("change", () => apply({ ...settings, locale: ui.locale.value }, true));
  ui.page.addEventListener("change", () => apply({ ...settings, page: ui.page.value }, true));
  ui.form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply({ ...settings, entityId: ui.entityId.value.trim() }, true);
  });

  fillUsers(users, settings.userId);
  // The frame already shows the page and frame context the query string asked for.
  apply(settings, false);
}

void start();
