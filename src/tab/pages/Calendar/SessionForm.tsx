import {
  Button,
  Checkbox,
  Dropdown,
  Field,
  Input,
  Option,
  Radio,
  RadioGroup,
  Subtitle1,
  Textarea,
} from "@fluentui/react-components";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../api/ApiError.js";
import {
  FORMAT_DEFAULTS,
  FORMAT_DURATIONS,
  SESSION_FORMATS,
  type SessionFormat,
} from "../../api/sessions.js";
import { ContentCard } from "../../components/ContentCard/ContentCard.js";
import { DateField } from "../../components/DateField/DateField.js";
import { describeApiError } from "../../components/ErrorState.js";
import { TitledMessage } from "../../components/InlineError/TitledMessage.js";
import type { en } from "../../i18n/en.js";
import { NumberField } from "./NumberField.js";
import { type RepeatChoice, type SessionFormValues, sessionFormIssues } from "./sessionFormModel.js";
import { useCalendarStyles } from "./useCalendarStyles.styles.js";

/** Props of {@link SessionForm}. */
export interface SessionFormProps {
  initial: SessionFormValues;
  mode: "create" | "edit";
  saving: boolean;
  error: ApiError | null;
  onSave: (values: SessionFormValues) => void;
  onCancel: () => void;
  /** Shown with a 412: reload the server's version (the form keeps the person's values). */
  onLoadLatest?: () => void;
  /** A calendar is connected: the Teams meeting option is offered. @default false */
  canScheduleMeetings?: boolean;
}

/** The longest description the server keeps (sessionSchemas). */
const DESCRIPTION_MAX = 4000;

/** A phase id the catalogs translate (`phases.*`). */
export type PhaseId = keyof typeof en.phases;

const REPEAT_LABELS = {
  none: "sessionPlanning.repeatNone",
  weekly: "sessionPlanning.repeatWeekly",
  biweekly: "sessionPlanning.repeatBiweekly",
  monthly: "sessionPlanning.repeatMonthly",
} as const;

/** Plans or edits a session (stewards). Picking a format fills in its default duration. */
export function SessionForm({
  initial,
  mode,
  saving,
  error,
  onSave,
  onCancel,
  onLoadLatest,
  canScheduleMeetings = false,
}: SessionFormProps) {
  const styles = useCalendarStyles();
  const { t } = useTranslation();
  const headingId = useId();
  const [values, setValues] = useState(initial);
  const [tried, setTried] = useState(false);
  const issues = tried ? sessionFormIssues(values) : {};
  const set = <K extends keyof SessionFormValues>(key: K, value: SessionFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  return (
    <ContentCard as="section" size="large" className={styles.card} aria-labelledby={headingId}>
      <Subtitle1 as="h2" block id={headingId}>
        {mode === "create" ? t("calendar.newTitle") : t("calendar.editTitle")}
      </Subtitle1>
      <form
        className={styles.form}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (Object.keys(sessionFormIssues(values)).length === 0) onSave(values);
        }}
      >
        {error?.status === 412 ? (
          <TitledMessage
            intent="warning"
            title={t("calendar.conflictTitle")}
            action={onLoadLatest && { label: t("calendar.loadLatest"), onClick: onLoadLatest }}
          >
            {t("calendar.conflictBody")}
          </TitledMessage>
        ) : (
          error && (
            <TitledMessage intent="error" title={t("calendar.saveFailedTitle")}>
              {describeApiError(error, t)}
            </TitledMessage>
          )
        )}
        <Field label={t("calendar.titleLabel")} required validationMessage={issues.title && t(issues.title)}>
          <Input value={values.title} maxLength={150} onChange={(_e, d) => set("title", d.value)} />
        </Field>
        <Field label={t("calendar.formatLabel")}>
          <Dropdown
            className={styles.dropdown}
            value={t(`formats.${values.format}`)}
            selectedOptions={[values.format]}
            onOptionSelect={(_e, d) => {
              const format = d.optionValue as SessionFormat;
              // The format's plan becomes the agenda unless the steward wrote their own.
              const planOf = (f: SessionFormat) =>
                FORMAT_DEFAULTS[f].phases
                  .map((p) =>
                    t("sessionPlanning.phaseMinutes", {
                      phase: t(`phases.${p.id as PhaseId}`, { defaultValue: p.title }),
                      minutes: p.minutes,
                    }),
                  )
                  .join("\n");
              setValues((current) => ({
                ...current,
                format,
                durationMinutes: String(FORMAT_DURATIONS[format]),
                agenda:
                  current.agenda.trim() === "" || current.agenda === planOf(current.format)
                    ? planOf(format)
                    : current.agenda,
              }));
            }}
          >
            {SESSION_FORMATS.map((format) => (
              <Option key={format} value={format}>
                {t(`formats.${format}`)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <div className={styles.row}>
          <DateField
            label={t("calendar.dateLabel")}
            required
            validationMessage={issues.start && t(issues.start)}
            value={values.date}
            onChange={(date) => set("date", date)}
          />
          <Field
            label={t("calendar.timeLabel")}
            required
            hint={t("calendar.timeHint", { zone: values.timeZone })}
          >
            <Input type="time" value={values.time} onChange={(_e, d) => set("time", d.value)} />
          </Field>
          <NumberField
            label={t("calendar.durationMinutesLabel")}
            validationMessage={issues.duration && t(issues.duration)}
            min={5}
            max={480}
            step={5}
            value={values.durationMinutes}
            onChange={(value) => set("durationMinutes", value)}
          />
        </div>
        <div className={styles.row}>
          <Field
            label={t("sessionPlanning.repeatLabel")}
            hint={t("sessionPlanning.repeatHint", { zone: values.timeZone })}
          >
            <Dropdown
              className={styles.dropdown}
              value={
                values.repeat === "custom"
                  ? t("sessionPlanning.repeatCustom", { rule: values.initialRule ?? "" })
                  : t(REPEAT_LABELS[values.repeat ?? "none"])
              }
              selectedOptions={[values.repeat ?? "none"]}
              onOptionSelect={(_e, d) => set("repeat", d.optionValue as RepeatChoice)}
            >
              {(["none", "weekly", "biweekly", "monthly"] as const).map((choice) => (
                <Option key={choice} value={choice}>
                  {t(REPEAT_LABELS[choice])}
                </Option>
              ))}
              {values.initialRule && values.repeat === "custom" ? (
                <Option value="custom">
                  {t("sessionPlanning.repeatCustom", { rule: values.initialRule })}
                </Option>
              ) : null}
            </Dropdown>
          </Field>
          {values.repeat && values.repeat !== "none" && values.repeat !== "custom" && (
            <NumberField
              label={t("sessionPlanning.repeatCountLabel")}
              hint={t("sessionPlanning.repeatCountHint")}
              validationMessage={issues.repeatCount && t(issues.repeatCount)}
              min={2}
              max={200}
              value={values.repeatCount ?? ""}
              onChange={(value) => set("repeatCount", value)}
            />
          )}
        </div>
        <Field label={t("calendar.agendaLabel")} hint={t("calendar.agendaHint")}>
          <Textarea value={values.agenda} resize="vertical" onChange={(_e, d) => set("agenda", d.value)} />
        </Field>
        <Field
          label={t("calendar.descriptionLabel")}
          hint={t("calendar.characterCount", {
            count: values.description.length,
            max: DESCRIPTION_MAX,
          })}
        >
          <Textarea
            value={values.description}
            resize="vertical"
            maxLength={DESCRIPTION_MAX}
            onChange={(_e, d) => set("description", d.value)}
          />
        </Field>
        <Field
          hint={
            values.hasTeamsMeeting
              ? t("sessionPlanning.teamsMeetingExisting")
              : canScheduleMeetings
                ? t("sessionPlanning.teamsMeetingHint")
                : t("sessionPlanning.teamsMeetingUnavailable")
          }
        >
          <Checkbox
            label={t("sessionPlanning.teamsMeetingLabel")}
            checked={!!values.teamsMeeting}
            disabled={!canScheduleMeetings || !!values.hasTeamsMeeting}
            onChange={(_e, d) => set("teamsMeeting", d.checked === true)}
          />
        </Field>
        {values.teamsMeeting && (
          <Field label={t("sessionPlanning.attendeesLabel")}>
            <RadioGroup
              layout="horizontal"
              value={values.attendees ?? "rsvps"}
              onChange={(_e, d) => set("attendees", d.value as "rsvps" | "community")}
            >
              <Radio value="rsvps" label={t("sessionPlanning.attendeesRsvps")} />
              <Radio value="community" label={t("sessionPlanning.attendeesCommunity")} />
            </RadioGroup>
          </Field>
        )}
        {!values.teamsMeeting && (
          <Field
            label={t("calendar.joinUrlLabel")}
            hint={t("calendar.joinUrlHint")}
            validationMessage={issues.joinUrl && t(issues.joinUrl)}
          >
            <Input type="url" value={values.joinUrl} onChange={(_e, d) => set("joinUrl", d.value)} />
          </Field>
        )}
        <div className={styles.toolbar}>
          <Button appearance="primary" type="submit" disabled={saving}>
            {saving ? t("calendar.saving") : t("calendar.save")}
          </Button>
          <Button onClick={onCancel}>{t("calendar.cancel")}</Button>
        </div>
      </form>
    </ContentCard>
  );
}
