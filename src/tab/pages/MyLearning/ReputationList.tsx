import { Badge, Body1, Caption1, Spinner } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { getMyReputation, myReputationKey } from "../../api/asking.js";
import { QueryFailed } from "../../components/InlineError/QueryFailed.js";
import { useApiQuery } from "../../hooks/useApiQuery.js";
import { useMyLearningStyles } from "./useMyLearningStyles.styles.js";

/**
 * My reputation, earned from my own record and shown only to me here: the counts, the topics I am
 * known for, and each badge with the rule that earns it (earned or how far along). No ranking.
 */
export function ReputationList() {
  const styles = useMyLearningStyles();
  const { t } = useTranslation();
  const reputation = useApiQuery(myReputationKey, (api, signal) => getMyReputation(api, signal));
  if (reputation.isPending) return <Spinner size="tiny" labelPosition="after" label={t("common.loading")} />;
  if (reputation.error || !reputation.data)
    return <QueryFailed title={t("entry.sectionFailed")} query={reputation} />;
  const r = reputation.data;
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
      <Caption1 className={styles.muted}>
        {r.topics.length > 0
          ? t("reputation.topics", { tags: r.topics.map((topic) => topic.tag).join(", ") })
          : t("reputation.noTopics")}
      </Caption1>
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
