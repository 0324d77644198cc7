import {
  Badge,
  Body1,
  Button,
  Caption1,
  Caption1Strong,
  Field,
  Input,
  Radio,
  RadioGroup,
  Textarea,
} from "@fluentui/react-components";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { MAX_NOTE_LENGTH } from "../../../domain/commitments/commitment.js";
import { toApiError } from "../../api/ApiError.js";
import {
  type CommitmentStatus,
  getMyCommitments,
  type MyCommitment,
  myCommitmentsKey,
  updateCommitment,
} from "../../api/commitments.js";
import { ConfirmDialog } from "../../components/ConfirmDialog/ConfirmDialog.js";
import { ListOrEmpty } from "../../components/ListOrEmpty/ListOrEmpty.js";
import { useApi } from "../../hooks/useApi.js";
import { useJoinedList } from "../../hooks/useJoinedList.js";
import { LoadsOnItsOwn } from "./LoadsOnItsOwn.js";
import { localDay } from "./localDay.js";
import { useMyLearningStyles } from "./useMyLearningStyles.styles.js";

const STATUSES: CommitmentStatus[] = ["done", "partly", "dropped", "open"];
const BADGE_COLOR = {
  open: "informative",
  done: "success",
  partly: "warning",
  dropped: "subtle",
} as const;

/** The caller's commitments (loaded on their own): status, due day, partners, history, update. */
export function CommitmentList({ empty }: { empty: string }) {
  const styles = useMyLearningStyles();
  const { t } = useTranslation();
  return (
    <LoadsOnItsOwn
      queryKey={myCommitmentsKey}
      load={getMyCommitments}
      errorTitle={t("commitments.loadErrorTitle")}
      loading={null}
    >
      {(list) => (
        <ListOrEmpty items={list} empty={empty} className={styles.list}>
          {(c) => <CommitmentItem key={c.id} commitment={c} />}
        </ListOrEmpty>
      )}
    </LoadsOnItsOwn>
  );
}

function CommitmentItem({ commitment }: { commitment: MyCommitment }) {
  const styles = useMyLearningStyles();
  const { t } = useTranslation();
  const joined = useJoinedList();
  const historyId = useId();
  const names = joined(commitment.partners.map((p) => p.displayName));
  const changes = commitment.history.slice(1);
  return (
    <li className={styles.item} data-testid="my-commitment">
      <div className={styles.commitmentHeader}>
        <Badge appearance="tint" color={BADGE_COLOR[commitment.status]} data-testid="commitment-status">
          {t(`commitments.status_${commitment.status}`)}
        </Badge>
        {commitment.due && <Caption1>{t("commitments.due", { due: localDay(commitment.due) })}</Caption1>}
      </div>
      <Body1 as="p" block className={styles.heading}>
        {commitment.text}
      </Body1>
      {names && <Caption1 className={styles.muted}>{t("commitments.partners", { names })}</Caption1>}
      <Caption1 className={styles.muted}>
        {t("commitments.made", { at: new Date(commitment.createdAt) })}
      </Caption1>
      {changes.length > 0 && (
        <section aria-labelledby={historyId}>
          <Caption1Strong as="h3" id={historyId} className={styles.heading}>
            {t("commitments.historyHeading")}
          </Caption1Strong>
          <ul className={styles.history}>
            {changes.map((change) => (
              <li key={`${change.at}/${change.status}`} data-testid="commitment-history">
                <Caption1 className={styles.muted}>
                  {t("commitments.historyItem", {
                    status: t(`commitments.status_${change.status}`),
                    at: new Date(change.at),
                  })}
                </Caption1>
                {change.note && (
                  <Body1 as="p" block className={styles.note}>
                    {change.note}
                  </Body1>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <UpdateCommitment commitment={commitment} />
    </li>
  );
}

/** The owner's update: a status, a note, a due day; saved from the version shown (If-Match). */
function UpdateCommitment({ commitment }: { commitment: MyCommitment }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<CommitmentStatus>(
    commitment.status === "open" ? "done" : commitment.status,
  );
  const [note, setNote] = useState("");
  const [due, setDue] = useState(commitment.due ?? "");
  const save = useMutation({
    mutationFn: () =>
      updateCommitment(api, commitment, { status, ...(note.trim() ? { note } : {}), due: due || null }),
    onSuccess: async () => {
      setOpen(false);
      setNote("");
      await queryClient.invalidateQueries({ queryKey: myCommitmentsKey });
    },
    // A version changed elsewhere: the list reloads, so the next save starts from the latest.
    onError: () => void queryClient.invalidateQueries({ queryKey: myCommitmentsKey }),
  });
  return (
    <div>
      <ConfirmDialog
        trigger={
          <Button size="small" appearance="secondary">
            {t("commitments.update")}
          </Button>
        }
        title={t("commitments.updateTitle")}
        confirmLabel={t("commitments.save")}
        onConfirm={() => save.mutate()}
        pending={save.isPending}
        error={save.error ? toApiError(save.error) : null}
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) save.reset();
        }}
      >
        <Body1 as="p" block>
          {commitment.text}
        </Body1>
        <Field label={t("commitments.statusLabel")}>
          <RadioGroup value={status} onChange={(_e, data) => setStatus(data.value as CommitmentStatus)}>
            {STATUSES.map((s) => (
              <Radio key={s} value={s} label={t(`commitments.status_${s}`)} />
            ))}
          </RadioGroup>
        </Field>
        <Field
          label={t("commitments.noteLabel")}
          hint={`${t("commitments.noteHint")} (${note.length}/${MAX_NOTE_LENGTH})`}
        >
          <Textarea value={note} maxLength={MAX_NOTE_LENGTH} onChange={(_e, data) => setNote(data.value)} />
        </Field>
        <Field label={t("commitments.dueLabel")}>
          <Input type="date" value={due} onChange={(_e, data) => setDue(data.value)} />
        </Field>
      </ConfirmDialog>
    </div>
  );
}
