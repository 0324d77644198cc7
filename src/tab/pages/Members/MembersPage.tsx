import {
  Badge,
  Body1,
  Button,
  Caption1,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Title2,
} from "@fluentui/react-components";
import type { TFunction } from "i18next";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Community } from "../../api/communities.js";
import { ContentCard } from "../../components/ContentCard/ContentCard.js";
import { InlineError } from "../../components/InlineError/InlineError.js";
import { LoadingState } from "../../components/LoadingState.js";
import { PeoplePicker, type PickedPerson } from "../../components/PeoplePicker/PeoplePicker.js";
import { PersonCard } from "../../components/PersonCard/PersonCard.js";
import { RouterLink } from "../../components/RouterLink/RouterLink.js";
import { StewardsPage } from "../../components/StewardsPage.js";
import { type MemberChange, type UseMembersResult, useMembers } from "../../hooks/members/useMembers.js";
import { useTeamsContext } from "../../hooks/useTeamsContext.js";
import { homePath } from "../../routes.js";
import { useMembersPageStyles } from "./useMembersPageStyles.styles.js";

/**
 * The members of the tab's community (`/tab/members`): stewards answer requests to join, add
 * people (as members or stewards), name and relieve stewards, and remove members.
 */
export function MembersPage() {
  const { t } = useTranslation();
  return (
    <StewardsPage
      nav="home"
      notStewards={{
        title: t("members.stewardsOnlyTitle"),
        body: t("members.intro"),
        back: { href: homePath, label: t("members.backToHome") },
      }}
    >
      {(community) => <Members community={community} />}
    </StewardsPage>
  );
}

function Members({ community }: { community: Community }) {
  const styles = useMembersPageStyles();
  const { t } = useTranslation();
  const headingId = useId();
  const members = useMembers(community.id, true);

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <RouterLink href={homePath}>{t("members.backToHome")}</RouterLink>
      <header>
        <Title2 as="h1" id={headingId} className={styles.heading}>
          {t("members.title")}
        </Title2>
        <Caption1>{community.name}</Caption1>
      </header>
      <Body1 as="p" className={styles.intro}>
        {t("members.intro")}
      </Body1>
      <div role="status">
        {members.done && (
          <MessageBar intent="success">
            <MessageBarBody>{doneMessage(members.done, t)}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {members.error && <InlineError title={t("common.actionFailedTitle")} error={members.error} />}
      <JoinRequests members={members} />
      <AddPeople members={members} />
      <MemberList members={members} />
    </section>
  );
}

function doneMessage(change: MemberChange, t: TFunction<"translation">): string {
  switch (change.kind) {
    case "add":
      return t("members.added", { count: change.people.length });
    case "approve":
      return t("members.approved", { name: change.person.displayName });
    case "decline":
      return t("members.declined", { name: change.person.displayName });
    default:
      return t("members.changed");
  }
}

function JoinRequests({ members }: { members: UseMembersResult }) {
  const styles = useMembersPageStyles();
  const { t } = useTranslation();
  const headingId = useId();
  const busy = members.pending !== null;
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="join-requests">
      <Subtitle1 as="h2" id={headingId} className={styles.subheading}>
        {t("members.requestsHeading")}
      </Subtitle1>
      {members.requestsError ? (
        <InlineError
          title={t("members.requestsErrorTitle")}
          error={members.requestsError}
          onRetry={members.retry}
        />
      ) : !members.requests ? (
        <Spinner size="tiny" label={t("common.loading")} />
      ) : members.requests.length === 0 ? (
        <Body1 as="p" className={styles.empty}>
          {t("members.requestsEmpty")}
        </Body1>
      ) : (
        <ul className={styles.list}>
          {members.requests.map((request) => {
            const person = { id: request.userId, displayName: request.displayName };
            return (
              <ContentCard as="li" key={request.userId} className={styles.row} data-testid="join-request">
                <Body1>{request.displayName}</Body1>
                <Caption1 className={styles.meta}>
                  {t("members.requestedOn", { date: new Date(request.requestedAt) })}
                </Caption1>
                <div className={styles.actions}>
                  <Button
                    appearance="primary"
                    className={styles.button}
                    disabledFocusable={busy}
                    aria-label={t("members.approveLabel", { name: request.displayName })}
                    onClick={() => members.change({ kind: "approve", person })}
                  >
                    {t("members.approve")}
                  </Button>
                  <Button
                    className={styles.button}
                    disabledFocusable={busy}
                    aria-label={t("members.declineLabel", { name: request.displayName })}
                    onClick={() => members.change({ kind: "decline", person })}
                  >
                    {t("members.decline")}
                  </Button>
                </div>
              </ContentCard>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function AddPeople({ members }: { members: UseMembersResult }) {
  const styles = useMembersPageStyles();
  const { t } = useTranslation();
  const headingId = useId();
  const [people, setPeople] = useState<PickedPerson[]>([]);
  const [asStewards, setAsStewards] = useState(false);
  const adding = members.pending?.kind === "add";
  const known = (members.members ?? []).map((m) => m.id);
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.subheading}>
        {t("members.addHeading")}
      </Subtitle1>
      <PeoplePicker
        label={t("members.addPicker")}
        hint={t("members.addHint")}
        value={people}
        onChange={setPeople}
        excludeIds={known}
      />
      <Checkbox
        label={t("members.addAsStewards")}
        checked={asStewards}
        onChange={(_event, data) => setAsStewards(data.checked === true)}
      />
      <div className={styles.actions}>
        <Button
          appearance="primary"
          className={styles.button}
          disabledFocusable={people.length === 0 || members.pending !== null}
          icon={adding ? <Spinner size="tiny" /> : undefined}
          onClick={() => {
            members.change({ kind: "add", people, steward: asStewards });
            setPeople([]);
          }}
        >
          {adding ? t("members.adding") : t("members.add")}
        </Button>
      </div>
    </section>
  );
}

function MemberList({ members }: { members: UseMembersResult }) {
  const styles = useMembersPageStyles();
  const { t } = useTranslation();
  const { context } = useTeamsContext();
  const headingId = useId();
  const me = context.user?.id;
  const busy = members.pending !== null;
  if (members.membersError)
    return (
      <InlineError title={t("members.loadErrorTitle")} error={members.membersError} onRetry={members.retry} />
    );
  if (!members.members) return <LoadingState label={t("common.loading")} />;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.subheading}>
        {t("members.membersHeading")}
      </Subtitle1>
      <Caption1 className={styles.meta}>
        {t("members.memberCount", { count: members.members.length })}
      </Caption1>
      <ul className={styles.list} data-testid="member-list">
        {members.members.map((member) => {
          const person = { id: member.id, displayName: member.displayName };
          return (
            <ContentCard as="li" key={member.id} className={styles.row} data-testid="member">
              <div className={styles.who}>
                <PersonCard person={person}>
                  <Body1>{member.displayName}</Body1>
                </PersonCard>
                {member.isSteward && (
                  <Badge appearance="tint" color="brand">
                    {t("members.stewardBadge")}
                  </Badge>
                )}
              </div>
              <Caption1 className={styles.meta}>
                {t("members.joinedOn", { date: new Date(member.joinedAt) })}
              </Caption1>
              <div className={styles.actions}>
                {member.isSteward ? (
                  <Button
                    size="small"
                    className={styles.button}
                    disabledFocusable={busy}
                    aria-label={t("members.removeStewardLabel", { name: member.displayName })}
                    onClick={() => members.change({ kind: "endSteward", person })}
                  >
                    {t("members.removeSteward")}
                  </Button>
                ) : (
                  <Button
                    size="small"
                    className={styles.button}
                    disabledFocusable={busy}
                    aria-label={t("members.makeStewardLabel", { name: member.displayName })}
                    onClick={() => members.change({ kind: "makeSteward", person })}
                  >
                    {t("members.makeSteward")}
                  </Button>
                )}
                {member.id !== me && (
                  <Button
                    size="small"
                    className={styles.button}
                    disabledFocusable={busy}
                    aria-label={t("members.removeLabel", { name: member.displayName })}
                    onClick={() => members.change({ kind: "remove", person })}
                  >
                    {t("members.remove")}
                  </Button>
                )}
              </div>
            </ContentCard>
          );
        })}
      </ul>
    </section>
  );
}
