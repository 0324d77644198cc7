import {
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
} from "@fluentui/react-components";
import { PeopleTeamRegular } from "@fluentui/react-icons";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { toApiError } from "../../api/ApiError.js";
import type { AskLibraryAnswer, AskPeopleAnswer } from "../../api/asking.js";
import { RouterLink } from "../../components/RouterLink/RouterLink.js";
import { useAskTheCommunity } from "../../hooks/library/useAsking.js";
import { entryPath } from "../../routes.js";
import { useAskStyles } from "./useAskStyles.styles.js";

/** Questions shorter than this are search words, not questions (the API says the same). */
const MIN_QUESTION = 3;

/**
 * "Ask the community" under the library's search, for when the results don't answer: the
 * library's answer quoted with its sources, or, when it has none (or the person wants people),
 * the question opened in the library and sent to the people who may know, saying to whom.
 */
export function AskTheCommunity({ communityId, question }: { communityId: string; question: string }) {
  const styles = useAskStyles();
  const { t } = useTranslation();
  const headingId = useId();
  const { library, people } = useAskTheCommunity(communityId);
  const text = question.trim();
  if (text.length < MIN_QUESTION) return null;
  // What is shown belongs to the question as typed now, not to an earlier one.
  const answer = library.variables === text ? library.data : undefined;
  const routed = people.variables === text ? people.data : undefined;
  const busy = library.isPending || people.isPending;
  const error = library.error ?? people.error;

  const ask = () =>
    library.mutate(text, {
      onSuccess: (result) => {
        if (result.answer.kind === "unknown") people.mutate(text);
      },
    });

  return (
    <section className={styles.box} aria-labelledby={headingId} data-testid="ask-the-community">
      <div className={styles.row}>
        <Text id={headingId}>{t("ask.prompt")}</Text>
        <Button icon={<PeopleTeamRegular />} disabled={busy} onClick={ask}>
          {t("ask.askButton")}
        </Button>
      </div>
      <div aria-live="polite" className={styles.box}>
        {busy && <Spinner size="tiny" labelPosition="after" label={t("ask.asking")} />}
        {error && !busy && (
          <MessageBar intent="error">
            <MessageBarBody>
              {t("ask.failed")} {toApiError(error).message}
            </MessageBarBody>
          </MessageBar>
        )}
        {answer && answer.answer.kind !== "unknown" && (
          <LibraryAnswer
            result={answer}
            {...(routed ? {} : { onAskPeople: () => people.mutate(text) })}
            busy={busy}
          />
        )}
        {answer?.answer.kind === "unknown" && routed && (
          <Body1 block className={styles.passage}>
            {t("ask.noAnswer")}
          </Body1>
        )}
        {routed && <Routed routed={routed} communityId={communityId} />}
      </div>
    </section>
  );
}

function LibraryAnswer({
  result,
  onAskPeople,
  busy,
}: {
  result: AskLibraryAnswer;
  onAskPeople?: () => void;
  busy: boolean;
}) {
  const styles = useAskStyles();
  const { t } = useTranslation();
  const { answer } = result;
  if (answer.kind === "unknown") return null;
  const cite = (n: number) => answer.sources[n - 1];
  return (
    <div className={styles.answer}>
      <Subtitle2 as="h2" block className={styles.heading}>
        {answer.kind === "alreadyAnswered" ? t("ask.askedBefore") : t("ask.fromLibrary")}
      </Subtitle2>
      {answer.kind === "answered" && answer.generated && (
        <Badge appearance="tint" color="informative">
          {t("ask.aiGenerated")}
        </Badge>
      )}
      {answer.passages.map((p) => {
        const source = cite(p.citation);
        return (
          <Body1 as="p" block key={`${p.citation}-${p.text.slice(0, 24)}`} className={styles.passage}>
            {p.text}{" "}
            {source && (
              <RouterLink href={entryPath(source.communityId, source.entryId)}>[{p.citation}]</RouterLink>
            )}
          </Body1>
        );
      })}
      <Caption1 className={styles.subtle}>
        {t("ask.covers", { percent: Math.round(answer.confidence * 100) })}
      </Caption1>
      <ol className={styles.list} aria-label={t("ask.sourcesLabel")}>
        {answer.sources.map((s) => (
          <li key={`${s.communityId}/${s.entryId}`}>
            <RouterLink href={entryPath(s.communityId, s.entryId)}>{s.title}</RouterLink>
            {s.stale && <Caption1 className={styles.subtle}> · {t("ask.staleSource")}</Caption1>}
          </li>
        ))}
      </ol>
      {onAskPeople && (
        <div className={styles.row}>
          <Button appearance="subtle" disabled={busy} onClick={onAskPeople}>
            {t("ask.stillAsk")}
          </Button>
        </div>
      )}
    </div>
  );
}

/** The open question and who it went to, with when each one's answer is hoped for. */
function Routed({ routed, communityId }: { routed: AskPeopleAnswer; communityId: string }) {
  const styles = useAskStyles();
  const { t } = useTranslation();
  const waiting = routed.route.asked.filter((a) => !a.outcome);
  return (
    <div className={styles.answer} data-testid="ask-routed">
      <Body1 block className={styles.passage}>
        {t("ask.openNow")}{" "}
        {waiting.length > 0
          ? t("ask.sentTo", { names: waiting.map((a) => a.person.displayName).join(", ") })
          : t("ask.nobodyYet")}
      </Body1>
      {waiting.length > 0 && (
        <ul className={styles.list}>
          {waiting.map((a) => (
            <li key={a.person.id}>
              <Caption1>{t("ask.dueBy", { name: a.person.displayName, date: new Date(a.dueAt) })}</Caption1>
            </li>
          ))}
        </ul>
      )}
      <RouterLink href={entryPath(communityId, routed.entryId)}>{t("ask.openQuestion")}</RouterLink>
    </div>
  );
}
