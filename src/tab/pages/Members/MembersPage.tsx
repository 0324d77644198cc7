import {
  Badge,
  Body1,
  Button,
  Caption1,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Spinner,
  Title2,
} from "@fluentui/react-components";
import type { TFunction } from "i18next";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Community } from "../../api/communities.js";
import { ActionRow } from "../../components/ActionRow/ActionRow.js";
import { InlineError } from "../../components/InlineError/InlineError.js";
import { LoadingState } from "../../components/LoadingState.js";
import { PageSection } from "../../components/PageSection/PageSection.js";
import { PeoplePicker, type PickedPerson } from "../../components/PeoplePicker/PeoplePicker.js";
import { PersonCard } from "../../components/PersonCard/PersonCard.js";
import { RouterLink } from "../../components/RouterLink/RouterLink.js";
import { StewardsPage } from "../../components/StewardsPage.js";
import { type MemberChange, type UseMembersResult, useMembers } from "../../hooks/members/useMembers.js";
import { useTeamsContext } from "../../hooks/useTeamsContext.js";
import { homePath } from "../../routes.js";
import { MemberChangeButton } from "./MemberChangeButton.js";
import { PersonRow } from "./PersonRow.js";
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
        <Title2 as="h1" block id={headingId} className={styles.heading}>
          {t("members.title")}
        </Title2>
        {/* The community under the title, not run on from it. */}
        <Caption1 block>{community.name}</Caption1>
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
  return (
    <PageSection heading={t("members.requestsHeading")} testId="join-requests">
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
              <PersonRow
                key={request.userId}
                who={<Body1>{request.displayName}</Body1>}
                since={t("members.requestedOn", { date: new Date(request.requestedAt) })}
                testId="join-request"
                actions={
                  <>
                    <MemberChangeButton members={members} change={{ kind: "approve", person }} primary />
                    <MemberChangeButton members={members} change={{ kind: "decline", person }} />
                  </>
                }
              />
            );
          })}
        </ul>
      )}
    </PageSection>
  );
}

function AddPeople({ members }: { members: UseMembersResult }) {
  const styles = useMembersPageStyles();
  const { t } = useTranslation();
  const [people, setPeople] = useState<PickedPerson[]>([]);
  const [asStewards, setAsStewards] = useState(false);
  const adding = members.pending?.kind === "add";
  const known = (members.members ?? []).map((m) => m.id);
  return (
    <PageSection heading={t("members.addHeading")}>
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
      <ActionRow>
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
      </ActionRow>
    </PageSection>
  );
}

function MemberList({ members }: { members: UseMembersResult }) {
  const styles = useMembersPageStyles();
  const { t } = useTranslation();
  const { context } = useTeamsContext();
  const me = context.user?.id;
  if (members.membersError)
    return (
      <InlineError title={t("members.loadErrorTitle")} error={members.membersError} onRetry={members.retry} />
    );
  if (!members.members) return <LoadingState label={t("common.loading")} />;
  return (
    <PageSection heading={t("members.membersHeading")}>
      <Caption1 className={styles.meta}>
        {t("members.memberCount", { count: members.members.length })}
      </Caption1>
      <ul className={styles.list} data-testid="member-list">
        {members.members.map((member) => {
          const person = { id: member.id, displayName: member.displayName };
          return (
            <PersonRow
              key={member.id}
              who={
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
              }
              since={t("members.joinedOn", { date: new Date(member.joinedAt) })}
              testId="member"
              actions={
                <>
                  {member.isSteward ? (
                    <MemberChangeButton members={members} change={{ kind: "endSteward", person }} small />
                  ) : (
                    <MemberChangeButton members={members} change={{ kind: "makeSteward", person }} small />
                  )}
                  {member.id !== me && (
                    <MemberChangeButton members={members} change={{ kind: "remove", person }} small />
                  )}
                </>
              }
            />
          );
        })}
      </ul>
    </PageSection>
  );
}
