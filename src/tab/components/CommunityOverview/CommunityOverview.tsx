import { Badge, Body1, Persona, Subtitle2, Tag, Text, Title2, Title3 } from "@fluentui/react-components";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { Community } from "../../api/communities.js";
import type { MembershipState } from "../../hooks/useCommunity.js";
import { ContentCard } from "../ContentCard/ContentCard.js";
import { MembershipControl } from "./MembershipControl.js";
import { useCommunityOverviewStyles } from "./useCommunityOverviewStyles.styles.js";

/** Props of {@link CommunityOverview}. */
export interface CommunityOverviewProps {
  community: Community;
  membership: MembershipState;
  onJoin: () => void;
  onLeave: () => void;
  /** Asks to join a private community (its non-members see the button). */
  onRequestToJoin?: () => void;
  /**
   * Tighter spacing for the 280 px meeting side panel.
   * @default false
   */
  compact?: boolean;
}

/** What a community is about and who runs it, with the Join / Leave control. */
export function CommunityOverview({
  community,
  membership,
  onJoin,
  onLeave,
  onRequestToJoin,
  compact = false,
}: CommunityOverviewProps) {
  const styles = useCommunityOverviewStyles();
  const { t } = useTranslation();
  const headingId = useId();
  const topicsId = useId();
  const stewardsId = useId();
  // The 280 px side panel gets a smaller title so the name does not break into one word per line.
  const Heading = compact ? Title3 : Title2;
  const createdAt = new Date(community.createdAt);
  const started = Number.isNaN(createdAt.getTime()) ? null : t("community.started", { date: createdAt });

  return (
    <ContentCard
      as="article"
      size={compact ? "medium" : "large"}
      aria-labelledby={headingId}
      data-community-id={community.id}
    >
      <header className={styles.header}>
        <Heading as="h1" id={headingId} className={styles.heading}>
          {community.name}
        </Heading>
        <div className={styles.badges}>
          <Badge appearance="tint" color={community.privacy === "open" ? "brand" : "informative"}>
            {community.privacy === "open" ? t("community.privacyOpen") : t("community.privacyPrivate")}
          </Badge>
          {(community.isSteward || community.isMember) && (
            <Badge appearance="tint" color="success">
              {community.isSteward ? t("community.youAreSteward") : t("community.youAreMember")}
            </Badge>
          )}
        </div>
      </header>

      <Body1 as="p" className={styles.purpose}>
        {community.purpose}
      </Body1>

      <dl className={styles.facts}>
        {community.domain && (
          <>
            <dt className={styles.factTerm}>{t("community.domainLabel")}</dt>
            <dd className={styles.factValue}>{community.domain}</dd>
          </>
        )}
        <dt className={styles.factTerm}>{t("community.membersLabel")}</dt>
        <dd className={styles.factValue} data-testid="member-count">
          {t("community.memberCount", { count: community.memberCount })}
        </dd>
        {started && (
          <>
            <dt className={styles.factTerm}>{t("community.startedLabel")}</dt>
            <dd className={styles.factValue}>{started}</dd>
          </>
        )}
      </dl>

      <MembershipControl
        community={community}
        membership={membership}
        onJoin={onJoin}
        onLeave={onLeave}
        {...(onRequestToJoin ? { onRequestToJoin } : {})}
      />

      <section className={styles.section} aria-labelledby={topicsId}>
        <Subtitle2 as="h2" id={topicsId} className={styles.subheading}>
          {t("community.topicsHeading")}
        </Subtitle2>
        {community.tags.length > 0 ? (
          <ul className={styles.list}>
            {community.tags.map((tag) => (
              <li key={tag}>
                <Tag size="small" shape="circular" appearance="outline" className={styles.tag}>
                  {tag}
                </Tag>
              </li>
            ))}
          </ul>
        ) : (
          <Text>{t("community.noTopics")}</Text>
        )}
      </section>

      <section className={styles.section} aria-labelledby={stewardsId}>
        <Subtitle2 as="h2" id={stewardsId} className={styles.subheading}>
          {t("community.stewardsHeading")}
        </Subtitle2>
        {community.stewards.length > 0 ? (
          <ul className={styles.stewardList}>
            {community.stewards.map((steward) => (
              <li key={steward.id}>
                <Persona name={steward.displayName} size="small" />
              </li>
            ))}
          </ul>
        ) : (
          <Text>{t("community.noStewards")}</Text>
        )}
      </section>
    </ContentCard>
  );
}
