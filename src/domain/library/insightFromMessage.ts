import { z } from "zod";

/**
 * The "Save as insight" dialog's inputs as Teams posts them: every field text, the picked tags
 * comma-separated (Input.ChoiceSet with `isMultiSelect`) and new ones typed comma-separated. Read
 * here once, so the bot and the library agree on what a tag list is; the entry's own rules
 * (newEntrySchema) then decide what may be saved — an entry type the library does not know is
 * refused, never quietly turned into another.
 */
export const insightFromMessageFormSchema = z.object({
  communityId: z.string().default(""),
  type: z.string().default(""),
  title: z.string().default(""),
  body: z.string().default(""),
  summary: z.string().default(""),
  tags: z.union([z.string(), z.array(z.string())]).default(""),
  newTags: z.string().default(""),
});
export type InsightFromMessageForm = z.input<typeof insightFromMessageFormSchema>;

/** Tags typed or picked as comma-separated text (or already a list), trimmed, empty ones left out. */
export function tagsFromText(...values: (string | readonly string[] | undefined)[]): string[] {
  return values
    .flatMap((value) => (typeof value === "string" ? value.split(",") : (value ?? [])))
    .map((tag) => tag.trim())
    .filter(Boolean);
}
