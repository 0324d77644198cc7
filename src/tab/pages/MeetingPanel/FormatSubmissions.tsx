import { Body1, Button, Caption1, Field, Subtitle2, ToggleButton } from "@fluentui/react-components";
import { ThumbLikeRegular } from "@fluentui/react-icons";
import { type ReactElement, type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { HELD_ROLES } from "../../../domain/activities/heldRoles.js";
import type { ApiClient } from "../../api/ApiClient.js";
import {
  type ActivityChange,
  type ActivityView,
  answerItem,
  promoteItem,
  publishSubmission,
  submit,
  voteFor,
} from "../../api/activities.js";
import { useApi } from "../../hooks/useApi.js";
import { useApiMutation } from "../../hooks/useApiMutation.js";
import { ActionError } from "./ActionError.js";
import type { ActivityPartProps } from "./activityPartProps.js";
import { kindTitle, kindWords, submissionText } from "./activityText.js";
import { ButtonRow } from "./ButtonRow.js";
import { CriteriaEditor, CriteriaText } from "./CriteriaEditor.js";
import { DraftTextarea } from "./DraftTextarea.js";
import { KindList } from "./KindList.js";
import { NoteEditor } from "./NoteEditor.js";
import { GroupTextEditor } from "./PairShareEditor.js";
import { PanelSection } from "./PanelSection.js";
import { SubmissionForm, savesThrough } from "./SubmissionForm.js";
import { submissionKey, submissionsByKind } from "./submissionsByKind.js";
import { useMeetingPanelStyles } from "./useMeetingPanelStyles.styles.js";
import { useRequestId } from "./useRequestId.js";

type Kind = ActivityView["kinds"][number];
/** Someone's item of a kind (a theme, a question) that one may vote for, promote or answer. */
type Item = { kind: string; ownerId: string; itemId: string; text: string };
/** What a part about one such item takes: the activity, the item, where the changed activity goes. */
type ItemPartProps<T extends Item> = ActivityPartProps & { item: T };

/** Props of {@link FormatSubmissions}. */
export interface FormatSubmissionsProps extends ActivityPartProps {
  /** I steer: I may promote items of promotable kinds (a case round's heuristics). */
  steers?: boolean;
}

/**
 * The format's own kinds of submission (a café's table notes, themes and pledges), built from
 * what the format declares: a person's own as one text, a group's as one shared text guarded
 * against lost edits, items as a list one adds to. Below them, what everyone may read.
 */
export function FormatSubmissions({ view, onChanged, steers = false }: FormatSubmissionsProps) {
  const { t } = useTranslation();
  const api = useApi();
  const ended = view.state.status === "ended";
  const writes = view.me.joined || !view.isFacilitator;
  const onHotSeat = view.me.group?.onHotSeat === true;
  const holds = (role: Kind["heldBy"]) => role !== undefined && (view.me.roles ?? []).includes(role);
  const open = view.kinds.filter(
    (k) =>
      view.accepts.includes(k.kind) &&
      (!k.hotSeatOnly || onHotSeat) &&
      (!k.heldBy || holds(k.heldBy)) &&
      !(k.notBy && holds(k.notBy)),
  );
  const earlier = (kind: Kind) =>
    view.register?.find((r) => r.kind === kind.kind && r.earlier && r.mine)?.text;
  return (
    <>
      <RoleHolders view={view} />
      {writes &&
        open.map((kind) => {
          const own = view.submissions.filter((s) => s.kind === kind.kind && s.mine);
          if (kind.perCriterion)
            return <CriteriaEditor key={kind.kind} view={view} kind={kind} onChanged={onChanged} />;
          if (kind.scope === "person")
            return (
              <NoteEditor
                key={kind.kind}
                words={kindWords(t, kind)}
                saved={own[0]?.text ?? ""}
                {...(kind.register ? { draftFrom: earlier(kind) ?? "" } : {})}
                {...(kind.publishable ? { after: <PublishButton view={view} kind={kind} /> } : {})}
                rating={kind.rating}
                save={(value) => submit(api, view.id, kind.kind, value, { etag: own[0]?.etag })}
                onSaved={onChanged}
                testId={`my-${kind.kind}`}
              />
            );
          if (kind.scope === "group")
            return view.me.group && !ended ? (
              <GroupTextEditor
                key={kind.kind}
                view={view}
                kind={kind.kind}
                storedOf={(v) => {
                  const mine = v.submissions.find(
                    (s) => s.kind === kind.kind && s.ownerId === v.me.group?.id,
                  );
                  return mine ? { text: mine.text, etag: mine.etag, editedBy: mine.by } : undefined;
                }}
                words={kindWords(t, kind)}
                testId={`group-${kind.kind}`}
                onSaved={onChanged}
              />
            ) : null;
          return <ItemAdder key={kind.kind} view={view} kind={kind} onChanged={onChanged} />;
        })}
      <RegisterList view={view} />
      <ReadableSubmissions view={view} visibility="group" onChanged={onChanged} />
      <ReadableSubmissions view={view} visibility="everyone" onChanged={onChanged} steers={steers} />
    </>
  );
}

/** Who teaches (is the expert, the author, the narrator): "You're the teacher." for them. */
function RoleHolders({ view }: { view: ActivityView }) {
  const styles = useMeetingPanelStyles();
  const { t } = useTranslation();
  const held = HELD_ROLES.flatMap((role) => {
    const holder = view.roleHolders?.[role];
    return holder ? [{ role, holder }] : [];
  });
  if (held.length === 0) return null;
  return (
    <div data-testid="role-holders">
      {held.map(({ role, holder }) => (
        <Body1 key={role} as="p" block className={styles.muted}>
          {(view.me.roles ?? []).includes(role)
            ? t(`activity.youHold_${role}`)
            : t(`activity.heldBy_${role}`, { name: holder.displayName })}
        </Body1>
      ))}
    </div>
  );
}

/** An item's answer (the teacher's, the expert's), under it. */
function ItemAnswer({ answer }: { answer: NonNullable<ActivityView["submissions"][number]["answer"]> }) {
  const styles = useMeetingPanelStyles();
  const { t } = useTranslation();
  return (
    <Body1 as="p" block className={styles.answer} data-testid="item-answer">
      <Caption1 className={styles.muted}>
        {t("submissions.answerBy", { name: answer.by.displayName })}
      </Caption1>{" "}
      {answer.text}
    </Body1>
  );
}

/** The role holder answers an item (a question), or changes their answer. */
function AnswerBox({ view, item, onChanged }: ItemPartProps<Item & { answer?: { text: string } }>) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(item.answer?.text ?? "");
  const [requestId, renewRequestId] = useRequestId();
  const mutation = useApiMutation((api, value: string) => answerItem(api, view.id, item, value, requestId), {
    onSuccess: (state) => {
      renewRequestId();
      onChanged(state);
    },
  });
  return (
    <SubmissionForm
      testId="answer-item"
      {...savesThrough(mutation, draft)}
      ready={draft.trim() !== "" && draft !== item.answer?.text}
      submitLabel={item.answer ? t("submissions.changeAnswer") : t("submissions.answer")}
      compact
    >
      <Field label={t("submissions.answerLabel", { text: item.text })}>
        <DraftTextarea value={draft} maxLength={4000} onValue={setDraft} clears={mutation} rows={2} />
      </Field>
    </SubmissionForm>
  );
}

/**
 * A toggle on someone's item (my vote, its promotion): pressed while on; a click saves the other
 * state and hands the changed activity on.
 */
function ItemToggle<T extends Item>({
  view,
  item,
  onChanged,
  save,
  on,
  off,
  label,
  icon,
  children,
}: ItemPartProps<T> & {
  save: (api: ApiClient, activityId: string, item: T, on: boolean) => Promise<ActivityChange>;
  on: boolean;
  /** The activity is past taking this toggle (not running, ended). */
  off: boolean;
  label: string;
  icon?: ReactElement;
  children: ReactNode;
}) {
  const mutation = useApiMutation((api, next: boolean) => save(api, view.id, item, next), {
    onSuccess: onChanged,
  });
  return (
    <ToggleButton
      size="small"
      appearance="subtle"
      checked={on}
      icon={icon}
      aria-label={label}
      disabledFocusable={mutation.isPending || off}
      onClick={() => mutation.mutate(!on)}
    >
      {children}
    </ToggleButton>
  );
}

/** My vote for someone's item (a theme that matters most): pressed when I voted; the count beside. */
function VoteButton(props: ItemPartProps<Item & { votes?: number; myVote?: boolean }>) {
  const { t } = useTranslation();
  const { view, item } = props;
  return (
    <ItemToggle
      {...props}
      save={voteFor}
      on={item.myVote === true}
      off={view.state.status !== "running"}
      label={t("submissions.voteFor", { text: item.text, count: item.votes ?? 0 })}
      icon={<ThumbLikeRegular />}
    >
      {item.votes ?? 0}
    </ItemToggle>
  );
}

/** Those who steer promote an item (a heuristic) into the playbook the close proposes. */
function PromoteButton(props: ItemPartProps<Item & { promoted?: boolean }>) {
  const { t } = useTranslation();
  const { view, item } = props;
  const promoted = item.promoted === true;
  return (
    <ItemToggle
      {...props}
      save={promoteItem}
      on={promoted}
      off={view.state.status === "ended"}
      label={t("submissions.promoteFor", { text: item.text })}
    >
      {promoted ? t("submissions.promoted") : t("submissions.promote")}
    </ItemToggle>
  );
}

/** Publishes my own text of a publishable kind (a hot-seat lesson) to the library, without my name. */
function PublishButton({ view, kind }: { view: ActivityView; kind: Kind }) {
  const styles = useMeetingPanelStyles();
  const { t } = useTranslation();
  const mutation = useApiMutation((api) => publishSubmission(api, view.id, kind.kind));
  return (
    <div className={styles.section} data-testid={`publish-${kind.kind}`}>
      <Caption1 as="p" block className={styles.muted}>
        {t("submissions.publishHint")}
      </Caption1>
      <ActionError title={t("submissions.publishErrorTitle")} error={mutation.error} />
      <ButtonRow status={mutation.isSuccess && t("submissions.published")}>
        <Button
          disabledFocusable={mutation.isPending || mutation.isSuccess}
          onClick={() => mutation.mutate()}
        >
          {t("submissions.publish")}
        </Button>
      </ButtonRow>
    </div>
  );
}

/** Register kinds (goals kept across sessions): each person of my group's latest, old ones marked. */
function RegisterList({ view }: { view: ActivityView }) {
  const styles = useMeetingPanelStyles();
  const { t } = useTranslation();
  const headingId = useId();
  const kinds = view.kinds.filter((k) => k.register);
  const entries = view.register ?? [];
  if (kinds.length === 0 || entries.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="register">
      {kinds.map((kind) => (
        <div key={kind.kind}>
          <Subtitle2 as="h3" block id={headingId} className={styles.heading}>
            {kindTitle(t, kind)}
          </Subtitle2>
          <ul className={styles.list}>
            {entries
              .filter((r) => r.kind === kind.kind)
              .map((r) => (
                <li key={r.person.id}>
                  <Body1>{r.text}</Body1>{" "}
                  <Caption1 className={styles.muted}>
                    · {r.person.displayName}
                    {r.earlier ? ` · ${t("submissions.earlier")}` : ""}
                  </Caption1>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** Many of one kind per person (themes): add one at a time; each request adds it once. */
function ItemAdder({ view, kind, onChanged }: ActivityPartProps & { kind: Kind }) {
  const styles = useMeetingPanelStyles();
  const { t } = useTranslation();
  const [draft, setDraft] = useState("");
  const [requestId, renewRequestId] = useRequestId();
  const mutation = useApiMutation(
    (api, value: string) => submit(api, view.id, kind.kind, value, { requestId }),
    {
      onSuccess: (state) => {
        setDraft("");
        renewRequestId();
        onChanged(state);
      },
    },
  );
  const mine = view.submissions.filter((s) => s.kind === kind.kind && s.mine);
  return (
    <SubmissionForm
      heading={submissionText(t, kind, "heading")}
      testId={`add-${kind.kind}`}
      {...savesThrough(mutation, draft)}
      ready={draft.trim() !== ""}
      submitLabel={submissionText(t, kind, "add", t("activity.save"))}
      status={mutation.isSuccess && t("submissions.added")}
      after={
        mine.length > 0 && (
          <>
            <Caption1 as="p" block className={styles.muted}>
              {t("submissions.youAdded")}
            </Caption1>
            <ul className={styles.list}>
              {mine.map((s) => (
                <li key={submissionKey(s)}>
                  <Body1>{s.text}</Body1>
                  {s.answer && <ItemAnswer answer={s.answer} />}
                </li>
              ))}
            </ul>
          </>
        )
      }
    >
      <Field label={submissionText(t, kind, "label", kind.noun)} hint={submissionText(t, kind, "hint")}>
        <DraftTextarea
          value={draft}
          maxLength={kind.maxLength}
          onValue={setDraft}
          clears={mutation}
          rows={2}
        />
      </Field>
    </SubmissionForm>
  );
}

/**
 * What others wrote that I may read, of the kinds with one visibility: every table's notes and
 * the themes (`everyone`), my circle's questions and advice (`group`), by kind.
 */
const READABLE_HEADINGS = { group: "submissions.fromGroup", everyone: "submissions.fromEveryone" } as const;

function ReadableSubmissions({
  view,
  visibility,
  onChanged,
  steers = false,
}: {
  view: ActivityView;
  visibility: keyof typeof READABLE_HEADINGS;
  onChanged?: ActivityPartProps["onChanged"];
  steers?: boolean;
}) {
  const styles = useMeetingPanelStyles();
  const { t } = useTranslation();
  const answers = (role: NonNullable<Kind["answeredBy"]>) => (view.me.roles ?? []).includes(role);
  const shared = submissionsByKind(
    view,
    (k) => k.visibility === visibility && !k.register,
    (s) => !s.mine,
  );
  if (shared.length === 0) return null;
  return (
    <PanelSection heading={t(READABLE_HEADINGS[visibility])} testId={`from-${visibility}`}>
      {shared.map(({ kind, items }) => (
        <KindList key={kind.kind} kind={kind} size="panel" listClassName={styles.list}>
          {items.map((s) => (
            <li key={submissionKey(s)}>
              {s.criteria ? (
                <CriteriaText view={view} criteria={s.criteria} kind={kind.kind} onChanged={onChanged} />
              ) : (
                <Body1>{s.text}</Body1>
              )}{" "}
              <Caption1 className={styles.muted}>· {s.by.displayName}</Caption1>
              {kind.votable && s.itemId && onChanged && (
                <VoteButton view={view} item={{ ...s, itemId: s.itemId }} onChanged={onChanged} />
              )}
              {kind.promote && steers && s.itemId && onChanged && (
                <PromoteButton view={view} item={{ ...s, itemId: s.itemId }} onChanged={onChanged} />
              )}
              {s.answer && <ItemAnswer answer={s.answer} />}
              {kind.answeredBy &&
                answers(kind.answeredBy) &&
                s.itemId &&
                onChanged &&
                (view.state.status === "running" || view.state.status === "paused") && (
                  <AnswerBox view={view} item={{ ...s, itemId: s.itemId }} onChanged={onChanged} />
                )}
            </li>
          ))}
        </KindList>
      ))}
    </PanelSection>
  );
}
