import { existsSync, readFileSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseDotenv } from "dotenv";
import JSZip from "jszip";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCENT_COLOR, renderColorIcon, renderOutlineIcon } from "../../scripts/makeIcons.js";
import { activityCommandOf } from "../../src/bot/meetings/activityCommands.js";
import { OUTCOME_COMMAND } from "../../src/bot/meetings/meetingOutcomes.js";
import { AppPackageError } from "../../src/server/appPackage/appPackageError.js";
import { buildAppPackage } from "../../src/server/appPackage/buildAppPackage.js";
import { validateAppPackageZip } from "../../src/server/appPackage/validateAppPackage.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), "peercircle-apppackage-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function unzip(zipPath: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(await readFile(zipPath));
  const files = new Map<string, string>();
  for (const entry of Object.values(zip.files)) files.set(entry.name, await entry.async("string"));
  return files;
}

/** The value a package should carry for a variable: the env file's, or its offline stand-in. */
function expectedValue(env: Record<string, string>, name: string): string {
  return env[name] || env[`PACKAGE_PLACEHOLDER_${name}`] || "";
}

interface ManifestShape {
  id: string;
  name: { short: string };
  developer: { privacyUrl: string };
  bots: Array<{
    botId: string;
    scopes: string[];
    commandLists: Array<{ scopes: string[]; commands: Array<{ title: string; description?: string }> }>;
  }>;
  composeExtensions: Array<{
    botId: string;
    commands: Array<{ id: string; type: string; title: string; context: string[]; fetchTask?: boolean }>;
    messageHandlers: Array<{ value: { domains: string[] } }>;
  }>;
  configurableTabs: Array<{ configurationUrl: string; scopes: string[]; context: string[] }>;
  staticTabs: Array<{ entityId: string; contentUrl?: string }>;
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
  authorization: { permissions: { resourceSpecific: Array<{ name: string; type: string }> } };
}

describe("the real app package", () => {
  for (const envName of ["local", "dev"]) {
    it(`builds and validates for ${envName}, with every placeholder resolved`, async () => {
      const env = parseDotenv(readFileSync(path.join(repoRoot, "env", `.env.${envName}`)));
      const outputDir = path.join(scratch, `real-${envName}`);

      const built = await buildAppPackage({ root: repoRoot, envName, overrides: {}, outputDir });

      expect(built.zipPath).toBe(path.join(outputDir, `appPackage.${envName}.zip`));
      const files = await unzip(built.zipPath);
      expect([...files.keys()].sort()).toEqual(["color.png", "de.json", "manifest.json", "outline.png"]);
      for (const name of ["manifest.json", "de.json"]) expect(files.get(name)).not.toContain("${{");

      const manifest = JSON.parse(files.get("manifest.json") ?? "") as ManifestShape;
      const tabEndpoint = expectedValue(env, "TAB_ENDPOINT");
      const tabDomain = expectedValue(env, "TAB_DOMAIN");
      const clientId = expectedValue(env, "AAD_APP_CLIENT_ID");
      const botId = expectedValue(env, "BOT_ID");
      expect(manifest.id).toBe(expectedValue(env, "TEAMS_APP_ID"));
      expect(manifest.name.short).toBe(`PeerCircle${env.APP_NAME_SUFFIX}`);
      expect(manifest.bots[0]?.botId).toBe(botId);
      expect(manifest.composeExtensions[0]?.botId).toBe(botId);
      expect(manifest.configurableTabs[0]?.configurationUrl).toBe(`${tabEndpoint}/tab/config`);
      expect(manifest.staticTabs.find((t) => t.entityId === "mylearning")?.contentUrl).toBe(
        `${tabEndpoint}/tab/personal`,
      );
      expect(manifest.validDomains).toEqual([tabDomain]);
      expect(manifest.composeExtensions[0]?.messageHandlers[0]?.value.domains).toEqual([tabDomain]);
      expect(manifest.webApplicationInfo).toEqual({
        id: clientId,
        resource: `api://${tabDomain}/${clientId}`,
      });
      const german = JSON.parse(files.get("de.json") ?? "") as Record<string, string>;
      expect(german["name.short"]).toBe(`PeerCircle${env.APP_NAME_SUFFIX}`);
      // The written zip passes validation on its own, as Teams would receive it.
      expect((await validateAppPackageZip(await readFile(built.zipPath))).problems).toEqual([]);
    });
  }

  it("says which offline stand-ins a dev package uses, and uses real values once they are set", async () => {
    const before = await buildAppPackage({
      root: repoRoot,
      envName: "dev",
      overrides: {},
      outputDir: path.join(scratch, "dev-before"),
    });
    expect(before.warnings.join("\n")).toMatch(
      /BOT_ID is empty in env\/\.env\.dev; used PACKAGE_PLACEHOLDER_BOT_ID/,
    );

    const realBotId = "8d1f2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b";
    const after = await buildAppPackage({
      root: repoRoot,
      envName: "dev",
      overrides: { BOT_ID: realBotId },
      outputDir: path.join(scratch, "dev-after"),
    });
    expect((after.manifest as unknown as ManifestShape).bots[0]?.botId).toBe(realBotId);
    expect(after.warnings.join("\n")).not.toContain("BOT_ID");
  });

  it("declares the surfaces PeerCircle serves", async () => {
    const built = await buildAppPackage({
      root: repoRoot,
      envName: "local",
      overrides: {},
      outputDir: path.join(scratch, "surfaces"),
    });
    const manifest = built.manifest as unknown as ManifestShape;
    expect(manifest.configurableTabs[0]?.scopes).toEqual(["team", "groupChat"]);
    expect(manifest.configurableTabs[0]?.context).toEqual(
      expect.arrayContaining([
        "channelTab",
        "meetingSidePanel",
        "meetingStage",
        "meetingChatTab",
        "meetingDetailsTab",
      ]),
    );
    expect(manifest.bots[0]?.scopes).toEqual(["personal", "team", "groupChat"]);
    expect(manifest.bots[0]?.commandLists.flatMap((l) => l.commands.map((c) => c.title))).toContain("help");
    const commands = manifest.composeExtensions[0]?.commands ?? [];
    expect(commands.find((c) => c.id === "saveInsight")).toMatchObject({
      type: "action",
      title: "Save as insight",
      context: ["message"],
      fetchTask: true,
    });
    expect(commands.find((c) => c.id === "findInsight")).toMatchObject({
      type: "query",
      title: "Find insight",
      context: ["compose", "commandBox"],
      // Opening the extension runs the empty query at once: the most helpful recent entries show.
      initialRun: true,
    });
  });

  it("lists the bot's meeting commands for meeting chats, group chats and teams, in English and German", async () => {
    const manifest = JSON.parse(
      await readFile(path.join(repoRoot, "appPackage", "manifest.json"), "utf8"),
    ) as ManifestShape;
    const german = JSON.parse(await readFile(path.join(repoRoot, "appPackage", "de.json"), "utf8")) as Record<
      string,
      string
    >;
    const lists = manifest.bots[0]?.commandLists ?? [];
    // A meeting's chat is a group chat to the bot: the meeting commands belong to that list.
    const index = lists.findIndex((l) => l.scopes.includes("groupChat"));
    const meeting = lists[index];
    expect(meeting?.scopes).toEqual(["team", "groupChat"]);
    const titles = meeting?.commands.map((c) => c.title) ?? [];
    expect(titles).toEqual([
      "tps",
      "think-pair-share",
      "knowledge-cafe",
      "mastermind",
      "activity",
      "decision",
      "action",
      "insight",
      "outcome",
      "help",
    ]);
    // Each listed command reaches the handler that answers it (what Teams inserts is the title).
    for (const title of titles.filter((t) => t !== "help"))
      expect(activityCommandOf(title) !== undefined || OUTCOME_COMMAND.test(title), title).toBe(true);
    meeting?.commands.forEach((command, i) => {
      expect(command.description, command.title).toBeTruthy();
      const key = `bots[0].commandLists[${index}].commands[${i}].description`;
      expect(german[key], key).toBeTruthy();
      expect(german[key], key).not.toBe(command.description);
    });
    expect(lists.find((l) => l.scopes.includes("personal"))?.commands.map((c) => c.title)).toEqual(["help"]);
    expect(manifest.authorization.permissions.resourceSpecific.map((p) => p.name)).toEqual(
      expect.arrayContaining(["OnlineMeeting.ReadBasic.Chat", "ChannelMeeting.ReadBasic.Group"]),
    );
  });

  it("ships the icons scripts/makeIcons.ts draws, in the manifest's accent colour", async () => {
    const manifest = JSON.parse(
      await readFile(path.join(repoRoot, "appPackage", "manifest.json"), "utf8"),
    ) as {
      accentColor: string;
    };
    expect(manifest.accentColor).toBe(ACCENT_COLOR);
    const committed = (file: string) => PNG.sync.read(readFileSync(path.join(repoRoot, "appPackage", file)));
    expect(Buffer.compare(committed("color.png").data, renderColorIcon().data)).toBe(0);
    expect(Buffer.compare(committed("outline.png").data, renderOutlineIcon().data)).toBe(0);
  });

  it("asks for exactly the RSC permissions the admin guide explains", async () => {
    const manifest = JSON.parse(
      await readFile(path.join(repoRoot, "appPackage", "manifest.json"), "utf8"),
    ) as ManifestShape;
    const guide = await readFile(path.join(repoRoot, "appPackage", "PERMISSIONS.md"), "utf8");
    const requestedSection = guide.split("## Deliberately not requested")[0] ?? "";
    const explained = [
      ...requestedSection.matchAll(/^\| `([A-Za-z.]+)`\s*\| (Application|Delegated)\s*\|/gm),
    ].map((m) => ({ name: m[1], type: m[2] }));
    expect(explained.length).toBeGreaterThan(0);
    expect(manifest.authorization.permissions.resourceSpecific).toEqual(explained);
  });

  it("uses every RSC permission it asks for: the code that needs it and the test that exercises it", async () => {
    const manifest = JSON.parse(
      await readFile(path.join(repoRoot, "appPackage", "manifest.json"), "utf8"),
    ) as ManifestShape;
    const requested = manifest.authorization.permissions.resourceSpecific.map((p) => p.name).sort();
    // A permission no code needs is removed from the manifest; a new one gets its code and test here.
    expect(requested).toEqual(Object.keys(PERMISSION_USES).sort());
    for (const [permission, uses] of Object.entries(PERMISSION_USES))
      for (const [file, needle] of [...uses.code, uses.test]) {
        const text = await readFile(path.join(repoRoot, file), "utf8").catch(() => "");
        expect(text.includes(needle), `${permission}: ${file} should contain ${needle}`).toBe(true);
      }
  });
});

/**
 * Each RSC permission in the manifest: where the code needs it (file, a line it depends on) and
 * the test that exercises that code (file, what it sends or checks).
 */
const PERMISSION_USES: Record<string, { code: [string, string][]; test: [string, string] }> = {
  // Meeting start and end events of private and scheduled meetings.
  "OnlineMeeting.ReadBasic.Chat": {
    code: [
      ["src/bot/meetings/meetingOutcomes.ts", "app.meetings.start("],
      ["src/bot/meetings/meetingOutcomes.ts", "app.meetings.end("],
    ],
    test: ["tests/integration/meetingOutcomes.test.ts", "application/vnd.microsoft.meetingEnd"],
  },
  // The same events for meetings in a team's channel.
  "ChannelMeeting.ReadBasic.Group": {
    code: [["src/bot/meetings/meetingOutcomes.ts", "app.meetings.start("]],
    test: ["tests/integration/channelMeetings.test.ts", "application/vnd.microsoft.meetingStart"],
  },
  // Meeting roles (Get meeting participant) and participant join/leave events.
  "OnlineMeetingParticipant.Read.Chat": {
    code: [
      ["src/bot/meetings/teamsMeetingRoles.ts", "TeamsInfo.getMeetingParticipant("],
      ["src/bot/wireNames.ts", "application/vnd.microsoft.meetingParticipantJoin"],
      ["src/bot/meetings/meetingPresence.ts", "PARTICIPANT_JOIN"],
    ],
    test: ["tests/integration/meetingRoles.test.ts", "application/vnd.microsoft.meetingParticipantJoin"],
  },
  "ChannelMeetingParticipant.Read.Group": {
    code: [
      ["src/bot/meetings/teamsMeetingRoles.ts", "TeamsInfo.getMeetingParticipant("],
      ["src/bot/wireNames.ts", "application/vnd.microsoft.meetingParticipantJoin"],
      ["src/bot/meetings/meetingPresence.ts", "PARTICIPANT_JOIN"],
    ],
    test: ["tests/integration/channelMeetings.test.ts", "application/vnd.microsoft.meetingParticipantJoin"],
  },
  // Share to stage from the side panel (the local host's meeting is a channel meeting's chat).
  "MeetingStage.Write.Chat": {
    code: [["src/tab/teams/meetingStage.ts", "meeting.shareAppContentToStage("]],
    test: ["tests/e2e/shareToStage.test.ts", "meeting.shareAppContentToStage"],
  },
  "ChannelMeetingStage.Write.Group": {
    code: [["src/tab/teams/meetingStage.ts", "meeting.shareAppContentToStage("]],
    test: ["tests/e2e/shareToStage.test.ts", "meeting.shareAppContentToStage"],
  },
};

/** A copy of appPackage/ with its own env file, to break one thing at a time. */
async function workspace(
  name: string,
  change: { env?: Record<string, string | null>; manifest?: (m: Record<string, unknown>) => void } = {},
): Promise<string> {
  const root = path.join(scratch, name);
  await mkdir(path.join(root, "env"), { recursive: true });
  await cp(path.join(repoRoot, "appPackage"), path.join(root, "appPackage"), {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}build`),
  });
  const env: Record<string, string | null> = {
    APP_NAME_SUFFIX: "test",
    TEAMS_APP_ID: "11111111-2222-4333-8444-555555555555",
    BOT_ID: "22222222-3333-4444-8555-666666666666",
    AAD_APP_CLIENT_ID: "33333333-4444-4555-8666-777777777777",
    TAB_DOMAIN: "peercircle.example.org",
    TAB_ENDPOINT: "https://peercircle.example.org",
    ...change.env,
  };
  const lines = Object.entries(env)
    .filter(([, value]) => value !== null)
    .map(([key, value]) => `${key}=${value}`);
  await writeFile(path.join(root, "env", ".env.test"), `${lines.join("\n")}\n`);
  if (change.manifest) {
    const file = path.join(root, "appPackage", "manifest.json");
    const manifest = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
    change.manifest(manifest);
    await writeFile(file, JSON.stringify(manifest, null, 2));
  }
  return root;
}

async function buildFailure(root: string): Promise<AppPackageError> {
  const outputDir = path.join(root, "out");
  const error = await buildAppPackage({ root, envName: "test", overrides: {}, outputDir }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppPackageError);
  // Nothing half-valid is left behind for someone to upload.
  expect(existsSync(path.join(outputDir, "appPackage.test.zip"))).toBe(false);
  return error as AppPackageError;
}

function png(width: number, height: number, rgba: [number, number, number, number]): Buffer {
  const image = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) image.data.set(rgba, i * 4);
  return PNG.sync.write(image);
}

describe("a broken package fails with a message that says what to fix", () => {
  it("builds a faithful copy (the control for every case below)", async () => {
    const root = await workspace("control");
    const built = await buildAppPackage({
      root,
      envName: "test",
      overrides: {},
      outputDir: path.join(root, "out"),
    });
    expect(built.warnings).toEqual([]);
    expect(existsSync(built.zipPath)).toBe(true);
  });

  it("rejects a short name over 30 characters, in the manifest and in the German strings", async () => {
    const error = await buildFailure(
      await workspace("long-name", { env: { APP_NAME_SUFFIX: "-a-suffix-far-too-long" } }),
    );
    expect(error.problems).toContainEqual(
      expect.stringContaining("manifest.json/name/short must NOT have more than 30 characters"),
    );
    expect(error.problems).toContainEqual(
      expect.stringContaining("de.json/name.short must NOT have more than 30 characters"),
    );
  });

  it("rejects a developer without a privacy statement", async () => {
    const root = await workspace("no-privacy", {
      manifest: (m) => {
        delete (m.developer as Record<string, unknown>).privacyUrl;
      },
    });
    const error = await buildFailure(root);
    expect(error.problems).toContainEqual(
      expect.stringMatching(/^manifest\.json\/developer must have required property 'privacyUrl'/),
    );
  });

  it("rejects an app id that is not a GUID", async () => {
    const error = await buildFailure(await workspace("bad-id", { env: { TEAMS_APP_ID: "peercircle-app" } }));
    expect(error.problems).toContainEqual(expect.stringMatching(/^manifest\.json\/id must match pattern/));
  });

  it("rejects a manifest whose version is not semver, or whose $schema is not bundled", async () => {
    const root = await workspace("bad-version", {
      manifest: (m) => {
        m.version = "1.0";
        m.$schema = "https://example.org/teams.schema.json";
      },
    });
    const error = await buildFailure(root);
    expect(error.problems).toContainEqual(expect.stringContaining('version "1.0" must be major.minor.patch'));
    expect(error.problems).toContainEqual(expect.stringContaining("is not a bundled Teams manifest schema"));
  });

  it("rejects a color icon of the wrong size", async () => {
    const root = await workspace("small-icon");
    await writeFile(path.join(root, "appPackage", "color.png"), png(100, 100, [31, 122, 140, 255]));
    const error = await buildFailure(root);
    expect(error.problems).toContain("color.png (icons.color) must be 192×192 pixels; it is 100×100");
  });

  it("rejects an outline icon that is not white on transparent", async () => {
    const root = await workspace("opaque-outline");
    await writeFile(path.join(root, "appPackage", "outline.png"), png(32, 32, [31, 122, 140, 255]));
    const error = await buildFailure(root);
    expect(error.problems).toContainEqual(
      expect.stringContaining("outline.png (icons.outline) must have a transparent background"),
    );
    expect(error.problems).toContainEqual(
      expect.stringContaining(
        "outline.png (icons.outline) must be white on transparent; 1024 visible pixels are not white",
      ),
    );
  });

  it("names every missing environment variable, and every empty one", async () => {
    const root = await workspace("missing-env", {
      env: { TAB_ENDPOINT: null, AAD_APP_CLIENT_ID: null, BOT_ID: "" },
    });
    const error = await buildFailure(root);
    expect(error.message).toContain('Cannot build the app package for "test".');
    expect(error.problems).toContainEqual(
      expect.stringMatching(
        /^\$\{\{TAB_ENDPOINT\}\} \(used in manifest\.json\) is not defined: add TAB_ENDPOINT=… to env\/\.env\.test/,
      ),
    );
    expect(error.problems).toContainEqual(
      expect.stringMatching(/^\$\{\{AAD_APP_CLIENT_ID\}\} .* is not defined/),
    );
    expect(error.problems).toContainEqual(
      expect.stringMatching(/^\$\{\{BOT_ID\}\} .* is empty in env\/\.env\.test/),
    );
  });

  it("rejects German strings that are too long or point at nothing", async () => {
    const root = await workspace("bad-german");
    const file = path.join(root, "appPackage", "de.json");
    const german = JSON.parse(await readFile(file, "utf8")) as Record<string, string>;
    german["description.short"] = "x".repeat(81);
    german["staticTabs[7].name"] = "Gibt es nicht";
    await writeFile(file, JSON.stringify(german));
    const error = await buildFailure(root);
    expect(error.problems).toContainEqual(
      expect.stringContaining("de.json/description.short must NOT have more than 80 characters"),
    );
    expect(error.problems).toContain('de.json: "staticTabs[7].name" does not match a text in manifest.json');
  });

  it("rejects a manifest that refers to a file appPackage/ does not have", async () => {
    const root = await workspace("missing-file");
    await rm(path.join(root, "appPackage", "de.json"));
    const error = await buildFailure(root);
    expect(error.problems).toContain(
      'localizationInfo.additionalLanguages[0].file refers to "de.json", which is not in appPackage/',
    );
  });
});

describe("validating a zip", () => {
  it("reports a file the manifest refers to but the zip lacks", async () => {
    const built = await buildAppPackage({
      root: repoRoot,
      envName: "local",
      overrides: {},
      outputDir: path.join(scratch, "zip-check"),
    });
    const zip = await JSZip.loadAsync(await readFile(built.zipPath));
    zip.remove("outline.png");
    const result = await validateAppPackageZip(await zip.generateAsync({ type: "uint8array" }));
    expect(result.problems).toEqual(['icons.outline refers to "outline.png", which is not in the package']);
  });

  it("reports a zip without a manifest at its root", async () => {
    const zip = new JSZip();
    zip.file("app/manifest.json", "{}");
    const result = await validateAppPackageZip(await zip.generateAsync({ type: "uint8array" }));
    expect(result.problems).toEqual(["manifest.json must be at the root of the package"]);
  });
});
