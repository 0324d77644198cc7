import { Caption1, Subtitle1 } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { FollowThrough } from "../../../domain/commitments/commitment.js";
import { MutedText } from "../../components/MutedText/MutedText.js";
import { SectionCard } from "../../components/SectionCard/SectionCard.js";
import { useHomePageStyles } from "./useHomePageStyles.styles.js";

/**
 * How well the community follows through on its commitments: a rate and counts, never names. It
 * comes with the home's one answer; a community where nobody has committed yet has none.
 */
export function FollowThroughCard({ followThrough: data }: { followThrough: FollowThrough | undefined }) {
  const styles = useHomePageStyles();
  const { t } = useTranslation();
  if (!data || data.total === 0) return null;
  return (
    <SectionCard title={t("commitments.followThroughHeading")} testId="follow-through">
      {data.rate === null ? (
        <MutedText>{t("commitments.followThroughNone")}</MutedText>
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
    </SectionCard>
  );
}
