import { Caption1 } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { ActionRow } from "../../components/ActionRow/ActionRow.js";
import { ContentCard } from "../../components/ContentCard/ContentCard.js";
import { useMembersPageStyles } from "./useMembersPageStyles.styles.js";

/** Props of {@link PersonRow}. */
export interface PersonRowProps {
  /** Who: the name (with a card and badges where the page has them). */
  who: ReactNode;
  /** Since when ("Asked on …", "Joined on …"). */
  since: string;
  /** What a steward may do about this person. */
  actions: ReactNode;
  testId: string;
}

/** One person in a list of the members page (a request to join, a member). */
export function PersonRow({ who, since, actions, testId }: PersonRowProps) {
  const styles = useMembersPageStyles();
  return (
    <ContentCard as="li" className={styles.row} data-testid={testId}>
      {who}
      <Caption1 className={styles.meta}>{since}</Caption1>
      <ActionRow>{actions}</ActionRow>
    </ContentCard>
  );
}
