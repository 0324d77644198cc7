import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Option,
  Subtitle2,
  Switch,
} from "@fluentui/react-components";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  assignOccurrenceRole,
  assignRole,
  generateRota,
  getRota,
  type RotaView,
  SESSION_ROLES,
  type SessionRole,
  sessionKeys,
  setMyRolePreference,
} from "../../api/sessions.js";
import { ActionFailed } from "../../components/ActionFailed/ActionFailed.js";
import { ContentCard } from "../../components/ContentCard/ContentCard.js";
import { DateField } from "../../components/DateField/DateField.js";
import { formatIsoDate } from "../../components/DateField/isoDate.js";
import { QueryFailed } from "../../components/InlineError/QueryFailed.js";
import { LoadingState } from "../../components/LoadingState.js";
import { RouterLink } from "../../components/RouterLink/RouterLink.js";
import { formatSessionStart } from "../../components/SessionSummary/sessionTime.js";
import { useReminderSettings } from "../../hooks/calendar/useReminderSettings.js";
import { useApi } from "../../hooks/useApi.js";
import { useApiQuery } from "../../hooks/useApiQuery.js";
import { useTeamsContext } from "../../hooks/useTeamsContext.js";
import { sessionPath } from "../../routes.js";
import { dayKeyOf } from "./calendarModel.js";
import { NumberField } from "./NumberField.js";
import { SaveBar } from "./SaveBar.js";
import { useCalendarStyles } from "./useCalendarStyles.styles.js";

type RotaOccurrence = RotaView["occurrences"][number];

/** Props of {@link RotaPanel}. */
export interface RotaPanelProps {
  communityId: string;
  isSteward: boolean;
  timeZone: string;
}

/**
 * The role rota of the next sessions: who facilitates, takes notes, sits in the hot seat… Stewards
 * fill open roles fairly with one click and change any holder; everyone chooses the roles they are
 * willing to take (and may pause); stewards set when reminders go to the channel.
 */
export function RotaPanel({ communityId, isSteward, timeZone }: RotaPanelProps) {
  const styles = useCalendarStyles();
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const rota = useApiQuery(sessionKeys.rota(communityId), (api, signal) => getRota(api, communityId, signal));
  const fill = useMutation({
    mutationFn: () => generateRota(api, communityId),
    onSuccess: (view) => {
      queryClient.setQueryData(sessionKeys.rota(communityId), view);
      void queryClient.invalidateQueries({ queryKey: sessionKeys.all(communityId), refetchType: "none" });
    },
  });

  return (
    <section className={styles.page} aria-labelledby="rota-heading" data-testid="rota">
      <Subtitle2 as="h2" block id="rota-heading">
        {t("sessionPlanning.rotaHeading")}
      </Subtitle2>
      <Body1 className={styles.muted}>{t("sessionPlanning.rotaIntro")}</Body1>
      {rota.isPending ? (
        <LoadingState label={t("sessionPlanning.rotaLoading")} />
      ) : rota.error ? (
        <QueryFailed title={t("sessionPlanning.rotaLoadError")} query={rota} />
      ) : (
        <>
          {isSteward && (
            <div className={styles.toolbar}>
              <Button appearance="primary" disabled={fill.isPending} onClick={() => fill.mutate()}>
                {fill.isPending ? t("sessionPlanning.rotaFilling") : t("sessionPlanning.rotaFill")}
              </Button>
              <Caption1>
                {t("sessionPlanning.optedIn", {
                  count: rota.data.preferences.filter((p) => p.willing.length > 0).length,
                })}
              </Caption1>
            </div>
          )}
          <ActionFailed
            error={fill.error}
            message={(reason) => t("sessionPlanning.rotaFailed", { reason })}
          />
          {rota.data.occurrences.length === 0 ? (
            <Body1 className={styles.muted}>{t("sessionPlanning.rotaEmpty")}</Body1>
          ) : (
            <ul className={styles.list}>
              {rota.data.occurrences.map((occurrence) => (
                <RotaRow
                  key={`${occurrence.sessionId}-${occurrence.occurrenceId}`}
                  communityId={communityId}
                  occurrence={occurrence}
                  view={rota.data}
                  timeZone={timeZone}
                />
              ))}
            </ul>
          )}
          <MyRoles communityId={communityId} view={rota.data} />
          {isSteward && <ReminderSettingsForm communityId={communityId} />}
        </>
      )}
    </section>
  );
}

function RotaRow({
  communityId,
  occurrence,
  view,
  timeZone,
}: {
  communityId: string;
  occurrence: RotaOccurrence;
  view: RotaView;
  timeZone: string;
}) {
  const styles = useCalendarStyles();
  const { t } = useTranslation();
  const { locale } = useTeamsContext();
  const api = useApi();
  const queryClient = useQueryClient();
  const when = formatSessionStart(occurrence.startsAt, locale, timeZone);
  const change = useMutation({
    mutationFn: ({
      role,
      person,
    }: {
      role: SessionRole;
      person: { id: string; displayName: string } | null;
    }) =>
      !occurrence.recurring
        ? assignRole(api, communityId, occurrence.sessionId, role, person)
        : assignOccurrenceRole(api, communityId, occurrence.sessionId, occurrence.occurrenceId, role, person),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: sessionKeys.all(communityId) }),
  });
  const candidates = view.preferences;
  return (
    <ContentCard
      as="li"
      size="large"
      className={styles.card}
      data-day={dayKeyOf(occurrence.startsAt, timeZone)}
    >
      <RouterLink href={sessionPath(communityId, occurrence.sessionId)}>{occurrence.title}</RouterLink>
      <Caption1>
        <time dateTime={occurrence.startsAt}>{when}</time>
      </Caption1>
      <ul className={styles.list}>
        {occurrence.roles.map((assignment, index) => {
          const roleName = t(`roles.${assignment.role}`);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a role may appear twice in one session; the list is never reordered.
            <li key={`${assignment.role}-${index}`} className={styles.toolbar}>
              {view.canEdit ? (
                <>
                  <Body1>{roleName}</Body1>
                  <Dropdown
                    className={styles.dropdown}
                    aria-label={t("sessionPlanning.rotaAssign", { role: roleName, date: when })}
                    value={assignment.person?.displayName ?? t("sessionPlanning.rotaNobody")}
                    selectedOptions={[assignment.person?.id ?? ""]}
                    disabled={change.isPending}
                    onOptionSelect={(_e, d) => {
                      const chosen = candidates.find((c) => c.userId === d.optionValue);
                      change.mutate({
                        role: assignment.role,
                        person: chosen ? { id: chosen.userId, displayName: chosen.displayName } : null,
                      });
                    }}
                  >
                    <Option value="">{t("sessionPlanning.rotaNobody")}</Option>
                    {[
                      ...candidates.map((c) => ({ id: c.userId, displayName: c.displayName })),
                      ...(assignment.person && !candidates.some((c) => c.userId === assignment.person?.id)
                        ? [assignment.person]
                        : []),
                    ].map((person) => (
                      <Option key={person.id} value={person.id}>
                        {person.displayName}
                      </Option>
                    ))}
                  </Dropdown>
                </>
              ) : (
                <Body1>
                  {roleName}: {assignment.person?.displayName ?? t("sessionPlanning.rotaOpen")}
                </Body1>
              )}
            </li>
          );
        })}
      </ul>
      <ActionFailed error={change.error} message={(reason) => t("sessionPlanning.rotaFailed", { reason })} />
    </ContentCard>
  );
}

/**
 * The day a snooze ends, in the viewer's zone: it is saved as the viewer's local midnight, which
 * east of UTC falls on the previous day in UTC, so the stored text's first ten characters would
 * show the day before.
 */
function snoozeDay(snoozedUntil: string | null | undefined): string {
  return snoozedUntil ? formatIsoDate(new Date(snoozedUntil)) : "";
}

function MyRoles({ communityId, view }: { communityId: string; view: RotaView }) {
  const styles = useCalendarStyles();
  const { t } = useTranslation();
  const { context } = useTeamsContext();
  const api = useApi();
  const queryClient = useQueryClient();
  const headingId = useId();
  const mine = view.preferences.find((p) => p.userId === context.user?.id);
  const [willing, setWilling] = useState<SessionRole[]>(mine?.willing ?? []);
  const [snooze, setSnooze] = useState(snoozeDay(mine?.snoozedUntil));
  useEffect(() => {
    setWilling(mine?.willing ?? []);
    setSnooze(snoozeDay(mine?.snoozedUntil));
  }, [mine]);
  const save = useMutation({
    mutationFn: () =>
      setMyRolePreference(api, communityId, {
        willing,
        snoozedUntil: snooze ? new Date(`${snooze}T00:00:00`).toISOString() : null,
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: sessionKeys.rota(communityId) }),
  });
  return (
    <ContentCard as="section" size="large" className={styles.card} aria-labelledby={headingId}>
      <Subtitle2 as="h3" block id={headingId}>
        {t("sessionPlanning.myRolesHeading")}
      </Subtitle2>
      <Caption1>{t("sessionPlanning.myRolesHint")}</Caption1>
      <fieldset className={styles.fieldset} aria-labelledby={headingId}>
        {SESSION_ROLES.map((role) => (
          <Checkbox
            key={role}
            label={t(`roles.${role}`)}
            checked={willing.includes(role)}
            onChange={(_e, d) =>
              setWilling((current) => (d.checked ? [...current, role] : current.filter((r) => r !== role)))
            }
          />
        ))}
      </fieldset>
      <DateField
        label={t("sessionPlanning.snoozeLabel")}
        hint={t("sessionPlanning.snoozeHint")}
        value={snooze}
        min={formatIsoDate(new Date())}
        onChange={setSnooze}
      />
      <SaveBar
        save={save}
        label={t("sessionPlanning.savePreference")}
        saved={t("sessionPlanning.preferenceSaved")}
        failed={(reason) => t("sessionPlanning.preferenceFailed", { reason })}
      />
    </ContentCard>
  );
}

function ReminderSettingsForm({ communityId }: { communityId: string }) {
  const styles = useCalendarStyles();
  const { t } = useTranslation();
  const headingId = useId();
  const [enabled, setEnabled] = useState(true);
  const [lead, setLead] = useState("60");
  const { settings, save } = useReminderSettings(communityId, { enabled, leadMinutes: Number(lead) });
  useEffect(() => {
    if (!settings.data) return;
    setEnabled(settings.data.enabled);
    setLead(String(settings.data.leadMinutes));
  }, [settings.data]);
  return (
    <ContentCard as="section" size="large" className={styles.card} aria-labelledby={headingId}>
      <Subtitle2 as="h3" block id={headingId}>
        {t("sessionPlanning.remindersHeading")}
      </Subtitle2>
      <Switch
        label={t("sessionPlanning.remindersEnabled")}
        checked={enabled}
        onChange={(_e, d) => setEnabled(d.checked)}
      />
      <NumberField
        label={t("sessionPlanning.remindersLead")}
        min={5}
        max={10080}
        step={5}
        value={lead}
        disabled={!enabled}
        onChange={setLead}
      />
      <SaveBar
        save={save}
        disabled={settings.isPending}
        label={t("sessionPlanning.remindersSave")}
        saved={t("sessionPlanning.remindersSaved")}
        failed={(reason) => t("sessionPlanning.remindersFailed", { reason })}
      />
    </ContentCard>
  );
}
