import type { ActivityView } from "../../api/activities.js";

type Kind = ActivityView["kinds"][number];
type Submission = ActivityView["submissions"][number];

/** One kind with its submissions, as the panel and the stage list them. */
export interface KindSubmissions {
  kind: Kind;
  items: Submission[];
}

/**
 * The submissions of the kinds `keepKind` picks, by kind in the format's order, those of
 * `keepItem` only; a kind with none is left out (no empty heading).
 */
export function submissionsByKind(
  view: Pick<ActivityView, "kinds" | "submissions">,
  keepKind: (kind: Kind) => boolean,
  keepItem: (item: Submission) => boolean = () => true,
): KindSubmissions[] {
  return view.kinds
    .filter(keepKind)
    .map((kind) => ({ kind, items: view.submissions.filter((s) => s.kind === kind.kind && keepItem(s)) }))
    .filter((k) => k.items.length > 0);
}

/** A submission's React key: its owner, and its item id for one of many. */
export function submissionKey(item: Pick<Submission, "ownerId" | "itemId">): string {
  return `${item.ownerId}-${item.itemId ?? ""}`;
}
