import { Badge, Body1, Persona, Subtitle2, Tag, Text, Title2, Title3 } from "@fluentui/react-components";
import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import { ContentCard } from "../ContentCard/ContentCard.js";
import { MembershipControl, type MembershipControlProps } from "./MembershipControl.js";
import { useCommunityOverviewStyles } from "./useCommunityOverviewStyles.styles.js";

/** Props of {@link CommunityOverview}. */
export interface CommunityOverviewProps extends MembershipControlProps {
  /**
   * Tighter spacing for the 280 px meeting side panel.
   * @default false
   */
  compact?: boolean;
}

/** What a community is about and who runs it, with the Join / Leave control. */
export function CommunityOverview({ community, controls, compact = false }: CommunityOverviewProps) {
  const styles = useCommunityOverviewStyles();
  const { t } = useTranslation();
  const headingId = useId();
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

      <MembershipControl community={community} controls={controls} />

      <OverviewList
        heading={t("community.topicsHeading")}
        empty={t("community.noTopics")}
        className={styles.list}
      >
        {community.tags.map((tag) => (
          <li key={tag}>
            <Tag size="small" shape="circular" appearance="outline" className={styles.tag}>
              {tag}
            </Tag>
          </li>
        ))}
      </OverviewList>

      <OverviewList
        heading={t("community.stewardsHeading")}
        empty={t("community.noStewards")}
        className={styles.stewardList}
      >
        {community.stewards.map((steward) => (
          <li key={steward.id}>
            <Persona name={steward.displayName} size="small" />
          </li>
        ))}
      </OverviewList>
    </ContentCard>
  );
}

/** A labelled part of the overview: its list items, or a line saying there are none. */
function OverviewList(props: { heading: string; empty: string; className: string; children: ReactNode[] }) {
  const styles = useCommunityOverviewStyles();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.subheading}>
        {props.heading}
      </Subtitle2>
      {props.children.length > 0 ? (
        <ul className={props.className}>{props.children}</ul>
      ) : (
        <Text>{props.empty}</Text>
      )}
    </section>
  );
}
