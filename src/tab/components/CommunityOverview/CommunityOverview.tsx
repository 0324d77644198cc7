import {
  Badge,
  Body1,
  mergeClasses,
  Persona,
  Subtitle2,
  Tag,
  Text,
  Title2,
  Title3,
} from "@fluentui/react-components";
import { useId } from "react";
import type { Community } from "../../api/communities";
import type { MembershipState } from "../../hooks/useCommunity";
import { useTeamsContext } from "../../hooks/useTeamsContext";
import { MembershipControl } from "./MembershipControl";
import { useCommunityOverviewStyles } from "./useCommunityOverviewStyles.styles";

/** Props of {@link CommunityOverview}. */
export interface CommunityOverviewProps {
  community: Community;
  membership: MembershipState;
  onJoin: () => void;
  onLeave: () => void;
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
  compact = false,
}: CommunityOverviewProps) {
  const styles = useCommunityOverviewStyles();
  const { messages, locale } = useTeamsContext();
  const headingId = useId();
  const topicsId = useId();
  const stewardsId = useId();
  // The 280 px side panel gets a smaller title so the name does not break into one word per line.
  const Heading = compact ? Title3 : Title2;
  const started = formatMonth(community.createdAt, locale);

  return (
    <article
      className={mergeClasses(styles.root, compact && styles.compact)}
      aria-labelledby={headingId}
      data-community-id={community.id}
    >
      <header className={styles.header}>
        <Heading as="h1" id={headingId} className={styles.heading}>
          {community.name}
        </Heading>
        <div className={styles.badges}>
          <Badge appearance="tint" color={community.privacy === "open" ? "brand" : "informative"}>
            {community.privacy === "open" ? messages.privacyOpen : messages.privacyPrivate}
          </Badge>
          {(community.isSteward || community.isMember) && (
            <Badge appearance="tint" color="success">
              {community.isSteward ? messages.youAreSteward : messages.youAreMember}
            </Badge>
          )}
        </div>
      </header>

      <Body1 as="p" className={styles.purpose}>
        {community.purpose}
      </Body1>

      <dl className={styles.facts}>
        <dt className={styles.factTerm}>{messages.domainLabel}</dt>
        <dd className={styles.factValue}>{community.domain}</dd>
        <dt className={styles.factTerm}>{messages.membersLabel}</dt>
        <dd className={styles.factValue} data-testid="member-count">
          {new Intl.NumberFormat(locale).format(community.memberCount)}
        </dd>
        {started && (
          <>
            <dt className={styles.factTerm}>{messages.startedLabel}</dt>
            <dd className={styles.factValue}>{started}</dd>
          </>
        )}
      </dl>

      <MembershipControl community={community} membership={membership} onJoin={onJoin} onLeave={onLeave} />

      <section className={styles.section} aria-labelledby={topicsId}>
        <Subtitle2 as="h2" id={topicsId} className={styles.subheading}>
          {messages.topicsHeading}
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
          <Text>{messages.noTopics}</Text>
        )}
      </section>

      <section className={styles.section} aria-labelledby={stewardsId}>
        <Subtitle2 as="h2" id={stewardsId} className={styles.subheading}>
          {messages.stewardsHeading}
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
          <Text>{messages.noStewards}</Text>
        )}
      </section>
    </article>
  );
}

/** "March 2026" in the user's locale, or null for a missing or invalid date. */
function formatMonth(iso: string, locale: string): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(locale, { month: "long", year: "numeric" }).format(date);
}
