import { Button, Checkbox, Field, Input, Select, Subtitle2, Textarea } from "@fluentui/react-components";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  ACTIVITY_FORMAT_IDS,
  type ActivityFormatId,
  formatOf,
} from "../../../domain/activities/activityFormats.js";
import { HELD_ROLES, type HeldRole } from "../../../domain/activities/heldRoles.js";
import { toApiError } from "../../api/ApiError.js";
import {
  type ActivityState,
  createActivity,
  getRubric,
  getTopicQueue,
  type NewActivity,
  PAIRING_RULES,
  type PairingRule,
  saveRubric,
} from "../../api/activities.js";
import { listCommunities } from "../../api/communities.js";
import { ContentCard } from "../../components/ContentCard/ContentCard.js";
import { InlineError } from "../../components/InlineError/InlineError.js";
import { PeoplePicker, type PickedPerson } from "../../components/PeoplePicker/PeoplePicker.js";
import { useApi } from "../../hooks/useApi.js";
import { newRequestId, pairingRuleLabel, phaseTitle, stringKeyOf } from "./activityText.js";
import { ModuleChoice } from "./ModuleChoice.js";
import { useMeetingPanelStyles } from "./useMeetingPanelStyles.styles.js";

/** Props of {@link ActivitySetupForm}. */
export interface ActivitySetupFormProps {
  /** The tab's community: the default place to save insights to. */
  communityId: string;
  communityName: string;
  conversationId: string;
  meetingId?: string;
  onCreated: (state: ActivityState) => void;
  onCancel: () => void;
}

/** Each phase's minutes as the format proposes them (think-pair-share: 2 / 5 / 5 / 3, SPEC §2). */
function defaultMinutes(format: ActivityFormatId): Record<string, string> {
  return Object.fromEntries(formatOf(format).phases.map((p) => [p.id, String(p.defaultMinutes)]));
}

/** A format's name in the Teams language (`format_knowledgeCafe`). */
function formatKey(format: ActivityFormatId) {
  return `activity.format_${stringKeyOf(format)}` as const;
}

/**
 * The facilitator's form, built from the format's definition: format, prompt, minutes for each of
 * its phases (within the bounds it sets; an optional phase can be left out with 0), grouping rule,
 * community to save to.
 */
export function ActivitySetupForm(props: ActivitySetupFormProps) {
  const styles = useMeetingPanelStyles();
  const { t } = useTranslation();
  const api = useApi();
  const headingId = useId();
  const [format, setFormat] = useState<ActivityFormatId>("think-pair-share");
  const [prompt, setPrompt] = useState("");
  const [minutes, setMinutes] = useState<Record<string, string>>(() => defaultMinutes("think-pair-share"));
  const phases = formatOf(format).phases;
  const [pairingRule, setPairingRule] = useState<PairingRule>("cross-department");
  const [communityId, setCommunityId] = useState(props.communityId);
  const [topicId, setTopicId] = useState("");
  // A format whose phases come from a module (CoachingOurselves): the module, not minutes.
  const fromModule = formatOf(format).phasesFrom === "module";
  const [moduleId, setModuleId] = useState("");
  const teaches = formatOf(format).roles.includes("teacher");
  // A format with a role held for the whole activity (a teacher, an author…): who, if not the default.
  const heldRoles = HELD_ROLES.filter((role) => formatOf(format).roles.includes(role));
  const [holders, setHolders] = useState<Partial<Record<HeldRole, PickedPerson>>>({});
  // A format with a teacher (micro-teach) may teach a topic from the community's queue.
  const topics = useQuery({
    queryKey: ["micro-teach-topics", communityId],
    queryFn: ({ signal }) => getTopicQueue(api, communityId, signal),
    enabled: teaches,
  });
  // A format with a kind written per criterion (peer review) follows a rubric: the community's, or typed.
  const needsRubric = Object.values(formatOf(format).submissions).some((d) => d.perCriterion);
  const rubric = useQuery({
    queryKey: ["rubric", communityId],
    queryFn: ({ signal }) => getRubric(api, communityId, signal),
    enabled: needsRubric,
  });
  const [rubricText, setRubricText] = useState<string | null>(null);
  const rubricShown = rubricText ?? rubric.data?.criteria.join("\n") ?? "";
  // One id per filled-in form: a double click or a retried request sets up one activity, not two.
  const [requestId] = useState(newRequestId);
  const communities = useQuery({
    queryKey: ["communities"],
    queryFn: ({ signal }) => listCommunities(api, signal),
  });
  const choices = (communities.data ?? []).filter((c) => c.isMember || c.id === props.communityId);
  if (!choices.some((c) => c.id === props.communityId))
    choices.unshift({ id: props.communityId, name: props.communityName } as (typeof choices)[number]);

  const [keepRubric, setKeepRubric] = useState(false);
  const create = useMutation({
    mutationFn: async (input: NewActivity) => {
      // A steward keeps the typed rubric as the community's first: this review and the next follow it.
      if (keepRubric && input.rubric && rubric.data?.canEdit)
        await saveRubric(api, communityId, input.rubric, rubric.data.etag);
      return createActivity(api, input, requestId);
    },
    onSuccess: props.onCreated,
  });
  const error = create.error ? toApiError(create.error) : null;
  const issue = (field: string) => error?.issues.find((i) => i.field === field)?.message;

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({
      communityId,
      conversationId: props.conversationId,
      ...(props.meetingId ? { meetingId: props.meetingId } : {}),
      format,
      prompt,
      minutes: fromModule
        ? {}
        : Object.fromEntries(phases.map((p) => [p.id, Number(minutes[p.id] ?? p.defaultMinutes)])),
      ...(fromModule && moduleId ? { moduleId } : {}),
      pairingRule,
      ...(teaches && topicId ? { topicId } : {}),
      ...(needsRubric && rubricShown.trim() !== ""
        ? {
            rubric: rubricShown
              .split("\n")
              .map((line) => line.trim())
              .filter((line) => line !== ""),
          }
        : {}),
      ...(heldRoles.some((role) => holders[role])
        ? {
            roles: Object.fromEntries(
              heldRoles.flatMap((role) => (holders[role] ? [[role, holders[role]]] : [])),
            ),
          }
        : {}),
    });
  }

  return (
    <ContentCard as="form" className={styles.card} aria-labelledby={headingId} onSubmit={submit} noValidate>
      <Subtitle2 as="h2" block id={headingId} className={styles.heading}>
        {t("activity.formHeading")}
      </Subtitle2>
      {ACTIVITY_FORMAT_IDS.length > 1 && (
        <Field label={t("activity.formatLabel")}>
          <Select
            value={format}
            onChange={(_e, d) => {
              const chosen = d.value as ActivityFormatId;
              setFormat(chosen);
              setMinutes(defaultMinutes(chosen));
            }}
          >
            {ACTIVITY_FORMAT_IDS.map((id) => (
              <option key={id} value={id}>
                {t(formatKey(id), { defaultValue: formatOf(id).name })}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {teaches && (topics.data?.topics.length ?? 0) > 0 && (
        <Field label={t("activity.topicLabel")} hint={t("activity.topicHint")}>
          <Select
            value={topicId}
            onChange={(_e, d) => {
              setTopicId(d.value);
              const topic = topics.data?.topics.find((x) => x.id === d.value);
              if (topic && prompt.trim() === "") setPrompt(topic.text);
            }}
            data-testid="topic-choice"
          >
            <option value="">{t("activity.topicNone")}</option>
            {topics.data?.topics.map((topic) => (
              <option key={topic.id} value={topic.id}>
                {`${topic.text} · ${(topic.picked?.teacher ?? topic.proposer).displayName}`}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {heldRoles.map((role) => (
        <PeoplePicker
          key={role}
          label={t(`activity.holderLabel_${role}`)}
          hint={t(`activity.holderHint_${role}`)}
          value={holders[role] ? [holders[role]] : []}
          // One person holds the role: the latest pick replaces an earlier one.
          onChange={(people) => setHolders((h) => ({ ...h, [role]: people.at(-1) }))}
        />
      ))}
      <Field
        label={t("activity.promptLabel")}
        hint={t("activity.promptHint")}
        required
        validationMessage={issue("prompt")}
      >
        <Textarea value={prompt} onChange={(_e, d) => setPrompt(d.value)} resize="vertical" rows={3} />
      </Field>
      {needsRubric && (
        <Field
          label={t("activity.rubricLabel")}
          hint={t("activity.rubricHint")}
          validationMessage={error?.issues.find((i) => i.field.startsWith("rubric"))?.message}
        >
          <Textarea
            value={rubricShown}
            onChange={(_e, d) => setRubricText(d.value)}
            resize="vertical"
            rows={3}
            data-testid="rubric-field"
          />
        </Field>
      )}
      {needsRubric && rubric.data?.canEdit && rubricText !== null && rubricText.trim() !== "" && (
        <Checkbox
          checked={keepRubric}
          onChange={(_e, d) => setKeepRubric(d.checked === true)}
          label={t("activity.keepRubric")}
        />
      )}
      {fromModule && (
        <ModuleChoice
          communityId={communityId}
          value={moduleId}
          onChange={setModuleId}
          validationMessage={issue("moduleId")}
        />
      )}
      {!fromModule && (
        <fieldset className={styles.minutes}>
          <legend className={styles.legend}>{t("activity.minutesLegend")}</legend>
          {phases.map((phase) => (
            <Field
              key={phase.id}
              className={styles.minuteField}
              label={phaseTitle(t, phase)}
              {...(phase.optional ? { hint: t("activity.optionalPhaseHint") } : {})}
              validationMessage={issue(`minutes.${phase.id}`)}
            >
              <Input
                type="number"
                inputMode="numeric"
                min={phase.optional ? 0 : phase.minMinutes}
                max={phase.maxMinutes}
                value={minutes[phase.id] ?? ""}
                onChange={(_e, d) => setMinutes((m) => ({ ...m, [phase.id]: d.value }))}
                className={styles.fullWidth}
              />
            </Field>
          ))}
        </fieldset>
      )}
      <Field label={t("activity.pairingLabel")} hint={t("activity.pairingHint")}>
        <Select value={pairingRule} onChange={(_e, d) => setPairingRule(d.value as PairingRule)}>
          {PAIRING_RULES.map((rule) => (
            <option key={rule} value={rule}>
              {pairingRuleLabel(t, rule)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("activity.communityLabel")} validationMessage={issue("communityId")}>
        <Select value={communityId} onChange={(_e, d) => setCommunityId(d.value)}>
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
      {error && error.issues.length === 0 && (
        <InlineError title={t("activity.createErrorTitle")} error={error} />
      )}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={create.isPending}>
          {create.isPending ? t("activity.creating") : t("activity.create")}
        </Button>
        <Button type="button" onClick={props.onCancel}>
          {t("common.cancel")}
        </Button>
      </div>
    </ContentCard>
  );
}
