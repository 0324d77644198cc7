import { Button, Field, Input, Select, Subtitle2, Textarea } from "@fluentui/react-components";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { toApiError } from "../../api/ApiError.js";
import {
  type ActivityState,
  createActivity,
  type NewActivity,
  PAIRING_RULES,
  type PairingRule,
} from "../../api/activities.js";
import { listCommunities } from "../../api/communities.js";
import { ContentCard } from "../../components/ContentCard/ContentCard.js";
import { InlineError } from "../../components/InlineError/InlineError.js";
import { useApi } from "../../hooks/useApi.js";
import { newRequestId, pairingRuleLabel } from "./activityText.js";
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

const PHASES = ["think", "pair", "share"] as const;
/** SPEC §2: think / pair / share minutes default to 2 / 5 / 5. */
const DEFAULT_MINUTES = { think: 2, pair: 5, share: 5 };

/** The facilitator's form: prompt, minutes per phase, pairing rule, community to save to. */
export function ActivitySetupForm(props: ActivitySetupFormProps) {
  const styles = useMeetingPanelStyles();
  const { t } = useTranslation();
  const api = useApi();
  const headingId = useId();
  const [prompt, setPrompt] = useState("");
  const [minutes, setMinutes] = useState<Record<(typeof PHASES)[number], string>>({
    think: String(DEFAULT_MINUTES.think),
    pair: String(DEFAULT_MINUTES.pair),
    share: String(DEFAULT_MINUTES.share),
  });
  const [pairingRule, setPairingRule] = useState<PairingRule>("cross-department");
  const [communityId, setCommunityId] = useState(props.communityId);
  // One id per filled-in form: a double click or a retried request sets up one activity, not two.
  const [requestId] = useState(newRequestId);
  const communities = useQuery({
    queryKey: ["communities"],
    queryFn: ({ signal }) => listCommunities(api, signal),
  });
  const choices = (communities.data ?? []).filter((c) => c.isMember || c.id === props.communityId);
  if (!choices.some((c) => c.id === props.communityId))
    choices.unshift({ id: props.communityId, name: props.communityName } as (typeof choices)[number]);

  const create = useMutation({
    mutationFn: (input: NewActivity) => createActivity(api, input, requestId),
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
      prompt,
      minutes: {
        think: Number(minutes.think),
        pair: Number(minutes.pair),
        share: Number(minutes.share),
      },
      pairingRule,
    });
  }

  return (
    <ContentCard as="form" className={styles.card} aria-labelledby={headingId} onSubmit={submit} noValidate>
      <Subtitle2 as="h2" block id={headingId} className={styles.heading}>
        {t("activity.formHeading")}
      </Subtitle2>
      <Field
        label={t("activity.promptLabel")}
        hint={t("activity.promptHint")}
        required
        validationMessage={issue("prompt")}
      >
        <Textarea value={prompt} onChange={(_e, d) => setPrompt(d.value)} resize="vertical" rows={3} />
      </Field>
      <fieldset className={styles.minutes}>
        <legend className={styles.legend}>{t("activity.minutesLegend")}</legend>
        {PHASES.map((phase) => (
          <Field
            key={phase}
            className={styles.minuteField}
            label={t(`activity.phase_${phase}`)}
            validationMessage={issue(`minutes.${phase}`)}
          >
            <Input
              type="number"
              inputMode="numeric"
              min={1}
              max={60}
              value={minutes[phase]}
              onChange={(_e, d) => setMinutes((m) => ({ ...m, [phase]: d.value }))}
              className={styles.fullWidth}
            />
          </Field>
        ))}
      </fieldset>
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
