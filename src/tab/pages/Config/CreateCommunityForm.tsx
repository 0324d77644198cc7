import { Field, Input, Radio, RadioGroup } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { LongTextInput } from "../../components/LongTextInput/LongTextInput.js";
import { PeoplePicker } from "../../components/PeoplePicker/PeoplePicker.js";
import { type CommunityDraft, draftIssues } from "./configModel.js";
import { useConfigPageStyles } from "./useConfigPageStyles.styles.js";

/** Props of {@link CreateCommunityForm}. */
export interface CreateCommunityFormProps {
  draft: CommunityDraft;
  onChange: (draft: CommunityDraft) => void;
  /** Show field problems (after the person tried to save, or left a field). */
  showIssues: boolean;
  /** The signed-in person: a steward already, so not offered in the picker. */
  userId: string;
}

/** The "create a community for this channel" fields. */
export function CreateCommunityForm({ draft, onChange, showIssues, userId }: CreateCommunityFormProps) {
  const styles = useConfigPageStyles();
  const { t } = useTranslation();
  const issues = showIssues ? draftIssues(draft) : {};
  const set = <K extends keyof CommunityDraft>(key: K, value: CommunityDraft[K]) =>
    onChange({ ...draft, [key]: value });

  return (
    <div className={styles.form}>
      <Field
        label={t("config.nameLabel")}
        required
        validationMessage={issues.name ? t(issues.name) : undefined}
      >
        <Input value={draft.name} maxLength={80} onChange={(_e, data) => set("name", data.value)} />
      </Field>
      <Field
        label={t("config.purposeLabel")}
        hint={t("config.purposeHint")}
        required
        validationMessage={issues.purpose ? t(issues.purpose) : undefined}
      >
        <LongTextInput
          value={draft.purpose}
          maxLength={1000}
          onValue={(purpose) => set("purpose", purpose)}
        />
      </Field>
      <Field label={t("config.domainLabel")} hint={t("config.domainHint")}>
        <Input value={draft.domain} maxLength={100} onChange={(_e, data) => set("domain", data.value)} />
      </Field>
      <Field label={t("config.tagsLabel")} hint={t("config.tagsHint")}>
        <Input value={draft.tags} onChange={(_e, data) => set("tags", data.value)} />
      </Field>
      <Field label={t("config.privacyLabel")}>
        <RadioGroup
          value={draft.privacy}
          onChange={(_e, data) => set("privacy", data.value === "private" ? "private" : "open")}
        >
          <Radio value="open" label={t("config.privacyOpen")} />
          <Radio value="private" label={t("config.privacyPrivate")} />
        </RadioGroup>
      </Field>
      <PeoplePicker
        label={t("config.stewardsLabel")}
        hint={t("config.stewardsHint")}
        value={draft.stewards}
        onChange={(stewards) => set("stewards", stewards)}
        excludeIds={[userId]}
      />
    </div>
  );
}
