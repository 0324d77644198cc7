import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import { CheckmarkCircleRegular, ClockAlarmRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import type { EntryType } from "../../api/library.js";

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** Props of {@link EntryBadges}. */
export interface EntryBadgesProps {
  type: EntryType;
  /** @default false */
  verified?: boolean;
  /** The steward's review date has passed. @default false */
  stale?: boolean;
}

/** An entry's type, and whether a steward verified it and whether it is due for review. */
export function EntryBadges({ type, verified = false, stale = false }: EntryBadgesProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <div className={styles.root}>
      <Badge appearance="tint" color="brand">
        {t(`entryTypes.${type}`)}
      </Badge>
      {verified && (
        <Badge
          appearance="tint"
          color="success"
          icon={<CheckmarkCircleRegular />}
          data-testid="verified-badge"
        >
          {t("library.verified")}
        </Badge>
      )}
      {stale && (
        <Badge appearance="tint" color="warning" icon={<ClockAlarmRegular />} data-testid="stale-badge">
          {t("library.stale")}
        </Badge>
      )}
    </div>
  );
}
