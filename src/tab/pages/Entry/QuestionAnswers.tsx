import {
  Badge,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Text,
} from "@fluentui/react-components";
import { ArrowUndoRegular, CheckmarkCircleRegular } from "@fluentui/react-icons";
import { type FormEvent, type ReactElement, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { toApiError } from "../../api/ApiError.js";
import type { Entry } from "../../api/library.js";
import { ActionRow } from "../../components/ActionRow/ActionRow.js";
import { LongTextInput } from "../../components/LongTextInput/LongTextInput.js";
import { QuerySection } from "../../components/QuerySection/QuerySection.js";
import { SafeMarkdown } from "../../components/SafeMarkdown/SafeMarkdown.js";
import { useAnswers, useQuestionRoute } from "../../hooks/library/useAsking.js";
import { RecogniseAnswerer } from "./RecogniseAnswerer.js";
import { useEntryPageStyles } from "./useEntryPageStyles.styles.js";

/** The longest answer the API takes. */
const MAX_ANSWER = 8000;

/**
 * A question's own sections: who it was sent to and when, its answers (the accepted one marked),
 * accepting one (the asker or a steward: the API says who may), a steward taking an acceptance
 * back, and answering it.
 */
export function QuestionAnswers({ entry }: { entry: Entry }) {
  const styles = useEntryPageStyles();
  const { t } = useTranslation();
  const { list, add, accept, unaccept } = useAnswers(entry.communityId, entry.id);
  const [text, setText] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(text, { onSuccess: () => setText("") });
  };

  return (
    <>
      <QuestionRoute entry={entry} />
      <QuerySection
        heading={t("ask.answersHeading")}
        query={list}
        items={list.data?.items}
        empty={t("ask.noAnswers")}
        testId="question-answers"
        after={
          <>
            {accept.error && (
              <MessageBar intent="error">
                <MessageBarBody>{t("ask.acceptFailed")}</MessageBarBody>
              </MessageBar>
            )}
            {unaccept.error && (
              <MessageBar intent="error">
                <MessageBarBody>{t("ask.unacceptFailed")}</MessageBarBody>
              </MessageBar>
            )}
            <form className={styles.section} onSubmit={submit}>
              <Field
                label={t("ask.yourAnswer")}
                {...(add.error
                  ? {
                      validationState: "error" as const,
                      validationMessage: `${t("ask.answerFailed")} ${toApiError(add.error).message}`,
                    }
                  : {})}
              >
                <LongTextInput value={text} maxLength={MAX_ANSWER} onValue={setText} />
              </Field>
              <ActionRow>
                <Button type="submit" appearance="primary" disabled={add.isPending}>
                  {add.isPending ? t("ask.posting") : t("ask.postAnswer")}
                </Button>
              </ActionRow>
            </form>
          </>
        }
      >
        {(answers) => (
          <ol className={styles.list}>
            {answers.map((answer) => (
              <li key={answer.id} className={styles.theirVersion}>
                {answer.accepted && (
                  <Badge appearance="tint" color="success" icon={<CheckmarkCircleRegular />}>
                    {t("ask.accepted")}
                  </Badge>
                )}
                <SafeMarkdown markdown={answer.body} />
                <Caption1>
                  {t("ask.answeredBy", { name: answer.author.displayName, date: new Date(answer.createdAt) })}
                </Caption1>
                {answer.canRecognise && answer.accepted && (
                  <RecogniseAnswerer communityId={entry.communityId} person={answer.author} />
                )}
                {answer.canAccept && !answer.accepted && (
                  <AnswerDecision
                    icon={<CheckmarkCircleRegular />}
                    label={t("ask.accept")}
                    decision={accept}
                    answerId={answer.id}
                  />
                )}
                {answer.canUnaccept && answer.accepted && (
                  <AnswerDecision
                    icon={<ArrowUndoRegular />}
                    label={t("ask.unaccept")}
                    decision={unaccept}
                    answerId={answer.id}
                  />
                )}
              </li>
            ))}
          </ol>
        )}
      </QuerySection>
    </>
  );
}

/** Who the question was sent to and when (nothing when it was never routed). */
function QuestionRoute({ entry }: { entry: Entry }) {
  const styles = useEntryPageStyles();
  const { t } = useTranslation();
  const headingId = useId();
  const route = useQuestionRoute(entry.communityId, entry.id).data?.route;
  if (!route) return null;
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="question-route">
      <Subtitle1 as="h2" block id={headingId} className={styles.sectionHeading}>
        {t("ask.routeHeading")}
      </Subtitle1>
      {route.asked.length === 0 && <Text>{t("ask.nobodyYet")}</Text>}
      {route.asked.length > 0 && (
        <ul className={styles.list}>
          {route.asked.map((a) => (
            <li key={a.person.id}>
              <Text>
                {t("ask.askedAt", { name: a.person.displayName, date: new Date(a.askedAt) })}
                {a.outcome === "missed" && ` · ${t("ask.missed")}`}
                {a.outcome === "unreachable" && ` · ${t("ask.unreachable")}`}
              </Text>
            </li>
          ))}
        </ul>
      )}
      {route.state === "answered" && <Caption1>{t("ask.answeredRoute")}</Caption1>}
    </section>
  );
}

/** Accepting an answer, or taking an acceptance back: one click, disabled while it is sent. */
function AnswerDecision({
  icon,
  label,
  decision,
  answerId,
}: {
  icon: ReactElement;
  label: string;
  decision: { isPending: boolean; mutate: (answerId: string) => void };
  answerId: string;
}) {
  return (
    <ActionRow>
      <Button icon={icon} disabled={decision.isPending} onClick={() => decision.mutate(answerId)}>
        {label}
      </Button>
    </ActionRow>
  );
}
