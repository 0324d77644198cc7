import { Body1, Button } from "@fluentui/react-components";
import { CheckmarkCircleRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toApiError } from "../../api/ApiError.js";
import type { Entry } from "../../api/library.js";
import { ConfirmMutation } from "../../components/ConfirmDialog/ConfirmMutation.js";
import { DateField } from "../../components/DateField/DateField.js";
import { InlineError } from "../../components/InlineError/InlineError.js";
import type { useEntryActions } from "../../hooks/library/useEntryActions.js";
import { todayIso } from "./entryDates.js";

/** Props of {@link VerificationControl}. */
export interface VerificationControlProps {
  entry: Entry;
  actions: ReturnType<typeof useEntryActions>;
}

/** A steward's Verify (with an optional review-by date) or Remove verification. */
export function VerificationControl({ entry, actions }: VerificationControlProps) {
  const { t } = useTranslation();
  const [reviewBy, setReviewBy] = useState("");
  const { verify, unverify } = actions;

  if (entry.verification) {
    return (
      <>
        <Button
          onClick={() => unverify.mutate()}
          disabledFocusable={unverify.isPending}
          data-testid="unverify-button"
        >
          {t("entry.unverify")}
        </Button>
        {unverify.error && (
          <InlineError title={t("common.actionFailedTitle")} error={toApiError(unverify.error)} />
        )}
      </>
    );
  }

  return (
    <ConfirmMutation
      trigger={<Button icon={<CheckmarkCircleRegular />}>{t("entry.verify")}</Button>}
      title={t("entry.verifyTitle")}
      confirmLabel={t("entry.confirmVerify")}
      mutation={verify}
      variables={reviewBy || undefined}
    >
      <Body1 as="p" block>
        {t("entry.verifyBody")}
      </Body1>
      <DateField label={t("entry.reviewByLabel")} value={reviewBy} min={todayIso()} onChange={setReviewBy} />
    </ConfirmMutation>
  );
}
