import {
  Body1,
  Button,
  Caption1,
  Field,
  Subtitle2,
  Textarea,
  ToggleButton,
} from "@fluentui/react-components";
import { ThumbLikeRegular } from "@fluentui/react-icons";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { HELD_ROLES } from "../../../domain/activities/heldRoles.js";
import { toApiError } from "../../api/ApiError.js";
import {
  type ActivityChange,
  type ActivityView,
  answerItem,
  promoteItem,
  publishSubmission,
  submit,
  voteFor,
} from "../../api/activities.js";
import { InlineError } from "../../components/InlineError/InlineError.js";
import { useApi } from "../../hooks/useApi.js";
import { kindTitle, newRequestId, stringKeyOf } from "./activityText.js";
import { CriteriaEditor, CriteriaText } from "./CriteriaEditor.js";
import { NoteEditor } from "./NoteEditor.js";
import { GroupTextEditor } from "./PairShareEditor.js";
import { useMeetingPanelStyles } from "./useMeetingPanelStyles.styles.js";

type Kind = ActivityView["kinds"][number];

/** Props of {@link FormatSubmissions}. */
export interface FormatSubmissionsProps {
  view: ActivityView;
  onChanged: (change: ActivityChange) => void;
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
  const text = (kind: Kind, part: "heading" | "label" | "hint") =>
    t(`submissions.${stringKeyOf(kind.kind)}.${part}`, { defaultValue: part === "heading" ? kind.noun : "" });
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
                heading={text(kind, "heading")}
                label={text(kind, "label")}
                hint={text(kind, "hint")}
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
                heading={text(kind, "heading")}
                label={text(kind, "label")}
                hint={text(kind, "hint")}
                testId={`group-${kind.kind}`}
                onSaved={onChanged}
              />
            ) : null;
          return <ItemAdder key={kind.kind} view={view} kind={kind} onChanged={onChanged} />;
        })}
      <RegisterList view={view} />
      <ReadableSubmissions
        view={view}
        visibility="group"
        heading={t("submissions.fromGroup")}
        testId="from-group"
        onChanged={onChanged}
      />
      <ReadableSubmissions
        view={view}
        visibility="everyone"
        heading={t("submissions.fromEveryone")}
        testId="from-everyone"
        onChanged={onChanged}
        steers={steers}
      />
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
function AnswerBox({
  view,
  item,
  onChanged,
}: {
  view: ActivityView;
  item: { kind: string; ownerId: string; itemId: string; text: string; answer?: { text: string } };
  onChanged: FormatSubmissionsProps["onChanged"];
}) {
  const styles = useMeetingPanelStyles();
  const { t } = useTranslation();
  const api = useApi();
  const [draft, setDraft] = useState(item.answer?.text ?? "");
  const [requestId, setRequestId] = useState(newRequestId);
  const mutation = useMutation({
    mutationFn: (value: string) => answerItem(api, view.id, item, value, requestId),
    onSuccess: (state) => {
      setRequestId(newRequestId());
      onChanged(state);
    },
  });
  const error = mutation.error ? toApiError(mutation.error) : null;
  function send(event: FormEvent) {
    event.preventDefault();
    mutation.mutate(draft);
  }
  return (
    <form className={styles.section} onSubmit={send} data-testid="answer-item">
      <Field label={t("submissions.answerLabel", { text: item.text })}>
        <Textarea
          value={draft}
          maxLength={4000}
          onChange={(_e, d) => {
            mutation.reset();
            setDraft(d.value);
          }}
          resize="vertical"
          rows={2}
        />
      </Field>
      {error && <InlineError title={t("activity.saveErrorTitle")} error={error} />}
      <div className={styles.buttons}>
        <Button
          type="submit"
          size="small"
          disabledFocusable={mutation.isPending || draft.trim() === "" || draft === item.answer?.text}
        >
          {item.answer ? t("submissions.changeAnswer") : t("submissions.answer")}
        </Button>
      </div>
    </form>
  );
}

/** My vote for someone's item (a theme that matters most): pressed when I voted; the count beside. */
function VoteButton({
  view,
  item,
  onChanged,
}: {
  view: ActivityView;
  item: { kind: string; ownerId: string; itemId: string; text: string; votes?: number; myVote?: boolean };
  onChanged: FormatSubmissionsProps["onChanged"];
}) {
  const { t } = useTranslation();
  const api = useApi();
  const mutation = useMutation({
    mutationFn: (on: boolean) => voteFor(api, view.id, item, on),
    onSuccess: onChanged,
  });
  const pressed = item.myVote === true;
  return (
    <ToggleButton
      size="small"
      appearance="subtle"
      checked={pressed}
      icon={<ThumbLikeRegular />}
      aria-label={t("submissions.voteFor", { text: item.text, count: item.votes ?? 0 })}
      disabledFocusable={mutation.isPending || view.state.status !== "running"}
      onClick={() => mutation.mutate(!pressed)}
    >
      {item.votes ?? 0}
    </ToggleButton>
  );
}

/** Those who steer promote an item (a heuristic) into the playbook the close proposes. */
function PromoteButton({
  view,
  item,
  onChanged,
}: {
  view: ActivityView;
  item: { kind: string; ownerId: string; itemId: string; text: string; promoted?: boolean };
  onChanged: FormatSubmissionsProps["onChanged"];
}) {
  const { t } = useTranslation();
  const api = useApi();
  const mutation = useMutation({
    mutationFn: (on: boolean) => promoteItem(api, view.id, item, on),
    onSuccess: onChanged,
  });
  const promoted = item.promoted === true;
  return (
    <ToggleButton
      size="small"
      appearance="subtle"
      checked={promoted}
      aria-label={t("submissions.promoteFor", { text: item.text })}
      disabledFocusable={mutation.isPending || view.state.status === "ended"}
      onClick={() => mutation.mutate(!promoted)}
    >
      {promoted ? t("submissions.promoted") : t("submissions.promote")}
    </ToggleButton>
  );
}

/** Publishes my own text of a publishable kind (a hot-seat lesson) to the library, without my name. */
function PublishButton({ view, kind }: { view: ActivityView; kind: Kind }) {
  const styles = useMeetingPanelStyles();
  const { t } = useTranslation();
  const api = useApi();
  const mutation = useMutation({ mutationFn: () => publishSubmission(api, view.id, kind.kind) });
  const error = mutation.error ? toApiError(mutation.error) : null;
  return (
    <div className={styles.section} data-testid={`publish-${kind.kind}`}>
      <Caption1 as="p" block className={styles.muted}>
        {t("submissions.publishHint")}
      </Caption1>
      {error && <InlineError title={t("submissions.publishErrorTitle")} error={error} />}
      <div className={styles.buttons}>
        <Button
          disabledFocusable={mutation.isPending || mutation.isSuccess}
          onClick={() => mutation.mutate()}
        >
          {t("submissions.publish")}
        </Button>
        {mutation.isSuccess && (
          <Caption1 role="status" className={styles.muted}>
            {t("submissions.published")}
          </Caption1>
        )}
      </div>
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
function ItemAdder({
  view,
  kind,
  onChanged,
}: {
  view: ActivityView;
  kind: Kind;
  onChanged: FormatSubmissionsProps["onChanged"];
}) {
  const styles = useMeetingPanelStyles();
  const { t } = useTranslation();
  const api = useApi();
  const headingId = useId();
  const [draft, setDraft] = useState("");
  // One id per item being written: a retried click adds it once, the next item gets a new one.
  const [requestId, setRequestId] = useState(newRequestId);
  const mutation = useMutation({
    mutationFn: (value: string) => submit(api, view.id, kind.kind, value, { requestId }),
    onSuccess: (state) => {
      setDraft("");
      setRequestId(newRequestId());
      onChanged(state);
    },
  });
  const error = mutation.error ? toApiError(mutation.error) : null;
  const mine = view.submissions.filter((s) => s.kind === kind.kind && s.mine);
  function send(event: FormEvent) {
    event.preventDefault();
    mutation.mutate(draft);
  }
  return (
    <form
      className={styles.section}
      aria-labelledby={headingId}
      onSubmit={send}
      data-testid={`add-${kind.kind}`}
    >
      <Subtitle2 as="h3" block id={headingId} className={styles.heading}>
        {t(`submissions.${stringKeyOf(kind.kind)}.heading`, { defaultValue: kind.noun })}
      </Subtitle2>
      <Field
        label={t(`submissions.${stringKeyOf(kind.kind)}.label`, { defaultValue: kind.noun })}
        hint={t(`submissions.${stringKeyOf(kind.kind)}.hint`, { defaultValue: "" })}
      >
        <Textarea
          value={draft}
          maxLength={kind.maxLength}
          onChange={(_e, d) => {
            mutation.reset();
            setDraft(d.value);
          }}
          resize="vertical"
          rows={2}
        />
      </Field>
      {error && <InlineError title={t("activity.saveErrorTitle")} error={error} />}
      <div className={styles.buttons}>
        <Button
          type="submit"
          appearance="primary"
          disabledFocusable={mutation.isPending || draft.trim() === ""}
        >
          {mutation.isPending
            ? t("activity.saving")
            : t(`submissions.${stringKeyOf(kind.kind)}.add`, { defaultValue: t("activity.save") })}
        </Button>
        {mutation.isSuccess && (
          <Caption1 role="status" className={styles.muted}>
            {t("submissions.added")}
          </Caption1>
        )}
      </div>
      {mine.length > 0 && (
        <>
          <Caption1 as="p" block className={styles.muted}>
            {t("submissions.youAdded")}
          </Caption1>
          <ul className={styles.list}>
            {mine.map((s) => (
              <li key={`${s.ownerId}-${s.itemId ?? ""}`}>
                <Body1>{s.text}</Body1>
                {s.answer && <ItemAnswer answer={s.answer} />}
              </li>
            ))}
          </ul>
        </>
      )}
    </form>
  );
}

/**
 * What others wrote that I may read, of the kinds with one visibility: every table's notes and
 * the themes (`everyone`), my circle's questions and advice (`group`), by kind.
 */
function ReadableSubmissions({
  view,
  visibility,
  heading,
  testId,
  onChanged,
  steers = false,
}: {
  view: ActivityView;
  visibility: Kind["visibility"];
  heading: string;
  testId: string;
  onChanged?: FormatSubmissionsProps["onChanged"];
  steers?: boolean;
}) {
  const styles = useMeetingPanelStyles();
  const { t } = useTranslation();
  const headingId = useId();
  const answers = (role: NonNullable<Kind["answeredBy"]>) => (view.me.roles ?? []).includes(role);
  const shared = view.kinds
    .filter((k) => k.visibility === visibility && !k.register)
    .map((k) => ({ kind: k, items: view.submissions.filter((s) => s.kind === k.kind && !s.mine) }))
    .filter((k) => k.items.length > 0);
  if (shared.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid={testId}>
      <Subtitle2 as="h3" block id={headingId} className={styles.heading}>
        {heading}
      </Subtitle2>
      {shared.map(({ kind, items }) => (
        <div key={kind.kind}>
          <Caption1 as="p" block className={styles.muted}>
            {kindTitle(t, kind)}
          </Caption1>
          <ul className={styles.list}>
            {items.map((s) => (
              <li key={`${s.ownerId}-${s.itemId ?? ""}`}>
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
          </ul>
        </div>
      ))}
    </section>
  );
}
