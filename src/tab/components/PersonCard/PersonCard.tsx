import {
  Badge,
  Body1,
  Button,
  Caption1,
  makeStyles,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { getReputationOf, reputationOfKey } from "../../api/asking.js";
import { useApiQuery } from "../../hooks/useApiQuery.js";
import { plainList } from "../../styles/layout.js";
import { KnownFor } from "./KnownFor.js";

const useStyles = makeStyles({
  trigger: {
    minWidth: 0,
    padding: 0,
    height: "auto",
    fontWeight: "inherit",
    textAlign: "start",
    whiteSpace: "normal",
    overflowWrap: "anywhere",
  },
  // The tab may be 280 px wide (a meeting's side panel): the card never outgrows it.
  surface: {
    maxWidth: "min(320px, calc(100vw - 24px))",
    boxSizing: "border-box",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  list: plainList("4px"),
  badges: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

/**
 * A person's name that opens their card: their reputation in the reader's communities (accepted
 * answers, helpful votes, sessions led, the topics they are known for, the badges they earned).
 * Read when opened, never ranked against anyone.
 */
export function PersonCard({
  person,
  children,
}: {
  person: { id: string; displayName: string };
  children: ReactNode;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const headingId = useId();
  return (
    <Popover open={open} onOpenChange={(_e, data) => setOpen(data.open)} withArrow positioning="below-start">
      <PopoverTrigger disableButtonEnhancement>
        <Button appearance="transparent" size="small" className={styles.trigger} aria-haspopup="dialog">
          {children}
        </Button>
      </PopoverTrigger>
      <PopoverSurface className={styles.surface} aria-labelledby={headingId} data-testid="person-card">
        <Subtitle2 as="h3" id={headingId}>
          {t("personCard.heading", { name: person.displayName })}
        </Subtitle2>
        {open && <PersonReputation personId={person.id} />}
      </PopoverSurface>
    </Popover>
  );
}

function PersonReputation({ personId }: { personId: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const reputation = useApiQuery(reputationOfKey(personId), (api, signal) =>
    getReputationOf(api, personId, signal),
  );
  if (reputation.isPending) return <Spinner size="tiny" labelPosition="after" label={t("common.loading")} />;
  if (reputation.error || !reputation.data) return <Body1>{t("personCard.failed")}</Body1>;
  const r = reputation.data;
  const earned = r.badges.filter((b) => b.earned);
  return (
    <>
      <ul className={styles.list}>
        <li>
          <Body1>{t("personCard.acceptedAnswers", { count: r.acceptedAnswers })}</Body1>
        </li>
        <li>
          <Body1>{t("personCard.helpfulVotes", { count: r.helpfulVotes })}</Body1>
        </li>
        <li>
          <Body1>{t("personCard.sessionsLed", { count: r.microTeaches + r.facilitated })}</Body1>
        </li>
      </ul>
      <KnownFor topics={r.topics} none={t("personCard.noTopics")} />
      {earned.length > 0 ? (
        <ul className={styles.badges} aria-label={t("reputation.badgesLabel")}>
          {earned.map((b) => (
            <li key={b.id}>
              <Badge appearance="filled" color="success">
                {t(`reputation.badge.${b.id}`)}
              </Badge>
            </li>
          ))}
        </ul>
      ) : (
        <Caption1 className={styles.muted}>{t("personCard.noBadges")}</Caption1>
      )}
    </>
  );
}
