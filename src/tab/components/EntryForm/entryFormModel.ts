import type { ApiFieldIssue } from "../../api/ApiError.js";
import { ENTRY_TYPES, type Entry, type EntryDraft, type EntryType } from "../../api/library.js";

/** The form's fields as the person types them (tags as one comma-separated line). */
export interface EntryFormValues {
  type: EntryType;
  title: string;
  body: string;
  summary: string;
  tags: string;
}

/** A form field that can carry a message. */
export type EntryFormField = keyof EntryFormValues;

/** Messages per field; `form` holds what belongs to no single field. */
export type EntryFormErrors = Partial<Record<EntryFormField | "form", string>>;

/** An empty new entry. */
export const EMPTY_ENTRY_FORM: EntryFormValues = {
  type: "insight",
  title: "",
  body: "",
  summary: "",
  tags: "",
};

/** The form filled from an entry, for editing it. */
export function formValuesOf(
  entry: Pick<Entry, "type" | "title" | "body" | "summary" | "tags">,
): EntryFormValues {
  return {
    type: entry.type,
    title: entry.title,
    body: entry.body,
    summary: entry.summary,
    tags: entry.tags.join(", "),
  };
}

/** Tags typed as "a, b ,, c" → ["a", "b", "c"]; the server normalises case and spaces. */
export function parseTags(text: string): string[] {
  return text
    .split(",")
    .map((tag) => tag.trim())
    .filter((tag) => tag !== "");
}

/** What the API receives. */
export function toDraft(values: EntryFormValues): EntryDraft {
  return {
    type: values.type,
    title: values.title.trim(),
    body: values.body,
    summary: values.summary.trim(),
    tags: parseTags(values.tags),
  };
}

/** Whether a string from the URL or the server is an entry type. */
export function isEntryType(value: string): value is EntryType {
  return (ENTRY_TYPES as readonly string[]).includes(value);
}

/**
 * The server's `error.issues` as messages under the fields they name. A path such as `tags.3`
 * belongs to the tags field; an issue for no field of this form goes to the form as a whole.
 * The first message per field wins (it is the one to fix first).
 */
export function errorsFromIssues(issues: readonly ApiFieldIssue[]): EntryFormErrors {
  const errors: EntryFormErrors = {};
  for (const issue of issues) {
    const head = issue.field.split(".")[0] ?? "";
    const field: EntryFormField | "form" = isFormField(head) ? head : "form";
    errors[field] ??= issue.message;
  }
  return errors;
}

function isFormField(name: string): name is EntryFormField {
  return name === "type" || name === "title" || name === "body" || name === "summary" || name === "tags";
}
