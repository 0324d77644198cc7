import { Body1, Caption1, Field, ToggleButton } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { type ActivityView, submitCriteria } from "../../api/activities.js";
import { useApiMutation } from "../../hooks/useApiMutation.js";
import { ActionError } from "./ActionError.js";
import type { ActivityPartProps } from "./activityPartProps.js";
import { submissionText } from "./activityText.js";
import { DraftTextarea } from "./DraftTextarea.js";
import { SubmissionForm, savesThrough } from "./SubmissionForm.js";
import { useDraftOfSaved } from "./useDraftOfSaved.js";
import { useMeetingPanelStyles } from "./useMeetingPanelStyles.styles.js";
import { useRequestId } from "./useRequestId.js";

type Kind = ActivityView["kinds"][number];

const sameTexts = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((text, i) => text === b[i]);
type Criteria = NonNullable<ActivityView["submissions"][number]["criteria"]>;

/**
 * A kind written per criterion (a peer review's feedback, the author's changes): a box for each
 * criterion of the activity's rubric. A person's own follows what is stored until they type (and
 * saves under its ETag); an item is added once per request and the boxes empty for the next.
 */
export function CriteriaEditor({ view, kind, onChanged }: ActivityPartProps & { kind: Kind }) {
  const styles = useMeetingPanelStyles();
  const { t } = useTranslation();
  const rubric = view.rubric ?? [];
  const own =
    kind.scope === "person" ? view.submissions.find((s) => s.kind === kind.kind && s.mine) : undefined;
  const saved = rubric.map((_, i) => own?.criteria?.[i]?.text ?? "");
  // Saved elsewhere (marked from the feedback, the chat's dialog) while untouched here: show that.
  const [drafts, setDrafts] = useDraftOfSaved(saved, saved, sameTexts);
  const [requestId, renewRequestId] = useRequestId();
  const mutation = useApiMutation(
    (api, criteria: string[]) =>
      submitCriteria(
        api,
        view.id,
        kind.kind,
        criteria,
        kind.scope === "item" ? { requestId } : { etag: own?.etag },
      ),
    {
      onSuccess: (change) => {
        if (kind.scope === "item") {
          setDrafts(rubric.map(() => ""));
          renewRequestId();
        }
        onChanged(change);
      },
    },
  );
  const empty = drafts.every((d) => d.trim() === "");
  const unchanged = kind.scope === "person" && sameTexts(drafts, saved);
  const adds = kind.scope === "item";
  return (
    <SubmissionForm
      heading={submissionText(t, kind, "heading")}
      testId={`criteria-${kind.kind}`}
      {...savesThrough(mutation, drafts)}
      ready={!empty && !unchanged}
      submitLabel={adds ? submissionText(t, kind, "add", t("activity.save")) : t("activity.save")}
      status={mutation.isSuccess && (adds ? t("submissions.added") : t("activity.saved"))}
    >
      <Caption1 as="p" block className={styles.muted}>
        {submissionText(t, kind, "hint")}
      </Caption1>
      {rubric.map((criterion, i) => (
        <Field key={criterion} label={criterion}>
          <DraftTextarea
            value={drafts[i] ?? ""}
            maxLength={kind.maxLength}
            onValue={(value) => setDrafts((all) => all.map((text, j) => (j === i ? value : text)))}
            clears={mutation}
            rows={2}
          />
        </Field>
      ))}
    </SubmissionForm>
  );
}

/**
 * A text written per criterion, each criterion with its words (the empty ones left out). The
 * author of a kind that adopts it marks words "I will change this": they join the author's own
 * text for that criterion (saved at once, under its ETag).
 */
export function CriteriaText({
  view,
  criteria,
  kind,
  onChanged,
}: {
  view: ActivityView;
  criteria: Criteria;
  kind: string;
  onChanged?: ActivityPartProps["onChanged"] | undefined;
}) {
  const styles = useMeetingPanelStyles();
  const { t } = useTranslation();
  // The kind I may build from this one now (the author's changes, while they are taken).
  const adopting = view.kinds.find(
    (k) =>
      k.adopts === kind &&
      view.accepts.includes(k.kind) &&
      (!k.heldBy || (view.me.roles ?? []).includes(k.heldBy)),
  );
  const mine = adopting ? view.submissions.find((s) => s.kind === adopting.kind && s.mine) : undefined;
  const current = (view.rubric ?? []).map((_, i) => mine?.criteria?.[i]?.text ?? "");
  const mutation = useApiMutation(
    (api, { index, text }: { index: number; text: string }) =>
      submitCriteria(
        api,
        view.id,
        adopting?.kind ?? "",
        current.map((own, i) => (i === index ? [own, text].filter((x) => x !== "").join("\n") : own)),
        { etag: mine?.etag },
      ),
    onChanged ? { onSuccess: onChanged } : {},
  );
  return (
    <dl className={styles.criteria} data-testid="criteria">
      {criteria.map((c, index) =>
        c.text === "" ? null : (
          <div key={c.criterion}>
            <dt>
              <Caption1 className={styles.muted}>{c.criterion}</Caption1>
            </dt>
            <dd>
              <Body1>{c.text}</Body1>
              {adopting && onChanged && (
                <ToggleButton
                  size="small"
                  appearance="subtle"
                  checked={(current[index] ?? "").includes(c.text)}
                  disabledFocusable={mutation.isPending || (current[index] ?? "").includes(c.text)}
                  aria-label={t("submissions.adoptFor", { text: c.text })}
                  onClick={() => mutation.mutate({ index, text: c.text })}
                >
                  {(current[index] ?? "").includes(c.text)
                    ? t("submissions.adopted")
                    : t("submissions.adopt")}
                </ToggleButton>
              )}
            </dd>
          </div>
        ),
      )}
      <ActionError title={t("activity.saveErrorTitle")} error={mutation.error} />
    </dl>
  );
}
