import { Body1, Caption1, Caption1Strong, Spinner } from "@fluentui/react-components";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { PERSONAL_TIES_DAYS } from "../../../domain/insights/personalTies.js";
import {
  type CommunityTies,
  getMyTies,
  type KindCounts,
  type MyTiesAnswer,
  myTiesKey,
  type TieSide,
} from "../../api/myTies.js";
import { ListOrEmpty } from "../../components/ListOrEmpty/ListOrEmpty.js";
import { LoadsOnItsOwn } from "./LoadsOnItsOwn.js";
import { useMyLearningStyles } from "./useMyLearningStyles.styles.js";

/** The kinds in the order they are told, most personal first. */
const KINDS = ["taught", "answered", "paired", "helpful", "saved"] as const;
/** While a community's first computation runs, ask again this often. */
const COMPUTING_POLL_MS = 3_000;

/** "2 answers · 1 pair conversation": a tie's facts by kind. */
function kindsText(t: TFunction, kinds: KindCounts): string {
  return KINDS.filter((k) => (kinds[k] ?? 0) > 0)
    .map((k) => t(`learning.tieKind_${k}`, { count: kinds[k] ?? 0 }))
    .join(" · ");
}

/**
 * My own ties (loaded on their own): who I learned from and who learned from me in each of my
 * communities, by kind; names only where the organisation allows person-level insights.
 */
export function MyTiesList() {
  const { t } = useTranslation();
  return (
    <LoadsOnItsOwn
      queryKey={myTiesKey}
      load={getMyTies}
      pollMs={(ties) => (ties?.communities.some((c) => c.status === "computing") ? COMPUTING_POLL_MS : false)}
      errorTitle={t("learning.tiesLoadErrorTitle")}
      loading={<Spinner size="tiny" label={t("learning.tiesLoading")} />}
    >
      {(data) => <Ties ties={data} />}
    </LoadsOnItsOwn>
  );
}

function Ties({ ties: { communities, personLevel } }: { ties: MyTiesAnswer }) {
  const styles = useMyLearningStyles();
  const { t } = useTranslation();
  const withTies = communities.filter(
    (c) => c.status === "computing" || c.ties.learnedFrom.people + c.ties.learnersFrom.people > 0,
  );
  return (
    <>
      <Caption1 className={styles.muted}>
        {t("learning.tiesIntro", { count: PERSONAL_TIES_DAYS })}
        {personLevel ? "" : ` ${t("learning.tiesCountsOnly")}`}
      </Caption1>
      <ListOrEmpty items={withTies} empty={t("learning.tiesEmpty")} className={styles.list}>
        {(c) => <CommunityTiesItem key={c.communityId} community={c} named={communities.length > 1} />}
      </ListOrEmpty>
    </>
  );
}

function CommunityTiesItem({ community, named }: { community: CommunityTies; named: boolean }) {
  const styles = useMyLearningStyles();
  const { t } = useTranslation();
  return (
    <li className={styles.group} data-testid="my-ties-community">
      {named && <Caption1Strong>{community.communityName}</Caption1Strong>}
      {community.status === "computing" ? (
        <Caption1 className={styles.muted}>{t("learning.tiesComputing")}</Caption1>
      ) : (
        <>
          <Side
            title={t("learning.tiesLearnedFrom", { count: community.ties.learnedFrom.people })}
            side={community.ties.learnedFrom}
            testId="my-ties-learned-from"
          />
          <Side
            title={t("learning.tiesLearnersFrom", { count: community.ties.learnersFrom.people })}
            side={community.ties.learnersFrom}
            testId="my-ties-learners"
          />
        </>
      )}
    </li>
  );
}

function Side({ title, side, testId }: { title: string; side: TieSide; testId: string }) {
  const styles = useMyLearningStyles();
  const { t } = useTranslation();
  if (side.people === 0) return null;
  return (
    <div className={styles.group} data-testid={testId}>
      <Body1>{title}</Body1>
      {side.partners.length === 0 ? (
        <Caption1 className={styles.muted}>{kindsText(t, side.kinds)}</Caption1>
      ) : (
        <ul className={styles.list}>
          {side.partners.map((p) => (
            <li key={p.id} className={styles.item}>
              <Caption1Strong className={styles.note}>{p.displayName}</Caption1Strong>
              <Caption1 className={styles.muted}>{kindsText(t, p.kinds)}</Caption1>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
