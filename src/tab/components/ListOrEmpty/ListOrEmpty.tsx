import type { ReactNode } from "react";
import { MutedText } from "../MutedText/MutedText.js";

/** Props of {@link ListOrEmpty}. */
export interface ListOrEmptyProps<T> {
  items: readonly T[];
  /** Said instead of the list when there are no items. */
  empty: string;
  /** The list's own spacing (a page's `plainList`). */
  className?: string;
  testId?: string;
  /** One item of the list: an `li` with its key. */
  children: (item: T) => ReactNode;
}

/** A list of items, or the sentence that says there are none yet (commitments, ties, playbooks). */
export function ListOrEmpty<T>({ items, empty, className, testId, children }: ListOrEmptyProps<T>) {
  if (items.length === 0) return <MutedText>{empty}</MutedText>;
  return (
    <ul className={className} data-testid={testId}>
      {items.map(children)}
    </ul>
  );
}
