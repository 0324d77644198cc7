import { Badge, Body1, Caption1, mergeClasses, Subtitle1, Subtitle2 } from "@fluentui/react-components";
import { StarFilled } from "@fluentui/react-icons";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ActivityView } from "../../api/activities.js";
import { ContentCard } from "../../components/ContentCard/ContentCard.js";
import { useWallCardStyles } from "./useWallCardStyles.styles.js";

/** Where a wall card shows: the side panel (small) or the meeting stage (large). */
export type WallCardSize = "panel" | "stage";

/** How each size looks: the card, the highlighted badge and the type of the text and the names. */
const LOOKS = {
  panel: { card: { appearance: "outline", size: "small" }, badge: "tint", Text: Body1, Names: Caption1 },
  stage: { card: { size: "large" }, badge: "filled", Text: Subtitle1, Names: Subtitle2 },
} as const;

/** Props of {@link WallCard}. */
export interface WallCardProps {
  item: ActivityView["wall"][number];
  /** The group's members by name, as the locale lists them. */
  names: string;
  size: WallCardSize;
  /** Under the names (the panel's highlight button). */
  children?: ReactNode;
}

/**
 * One group's shared insight on the wall, as a list item: marked when highlighted, its text, and
 * who wrote it. The panel and the stage show the same card, each in its size.
 */
export function WallCard({ item, names, size, children }: WallCardProps) {
  const styles = useWallCardStyles();
  const { t } = useTranslation();
  const { card, badge, Text, Names } = LOOKS[size];
  return (
    <ContentCard
      as="li"
      {...card}
      className={mergeClasses(styles[`${size}Card`], item.highlighted && styles[`${size}Highlighted`])}
      data-highlighted={item.highlighted}
    >
      {item.highlighted && (
        <Badge appearance={badge} color="brand" icon={<StarFilled />}>
          {t("activity.highlighted")}
        </Badge>
      )}
      <Text as="p" block className={styles[`${size}Text`]}>
        {item.text}
      </Text>
      <Names as="p" block className={styles.names}>
        {names}
      </Names>
      {children}
    </ContentCard>
  );
}
