// @vitest-environment happy-dom
import * as AC from "adaptivecards";
import { describe, expect, it } from "vitest";
import { cardGallery } from "../../scripts/lib/cardGallery.js";

/** What Microsoft's Adaptive Cards SDK says of a card at schema 1.5: parse and validation events. */
function sdkProblems(json: object): string[] {
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of card.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  return problems;
}

// biome-ignore lint/suspicious/noExplicitAny: card JSON is loosely shaped
type Json = any;

/** Every action a person sees: the card's own and those in ActionSets, nested anywhere. */
function actionsOf(element: Json): Json[] {
  if (!element || typeof element !== "object") return [];
  const own = element.type === "AdaptiveCard" || element.type === "ActionSet" ? (element.actions ?? []) : [];
  const nested = Object.entries(element)
    .filter(([key]) => key !== "actions" && key !== "refresh")
    .flatMap(([, value]) => (Array.isArray(value) ? value.flatMap(actionsOf) : actionsOf(value)));
  return [...own, ...nested];
}

/** Bytes as Teams counts them: the message JSON in UTF-16. */
const utf16Bytes = (json: object) => JSON.stringify(json).length * 2;

describe("every card the bot can send, checked by Microsoft's Adaptive Cards SDK", () => {
  const gallery = cardGallery();
  const cardNamed = (name: string): Json => gallery.find((c) => c.name === name)?.card;

  it("covers the cards of every surface", () => {
    expect(gallery.length).toBeGreaterThanOrEqual(30);
    expect(new Set(gallery.map((c) => c.name)).size).toBe(gallery.length);
  });

  it.each(gallery.map((c) => [c.name, c] as const))(
    "%s parses and validates at 1.5 with no warnings",
    (_, c) => {
      expect(c.card.version).toBe("1.5");
      expect(sdkProblems(c.card)).toEqual([]);
    },
  );

  it.each(gallery.map((c) => [c.name, c] as const))(
    "%s shows at most three buttons in a row and one primary",
    (_, c) => {
      const visible = actionsOf(c.card).filter((a) => a.mode !== "secondary");
      expect(visible.length).toBeLessThanOrEqual(3);
      expect(visible.filter((a) => a.style === "positive").length).toBeLessThanOrEqual(1);
    },
  );

  it.each(gallery.map((c) => [c.name, c] as const))("%s stays within Teams' size limits (UTF-16)", (_, c) => {
    // A message holds ~100 KB (we keep 80 KB); a card in a search result or dialog 28 KB.
    expect(utf16Bytes(c.card)).toBeLessThan(c.kind === "message" ? 80 * 1024 : 28 * 1024);
  });

  it("keys the facilitator's refresh by their Teams id, never an Entra object id", () => {
    const think = gallery.find((c) => c.name === "tps-phase-think")?.card as Json;
    expect(think.refresh.userIds).toEqual(["29:facilitator"]);
    // Without a known Teams id there is no refresh to send to the wrong id.
    expect(cardNamed("tps-phase-pair").refresh).toBeUndefined();
    const pairs = gallery.find((c) => c.name === "tps-pairs-1")?.card as Json;
    expect(pairs.refresh.userIds).toEqual(["29:amira"]);
  });

  it("gives a trio one group chat, and only the meeting chat's summary invites a commitment", () => {
    const trio = gallery.find((c) => c.name === "tps-personal-share-trio")?.card as Json;
    const chats = actionsOf(trio).filter((a) => a.type === "Action.OpenUrl");
    expect(chats).toHaveLength(1);
    expect(chats[0].url).toContain("users=");
    expect(decodeURIComponent(chats[0].url).split("users=")[1]?.split("&")[0]?.split(",")).toHaveLength(2);
    const inChat = gallery.find((c) => c.name === "tps-summary-meeting-chat")?.card as Json;
    const inChannel = gallery.find((c) => c.name === "tps-summary-channel")?.card as Json;
    expect(actionsOf(inChat).map((a) => a.title)).toEqual(["Commit", "Open the library"]);
    expect(actionsOf(inChannel).map((a) => a.title)).toEqual(["Open the library"]);
  });

  it("counts the outcomes that do not fit one message instead of sending one too big", () => {
    const card = gallery.find((c) => c.name === "meeting-outcomes-200")?.card as Json;
    const text = JSON.stringify(card);
    expect(text).toMatch(/…and \d+ more, in the library\./);
    const shown = card.body.filter((e: Json) => String(e.text).startsWith("• ")).length;
    expect(text).toContain(`…and ${200 - shown} more`);
    // Every mention in the text has its entity, and no entity is left without its text.
    expect(card.msteams.entities).toHaveLength(shown);
  });

  it("offers a participant only the current phase's action", () => {
    const titles = (name: string) =>
      actionsOf(gallery.find((c) => c.name === name)?.card).map((a: Json) => a.title as string);
    expect(titles("tps-phase-think")).toEqual(["Reflect", "Join", "Facilitator controls"]);
    expect(titles("tps-phase-pair")).toEqual(["My partner", "Facilitator controls"]);
    expect(titles("tps-phase-share")).toEqual(["Share insight", "Facilitator controls"]);
    expect(titles("tps-phase-close")).toEqual(["Commit", "Facilitator controls"]);
  });

  it("runs a module's sections: each card with its text, a rating as a choice, the summary inviting it first", () => {
    const card = (name: string): Json => gallery.find((c) => c.name === name)?.card;
    const titles = (name: string) => actionsOf(card(name)).map((a: Json) => a.title as string);
    expect(titles("module-phase-read")).toEqual(["My group", "Facilitator controls"]);
    expect(titles("module-phase-actions")).toEqual(["Action", "Facilitator controls"]);
    expect(JSON.stringify(card("module-phase-read"))).toContain("**release process**");
    const picker = card("module-setup-dialog").body.find((e: Json) => e.id === "moduleId");
    expect(picker.choices).toEqual([{ title: "Leading through change · 3 sections, 75 min", value: "m1" }]);
    const rating = card("module-rating").body.find((e: Json) => e.id === "text");
    expect([rating.type, rating.choices.length]).toEqual(["Input.ChoiceSet", 5]);
    expect(titles("module-summary-meeting-chat")).toEqual(["Rate it (1–5)", "Action"]);
  });

  it("offers a café's phases their own kinds, read from its definition, and each table one group chat", () => {
    const titles = (name: string) =>
      actionsOf(gallery.find((c) => c.name === name)?.card).map((a: Json) => a.title as string);
    expect(titles("cafe-phase-intro")).toEqual(["Join", "Facilitator controls"]);
    expect(titles("cafe-phase-round")).toEqual(["Table notes", "My group", "Facilitator controls"]);
    expect(titles("cafe-phase-harvest")).toEqual(["Add theme", "Pledge", "Facilitator controls"]);
    expect(titles("cafe-personal-round")).toEqual(["Table notes", "Group chat"]);
    expect(titles("cafe-tables-1")).toEqual(["My group", "Table notes"]);
    const round = cardNamed("cafe-personal-round");
    const chat = actionsOf(round).find((a) => a.type === "Action.OpenUrl");
    const url = new URL(chat.url);
    expect(url.searchParams.get("users")?.split(",")).toHaveLength(3);
    expect(url.searchParams.get("topicName")).toBe("Knowledge Café · Café round 2");
    // Each kind's dialog writes that kind, a group's text with the ETag of the version shown.
    const save = (name: string) => actionsOf(cardNamed(name))[0].data;
    expect(save("cafe-table-notes")).toMatchObject({
      verb: "activity.saveWriting",
      kind: "table-notes",
      etag: 'W/"n1"',
    });
    expect(save("cafe-theme")).toMatchObject({ verb: "activity.saveWriting", kind: "theme" });
    expect(save("cafe-theme").etag).toBeUndefined();
    expect(JSON.stringify(cardNamed("cafe-theme"))).toContain("Write the unwritten rules down");
    expect(JSON.stringify(cardNamed("cafe-pledge"))).toContain("followed up at the community's next session");
    // The set-up dialog has a minutes field per café phase, within the definition's bounds.
    const setup = JSON.stringify(cardNamed("cafe-setup-dialog"));
    for (const id of ["intro", "round-1", "round-2", "round-3", "harvest"])
      expect(setup).toContain(`"id":"${id}"`);
    expect(setup).toContain("Café round 3 (min; 0 skips it)");
    // The meeting chat's summary invites what the café still takes after the end: a pledge.
    expect(titles("cafe-summary-meeting-chat")).toEqual(["Pledge", "Open the library"]);
    expect(save("cafe-summary-meeting-chat")).toMatchObject({ verb: "activity.write", kind: "pledge" });
  });
});
