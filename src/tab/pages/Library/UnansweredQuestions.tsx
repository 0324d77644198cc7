import { Caption1 } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { QuerySection } from "../../components/QuerySection/QuerySection.js";
import { RouterLink } from "../../components/RouterLink/RouterLink.js";
import { useUnanswered } from "../../hooks/library/useAsking.js";
import { entryPath } from "../../routes.js";
import { useAskStyles } from "./useAskStyles.styles.js";

/**
 * The stewards' queue: questions sent to people that are past their response time without an
 * answer, or that nobody could be asked; oldest first, each with who was asked.
 */
export function UnansweredQuestions({ communityId }: { communityId: string }) {
  const styles = useAskStyles();
  const { t } = useTranslation();
  const queue = useUnanswered(communityId, true);

  return (
    <QuerySection
      heading={t("ask.unansweredHeading")}
      query={queue}
      items={queue.data?.items}
      empty={t("ask.unansweredNone")}
      className={styles.box}
      testId="unanswered-questions"
    >
      {(items) => (
        <ul className={styles.plainList}>
          {items.map((item) => (
            <li key={item.questionId}>
              <RouterLink href={entryPath(communityId, item.questionId)}>{item.title}</RouterLink>
              <br />
              <Caption1 className={styles.subtle}>
                {t("ask.unansweredItem", { name: item.asker.displayName, date: new Date(item.createdAt) })}
                {" · "}
                {item.asked.length > 0
                  ? t("ask.unansweredAsked", {
                      names: item.asked.map((a) => a.person.displayName).join(", "),
                    })
                  : t("ask.unansweredNobody")}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
    </QuerySection>
  );
}
