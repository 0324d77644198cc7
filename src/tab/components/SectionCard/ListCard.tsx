import { makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { plainList } from "../../styles/layout.js";
import { SectionCard } from "./SectionCard.js";

const useStyles = makeStyles({
  list: plainList(tokens.spacingVerticalS),
});

/** Props of {@link ListCard}. */
export interface ListCardProps<T> {
  title: string;
  items: readonly T[];
  /** Said instead of the list when there are no items. */
  empty: string;
  testId: string;
  keyOf: (item: T) => string;
  /** Renders one item of the list. */
  children: (item: T) => ReactNode;
  /** Under the list, such as a link to all of them. */
  footer?: ReactNode;
}

/** A {@link SectionCard} holding a list: its items, or the friendly empty state when there are none. */
export function ListCard<T>({ title, items, empty, testId, keyOf, children, footer }: ListCardProps<T>) {
  const styles = useStyles();
  return (
    <SectionCard title={title} empty={items.length === 0 && empty} testId={testId}>
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={keyOf(item)}>{children(item)}</li>
        ))}
      </ul>
      {footer}
    </SectionCard>
  );
}
