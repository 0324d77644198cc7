import { Body1, Caption1, Subtitle1 } from "@fluentui/react-components";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { followThroughKey, getFollowThrough } from "../../api/commitments.js";
import { useApi } from "../../hooks/useApi.js";
import { HomeCard } from "./HomeCard.js";
import { useHomePageStyles } from "./useHomePageStyles.styles.js";

/**
 * How well the community follows through on its commitments: a rate and counts, never names.
 * Loaded on its own after the home's sections, so the home's first view waits for nothing more;
 * it stays out of the way (renders nothing) while loading or when the request fails.
 */
export function FollowThroughCard({ communityId }: { communityId: string }) {
  const styles = useHomePageStyles();
  const { t } = useTranslation();
  const api = useApi();
  const followThrough = useQuery({
    queryKey: followThroughKey(communityId),
    queryFn: ({ signal }) => getFollowThrough(api, communityId, signal),
  });
  const data = followThrough.data;
  if (!data || data.total === 0) return null;
  return (
    <HomeCard title={t("commitments.followThroughHeading")} testId="follow-through">
      {data.rate === null ? (
        <Body1 as="p" block className={styles.muted}>
          {t("commitments.followThroughNone")}
        </Body1>
      ) : (
        <Subtitle1 as="p" block className={styles.heading} data-testid="follow-through-rate">
          {t("commitments.followThroughRate", { rate: data.rate })}
        </Subtitle1>
      )}
      <Caption1 as="p" block className={styles.muted}>
        {t("commitments.followThroughCounts", {
          done: data.done,
          partly: data.partly,
          dropped: data.dropped,
          open: data.open,
        })}
      </Caption1>
      <Caption1 as="p" block className={styles.muted}>
        {t("commitments.followThroughNote")}
      </Caption1>
    </HomeCard>
  );
}
