import { describe, expect, it } from "vitest";
import { ACTIVITY_FORMAT_IDS, formatOf } from "../../../src/domain/activities/activityFormats.js";
import { de } from "../../../src/tab/i18n/de.js";
import { en } from "../../../src/tab/i18n/en.js";
import { stringKeyOf } from "../../../src/tab/pages/MeetingPanel/activityText.js";

/** Think-pair-share's first kinds have strings of their own (reflection, key insight, commitment). */
const OWN_FIELD_KINDS = new Set(["reflection", "share", "commitment"]);

const at = (catalog: unknown, path: string): unknown =>
  path
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog);

/** Every string a format's side panel and stage look up, for one format. */
function keysOf(id: (typeof ACTIVITY_FORMAT_IDS)[number]): string[] {
  const format = formatOf(id);
  return [
    `activity.format_${stringKeyOf(id)}`,
    ...format.phases.flatMap((p) => [
      `activity.phase_${stringKeyOf(p.id)}`,
      `activity.instruction_${stringKeyOf(p.id)}`,
    ]),
    ...Object.keys(format.submissions)
      .filter((kind) => !OWN_FIELD_KINDS.has(kind))
      .flatMap((kind) =>
        ["heading", "label", "hint", "plural"].map((part) => `submissions.${stringKeyOf(kind)}.${part}`),
      ),
  ];
}

describe("every format the engine runs speaks English and German", () => {
  for (const id of ACTIVITY_FORMAT_IDS)
    it(`has its names, phases, instructions and kinds in both catalogs: ${id}`, () => {
      const missing = keysOf(id).flatMap((key) =>
        [
          ["en", en],
          ["de", de],
        ].flatMap(([language, catalog]) =>
          typeof at(catalog, key as string) === "string" && at(catalog, key as string) !== ""
            ? []
            : [`${language}: ${key}`],
        ),
      );
      expect(missing).toEqual([]);
    });
});
