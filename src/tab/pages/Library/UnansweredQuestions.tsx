import { Caption1, Spinner, Subtitle1, Text } from "@fluentui/react-components";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { toApiError } from "../../api/ApiError.js";
import { InlineError } from "../../components/InlineError/InlineError.js";
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
  const headingId = useId();
  const queue = useUnanswered(communityId, true);

  return (
    <section className={styles.box} aria-labelledby={headingId} data-testid="unanswered-questions">
      <Subtitle1 as="h2" block id={headingId} className={styles.heading}>
        {t("ask.unansweredHeading")}
      </Subtitle1>
      {queue.isPending && <Spinner size="tiny" labelPosition="after" label={t("common.loading")} />}
      {queue.error && (
        <InlineError
          title={t("entry.sectionFailed")}
          error={toApiError(queue.error)}
          onRetry={() => void queue.refetch()}
        />
      )}
      {queue.data?.items.length === 0 && <Text>{t("ask.unansweredNone")}</Text>}
      {queue.data && queue.data.items.length > 0 && (
        <ul className={styles.plainList}>
          {queue.data.items.map((item) => (
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
    </section>
  );
}
