import { Body1, Body2, Subtitle1, Title1, Title3 } from "@fluentui/react-components";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { HELD_ROLES } from "../../../domain/activities/heldRoles.js";
import type { ActivityView } from "../../api/activities.js";
import { ContentCard } from "../../components/ContentCard/ContentCard.js";
import { useTeamsContext } from "../../hooks/useTeamsContext.js";
import { formatTitle, namesOf, phaseInstruction } from "../MeetingPanel/activityText.js";
import { KindList } from "../MeetingPanel/KindList.js";
import { PhaseCountdown } from "../MeetingPanel/PhaseCountdown.js";
import { SectionText } from "../MeetingPanel/SectionText.js";
import { submissionKey, submissionsByKind } from "../MeetingPanel/submissionsByKind.js";
import { usePhaseClock } from "../MeetingPanel/usePhaseClock.js";
import { WallCard } from "../MeetingPanel/WallCard.js";
import { useMeetingStageStyles } from "./useMeetingStageStyles.styles.js";

/** Props of {@link StageActivity}. */
export interface StageActivityProps {
  view: ActivityView;
  communityName: string;
  clockOffsetMs: number;
}

/**
 * The activity on the meeting stage: prompt, phase, countdown, how many reflected (never what) and
 * the live wall of shared insights, highlighted ones first. Only the view's public part is shown.
 */
export function StageActivity({ view, communityName, clockOffsetMs }: StageActivityProps) {
  const styles = useMeetingStageStyles();
  const { t } = useTranslation();
  const { locale } = useTeamsContext();
  const titleId = useId();
  const wallId = useId();
  const clock = usePhaseClock(view, clockOffsetMs);
  const { status } = view.state;

  return (
    <section className={styles.stage} aria-labelledby={titleId} data-testid="stage-activity">
      <div className={styles.header}>
        <div className={styles.column}>
          <Subtitle1 as="p" block className={styles.muted}>
            {t("activity.stageEyebrow", { format: formatTitle(t, view), community: communityName })}
          </Subtitle1>
          <Title1 as="h1" block id={titleId} className={styles.prompt} data-testid="stage-prompt">
            {view.prompt}
          </Title1>
          {clock.phase && status !== "ended" && (
            <Body2 as="p" block className={styles.muted}>
              {phaseInstruction(t, clock.phase)}
            </Body2>
          )}
          {/* Who holds the format's roles (the narrator, the author, the teacher), by name. */}
          {HELD_ROLES.flatMap((role) => {
            const holder = view.roleHolders?.[role];
            return holder
              ? [
                  <Body2 key={role} as="p" block className={styles.muted} data-testid="stage-role-holder">
                    {t(`activity.heldBy_${role}`, { name: holder.displayName })}
                  </Body2>,
                ]
              : [];
          })}
          <SectionText view={view} />
        </div>
        <div className={styles.clock}>
          <Title3 as="p" block className={styles.text} role="status" data-testid="stage-phase">
            {t("activity.stagePhase", { phase: clock.statusLabel })}
            {status === "paused" ? ` · ${t("activity.statusPaused")}` : ""}
          </Title3>
          <PhaseCountdown clock={clock} size="stage" testId="stage-countdown" />
        </div>
      </div>

      <p className={styles.facts}>
        {view.declaredKinds.includes("reflection") ? (
          <Title3 data-testid="stage-reflected">
            {t("activity.reflectedCount", { reflected: view.reflectedCount, joined: view.participantCount })}
          </Title3>
        ) : (
          <Title3 data-testid="stage-taking-part">
            {t("activity.takingPart", { count: view.participantCount })}
          </Title3>
        )}
        {view.groupCount !== undefined && (
          <Title3>{t("activity.pairCount", { count: view.groupCount })}</Title3>
        )}
      </p>
      {view.hotSeats && (
        <ul className={styles.wall} data-testid="stage-hot-seats">
          {view.hotSeats.map((person) => (
            <li key={person.id}>
              <Title3>{t("activity.hotSeatIs", { name: person.displayName })}</Title3>
            </li>
          ))}
        </ul>
      )}

      {view.declaredKinds.includes("share") ? (
        <section className={styles.column} aria-labelledby={wallId}>
          <Subtitle1 as="h2" block id={wallId} className={styles.text}>
            {t("activity.wallHeading")}
          </Subtitle1>
          {view.wall.length === 0 ? (
            <Body1 as="p" block className={styles.muted}>
              {t("activity.wallEmpty")}
            </Body1>
          ) : (
            <ul className={styles.wall} data-testid="stage-wall">
              {view.wall.map((item) => (
                <WallCard key={item.groupId} item={item} names={namesOf(item.members, locale)} size="stage" />
              ))}
            </ul>
          )}
        </section>
      ) : view.kinds.some((k) => k.visibility === "everyone") ? (
        <StageShared view={view} headingId={wallId} />
      ) : (
        <Body1 as="p" block className={styles.muted} data-testid="stage-confidential">
          {t("activity.stageStaysInGroups")}
        </Body1>
      )}
    </section>
  );
}

/** What everyone may read of the format's own kinds (a café's themes and tables' notes), by kind. */
function StageShared({ view, headingId }: { view: ActivityView; headingId: string }) {
  const styles = useMeetingStageStyles();
  const { t } = useTranslation();
  const shared = submissionsByKind(view, (k) => k.visibility === "everyone");
  return (
    <section className={styles.column} aria-labelledby={headingId} data-testid="stage-shared">
      <Subtitle1 as="h2" block id={headingId} className={styles.text}>
        {t("activity.sharedHeading")}
      </Subtitle1>
      {shared.length === 0 ? (
        <Body1 as="p" block className={styles.muted}>
          {t("activity.sharedEmpty")}
        </Body1>
      ) : (
        shared.map(({ kind, items }) => (
          <KindList key={kind.kind} kind={kind} size="stage" listClassName={styles.wall}>
            {items.map((item) => (
              <ContentCard as="li" key={submissionKey(item)} size="large" className={styles.card}>
                {item.criteria ? (
                  // Written per criterion: each criterion over its words, the empty ones left out.
                  <dl className={styles.criteria} data-testid="stage-criteria">
                    {item.criteria
                      .filter((c) => c.text !== "")
                      .map((c) => (
                        <div key={c.criterion}>
                          <dt className={styles.muted}>{c.criterion}</dt>
                          <dd className={styles.insight}>{c.text}</dd>
                        </div>
                      ))}
                  </dl>
                ) : (
                  <Subtitle1 as="p" block className={styles.insight}>
                    {item.text}
                  </Subtitle1>
                )}
                {item.answer && (
                  <Body1 as="p" block className={styles.text} data-testid="stage-answer">
                    <span className={styles.muted}>
                      {t("submissions.answerBy", { name: item.answer.by.displayName })}
                    </span>{" "}
                    {item.answer.text}
                  </Body1>
                )}
              </ContentCard>
            ))}
          </KindList>
        ))
      )}
    </section>
  );
}
