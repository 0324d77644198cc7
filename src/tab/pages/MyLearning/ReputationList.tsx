import { Badge, Body1, Caption1 } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { getMyReputation, myReputationKey } from "../../api/asking.js";
import { KnownFor } from "../../components/PersonCard/KnownFor.js";
import { LoadsOnItsOwn } from "./LoadsOnItsOwn.js";
import { useMyLearningStyles } from "./useMyLearningStyles.styles.js";

/**
 * My reputation, earned from my own record and shown only to me here: the counts, the topics I am
 * known for, and each badge with the rule that earns it (earned or how far along). No ranking.
 */
export function ReputationList() {
  return (
    <LoadsOnItsOwn queryKey={myReputationKey} load={getMyReputation}>
      {(r) => <Reputation reputation={r} />}
    </LoadsOnItsOwn>
  );
}

/** My reputation as the server tells it. */
type MyReputation = Awaited<ReturnType<typeof getMyReputation>>;

function Reputation({ reputation: r }: { reputation: MyReputation }) {
  const styles = useMyLearningStyles();
  const { t } = useTranslation();
  const counts = [
    t("reputation.acceptedAnswers", { count: r.acceptedAnswers }),
    t("reputation.helpfulVotes", { count: r.helpfulVotes }),
    t("reputation.savedByOthers", { count: r.savedByOthers }),
    t("reputation.sessionsLed", { count: r.microTeaches + r.facilitated }),
  ];
  return (
    <>
      <ul className={styles.list}>
        {counts.map((line) => (
          <li key={line}>
            <Body1>{line}</Body1>
          </li>
        ))}
      </ul>
      <KnownFor topics={r.topics} none={t("reputation.noTopics")} />
      <ul className={styles.list} aria-label={t("reputation.badgesLabel")}>
        {r.badges.map((b) => (
          <li key={b.id}>
            <Badge appearance={b.earned ? "filled" : "outline"} color={b.earned ? "success" : "informative"}>
              {t(`reputation.badge.${b.id}`)}
            </Badge>{" "}
            <Caption1>
              {b.earned
                ? t(`reputation.rule.${b.id}`)
                : t("reputation.progress", {
                    progress: b.progress,
                    threshold: b.threshold,
                    rule: t(`reputation.rule.${b.id}`),
                  })}
            </Caption1>
          </li>
        ))}
      </ul>
    </>
  );
}
