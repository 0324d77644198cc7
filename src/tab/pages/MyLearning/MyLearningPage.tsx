import { Body1, Button, Caption1, Subtitle2 } from "@fluentui/react-components";
import { useQuery } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  getMyLearning,
  type MyAction,
  type MyEntry,
  type MyNote,
  type MySession,
  myLearningKey,
} from "../../api/myLearning.js";
import { LoadedQuery } from "../../components/LoadedQuery/LoadedQuery.js";
import { PageLayout } from "../../components/PageLayout.js";
import { RouterLink } from "../../components/RouterLink/RouterLink.js";
import { SectionCard } from "../../components/SectionCard/SectionCard.js";
import { SessionSummary } from "../../components/SessionSummary/SessionSummary.js";
import { TitledPage } from "../../components/TitledPage/TitledPage.js";
import { useApi } from "../../hooks/useApi.js";
import { useFirstViewReady } from "../../hooks/useFirstViewReady.js";
import { useJoinedList } from "../../hooks/useJoinedList.js";
import { entryPath } from "../../routes.js";
// The community home's section card: My learning is made of the same labelled cards.
import { CommitmentList } from "./CommitmentList.js";
import { localDay } from "./localDay.js";
import { MyTiesList } from "./MyTiesList.js";
import { ReputationList } from "./ReputationList.js";
import { useMyLearningStyles } from "./useMyLearningStyles.styles.js";

const RSVP_LABELS = {
  going: "calendar.rsvpGoing",
  maybe: "calendar.rsvpMaybe",
  no: "calendar.rsvpNo",
} as const;

/**
 * The personal tab "My learning": what I wrote and saved, my sessions and roles (times in my zone),
 * my commitments, my private reflections and the action items captured for me in meetings, across
 * every community I belong to. A personal tab
 * has no community, so nothing here needs the tab's entity id.
 */
export function MyLearningPage() {
  const { t } = useTranslation();
  const api = useApi();
  const learning = useQuery({ queryKey: myLearningKey, queryFn: ({ signal }) => getMyLearning(api, signal) });
  useFirstViewReady(!learning.isPending);
  return (
    <PageLayout>
      <LoadedQuery
        query={learning}
        loadingLabel={t("learning.loading")}
        errorTitle={t("learning.loadErrorTitle")}
      >
        {(data) => (
          <Learning
            authored={data.authored}
            saved={data.saved}
            sessions={data.sessions}
            reflections={data.reflections}
            actionItems={data.actionItems}
          />
        )}
      </LoadedQuery>
    </PageLayout>
  );
}

interface LearningProps {
  authored: MyEntry[];
  saved: MyEntry[];
  sessions: MySession[];
  reflections: MyNote[];
  actionItems: MyAction[];
}

function Learning({ authored, saved, sessions, reflections, actionItems }: LearningProps) {
  const styles = useMyLearningStyles();
  const { t } = useTranslation();
  return (
    <TitledPage title={t("learning.title")}>
      <div className={styles.grid}>
        <SectionCard
          title={t("learning.authoredHeading")}
          empty={authored.length === 0 && t("learning.authoredEmpty")}
          testId="my-authored"
        >
          <EntryList entries={authored} />
        </SectionCard>
        <SectionCard
          title={t("learning.savedHeading")}
          empty={saved.length === 0 && t("learning.savedEmpty")}
          testId="my-saved"
        >
          <EntryList entries={saved} />
        </SectionCard>
        <SectionCard
          title={t("learning.sessionsHeading")}
          empty={sessions.length === 0 && t("learning.sessionsEmpty")}
          testId="my-sessions"
        >
          <SessionList sessions={sessions} />
        </SectionCard>
        <SectionCard
          title={t("learning.actionItemsHeading")}
          empty={actionItems.length === 0 && t("learning.actionItemsEmpty")}
          testId="my-action-items"
        >
          <ActionList items={actionItems} />
        </SectionCard>
        {/* Meeting activities fill these; until they do, the person learns what will appear here. */}
        {/* Commitments load on their own: each can be updated, and the list reloads alone. */}
        <SectionCard title={t("learning.commitmentsHeading")} empty={false} testId="my-commitments">
          <CommitmentList empty={t("learning.commitmentsEmpty")} />
        </SectionCard>
        <SectionCard title={t("reputation.heading")} empty={false} testId="my-reputation">
          <ReputationList />
        </SectionCard>
        {/* My own ties load on their own: they come from network insights' stored computation. */}
        <SectionCard title={t("learning.tiesHeading")} empty={false} testId="my-ties">
          <MyTiesList />
        </SectionCard>
        <SectionCard
          title={t("learning.reflectionsHeading")}
          empty={reflections.length === 0 && t("learning.reflectionsEmpty")}
          testId="my-reflections"
        >
          <NoteList notes={reflections} />
        </SectionCard>
      </div>
    </TitledPage>
  );
}

function EntryList({ entries }: { entries: MyEntry[] }) {
  const styles = useMyLearningStyles();
  const { t } = useTranslation();
  return (
    <ul className={styles.list}>
      {entries.map((entry) => (
        <li key={`${entry.communityId}/${entry.id}`} className={styles.item}>
          <RouterLink href={entryPath(entry.communityId, entry.id)}>{entry.title}</RouterLink>
          <Caption1 className={styles.muted}>
            {t(`entryTypes.${entry.type}`)} · {t("learning.inCommunity", { name: entry.communityName })}
          </Caption1>
        </li>
      ))}
    </ul>
  );
}

/** How many sessions each part of "My sessions" shows before "Show all". */
const SESSIONS_SHOWN = 3;

/**
 * My sessions, the coming ones first (soonest first), then the past ones (latest first), each with
 * its count and "Show all" beyond the first few: a year of sessions is not one long mixed list.
 */
function SessionList({ sessions }: { sessions: MySession[] }) {
  const { t } = useTranslation();
  const now = Date.now();
  const ended = (s: MySession) => Date.parse(s.startsAt) + s.durationMinutes * 60_000 <= now;
  const upcoming = sessions.filter((s) => !ended(s));
  const past = sessions.filter(ended).reverse();
  return (
    <>
      {upcoming.length > 0 && (
        <SessionGroup
          title={t("learning.upcomingHeading", { count: upcoming.length })}
          sessions={upcoming}
          testId="my-upcoming-sessions"
        />
      )}
      {past.length > 0 && (
        <SessionGroup
          title={t("learning.pastHeading", { count: past.length })}
          sessions={past}
          testId="my-past-sessions"
        />
      )}
    </>
  );
}

function SessionGroup({ title, sessions, testId }: { title: string; sessions: MySession[]; testId: string }) {
  const styles = useMyLearningStyles();
  const { t } = useTranslation();
  const joined = useJoinedList();
  const headingId = useId();
  const [all, setAll] = useState(false);
  const shown = all ? sessions : sessions.slice(0, SESSIONS_SHOWN);
  return (
    <section className={styles.group} aria-labelledby={headingId} data-testid={testId}>
      <Subtitle2 as="h3" block id={headingId} className={styles.heading}>
        {title}
      </Subtitle2>
      <ul className={styles.list}>
        {shown.map((session) => (
          <li
            key={`${session.communityId}/${session.id}/${session.startsAt}`}
            className={styles.item}
            data-testid="my-session"
          >
            <SessionSummary session={session} />
            <Caption1 className={styles.muted}>
              {t("learning.inCommunity", { name: session.communityName })}
            </Caption1>
            {session.myRoles.length > 0 && (
              <Caption1 className={styles.muted}>
                {t("learning.myRoles", {
                  roles: joined(session.myRoles.map((role) => t(`roles.${role}`))),
                })}
              </Caption1>
            )}
            {session.myRsvp && (
              <Caption1 className={styles.muted}>
                {t("learning.myRsvp", { answer: t(RSVP_LABELS[session.myRsvp]) })}
              </Caption1>
            )}
          </li>
        ))}
      </ul>
      {sessions.length > SESSIONS_SHOWN && (
        <div>
          <Button appearance="subtle" size="small" aria-expanded={all} onClick={() => setAll(!all)}>
            {all ? t("learning.showFewer") : t("learning.showAll", { count: sessions.length })}
          </Button>
        </div>
      )}
    </section>
  );
}

/** My reflections or commitments from meeting activities: what I wrote, to which prompt, when. */
function NoteList({ notes }: { notes: MyNote[] }) {
  const styles = useMyLearningStyles();
  const { t } = useTranslation();
  return (
    <ul className={styles.list}>
      {notes.map((note) => (
        <li key={`${note.activityId}/${note.at}`} className={styles.item} data-testid="my-note">
          <Body1 as="p" block className={styles.heading}>
            {note.text}
          </Body1>
          <Caption1 className={styles.muted}>{t("activity.notePrompt", { prompt: note.prompt })}</Caption1>
          <Caption1 className={styles.muted}>
            {withCommunity(t, t("activity.noteWhen", { at: new Date(note.at) }), note.communityName)}
          </Caption1>
        </li>
      ))}
    </ul>
  );
}

/** A caption, followed by "in <community>" when the item has a community the person can see. */
function withCommunity(t: TFunction, caption: string, communityName: string | undefined): string {
  return communityName ? `${caption} · ${t("learning.inCommunity", { name: communityName })}` : caption;
}

/** Action items captured for me in meetings: what, by when, who captured it, where. */
function ActionList({ items }: { items: MyAction[] }) {
  const styles = useMyLearningStyles();
  const { t } = useTranslation();
  return (
    <ul className={styles.list}>
      {items.map((item) => (
        <li key={`${item.conversationId}/${item.outcomeId}`} className={styles.item} data-testid="my-action">
          <Body1 as="p" block className={styles.heading}>
            {item.text}
          </Body1>
          {item.due && <Caption1>{t("learning.actionDue", { due: localDay(item.due) })}</Caption1>}
          <Caption1 className={styles.muted}>
            {withCommunity(
              t,
              t("learning.actionCaptured", { name: item.capturedBy.displayName, at: new Date(item.at) }),
              item.communityName,
            )}
          </Caption1>
        </li>
      ))}
    </ul>
  );
}
