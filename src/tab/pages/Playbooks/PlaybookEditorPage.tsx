import {
  Body1,
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  SearchBox,
  Spinner,
  Subtitle2,
} from "@fluentui/react-components";
import { AddRegular, ArrowDownRegular, ArrowUpRegular, DismissRegular } from "@fluentui/react-icons";
import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { toApiError } from "../../api/ApiError.js";
import type { Community } from "../../api/communities.js";
import { type Playbook, type PlaybookDraft, playbookKeys } from "../../api/playbooks.js";
import { ActionRow } from "../../components/ActionRow/ActionRow.js";
import { CommunityPage } from "../../components/CommunityPage.js";
import { describeApiError } from "../../components/ErrorState.js";
import { InlineError } from "../../components/InlineError/InlineError.js";
import { LongTextInput } from "../../components/LongTextInput/LongTextInput.js";
import { MutedText } from "../../components/MutedText/MutedText.js";
import { NoticeState } from "../../components/NoticeState.js";
import { RouterLink } from "../../components/RouterLink/RouterLink.js";
import { TitledPage } from "../../components/TitledPage/TitledPage.js";
import { useEntrySearch } from "../../hooks/library/useEntrySearch.js";
import { useSavePlaybook } from "../../hooks/playbooks/usePlaybooks.js";
import { useDebouncedInput } from "../../hooks/useDebouncedInput.js";
import { playbookPath, playbooksPath } from "../../routes.js";
import { LoadedPlaybook } from "./LoadedPlaybook.js";
import { usePlaybooksStyles } from "./usePlaybooksStyles.styles.js";

/** How many search results the picker shows at once (the search narrows them). */
const PICKER_RESULTS = 8;

/** A step while the steward edits: the entry, its title to show, and the note. */
interface StepDraft {
  entryId: string;
  title: string;
  note: string;
}

/** The steward's editor: compile a new playbook (no id) or change one. */
export function PlaybookEditorPage({ playbookId }: { playbookId?: string }) {
  const { t } = useTranslation();
  return (
    <CommunityPage
      nav="playbooks"
      top={
        <RouterLink href={playbookId ? playbookPath(playbookId) : playbooksPath}>
          {t("playbooks.backToPlaybooks")}
        </RouterLink>
      }
    >
      {(loaded) =>
        !loaded.isSteward ? (
          <NoticeState title={t("community.forbiddenTitle")} body={t("playbooks.empty")} />
        ) : playbookId ? (
          <LoadedPlaybook communityId={loaded.id} playbookId={playbookId}>
            {/* Keyed by version: "load the latest version" starts the form from the newer playbook. */}
            {(playbook) => <PlaybookEditor key={playbook.etag} community={loaded} existing={playbook} />}
          </LoadedPlaybook>
        ) : (
          <PlaybookEditor community={loaded} />
        )
      }
    </CommunityPage>
  );
}

function PlaybookEditor({ community, existing }: { community: Community; existing?: Playbook }) {
  const styles = usePlaybooksStyles();
  const { t } = useTranslation();
  const stepsHeadingId = useId();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(existing?.title ?? "");
  const [description, setDescription] = useState(existing?.description ?? "");
  const [starter, setStarter] = useState(existing?.starter ?? false);
  const [steps, setSteps] = useState<StepDraft[]>(
    existing?.items.map((item) => ({ entryId: item.entryId, title: item.title, note: item.note ?? "" })) ??
      [],
  );
  const [submitted, setSubmitted] = useState(false);
  const [query, setQuery] = useState("");
  const words = useDebouncedInput(query, setQuery, 250);
  const search = useEntrySearch(community.id, query.trim() ? { q: query } : { sort: "newest" });
  const save = useSavePlaybook(community.id, existing);
  const saveError = save.error ? toApiError(save.error) : null;

  const titleProblem = title.trim().length < 3 ? t("playbooks.titleRequired") : undefined;
  const stepsProblem = steps.length === 0 ? t("playbooks.stepsRequired") : undefined;
  const chosen = new Set(steps.map((step) => step.entryId));

  const move = (index: number, by: -1 | 1) =>
    setSteps((current) => {
      const next = [...current];
      const [step] = next.splice(index, 1);
      if (step) next.splice(index + by, 0, step);
      return next;
    });

  const submit = () => {
    setSubmitted(true);
    if (titleProblem || stepsProblem) return;
    const draft: PlaybookDraft = {
      title: title.trim(),
      description: description.trim(),
      starter,
      items: steps.map((step) => ({
        entryId: step.entryId,
        ...(step.note.trim() ? { note: step.note.trim() } : {}),
      })),
    };
    save.mutate(draft, { onSuccess: (saved) => navigate(playbookPath(saved.id)) });
  };

  return (
    <TitledPage title={existing ? t("playbooks.editTitle") : t("playbooks.newTitle")}>
      <form
        className={styles.form}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Field
          label={t("playbooks.titleLabel")}
          required
          validationMessage={submitted ? titleProblem : undefined}
        >
          <Input value={title} maxLength={150} onChange={(_e, data) => setTitle(data.value)} />
        </Field>
        <Field label={t("playbooks.descriptionLabel")}>
          <LongTextInput value={description} maxLength={2000} onValue={setDescription} />
        </Field>
        <Checkbox
          checked={starter}
          label={t("playbooks.starterLabel")}
          onChange={(_e, data) => setStarter(data.checked === true)}
        />

        <search className={styles.picker}>
          <Field label={t("playbooks.searchLabel")}>
            <SearchBox
              input={{ size: 1 }}
              // As in the library: no clear button (laid out past the edge) while empty.
              dismiss={words.text ? undefined : null}
              value={words.text}
              maxLength={200}
              placeholder={t("playbooks.searchPlaceholder")}
              onChange={(_e, data) => words.change(data.value)}
              onKeyDown={(event) => {
                if (event.key === "Enter") {
                  event.preventDefault();
                  words.flush();
                }
              }}
            />
          </Field>
          {search.error ? (
            <InlineError title={t("library.searchErrorTitle")} error={search.error} onRetry={search.retry} />
          ) : search.isLoading ? (
            <Spinner size="tiny" label={t("playbooks.searching")} />
          ) : search.items.length === 0 ? (
            <MutedText>{t("playbooks.noResults")}</MutedText>
          ) : (
            <ul className={styles.list} data-testid="playbook-picker" aria-busy={search.isUpdating}>
              {search.items.slice(0, PICKER_RESULTS).map((hit) => (
                <li key={hit.id} className={styles.pickRow}>
                  <span>{hit.title}</span>
                  <Button
                    size="small"
                    icon={<AddRegular />}
                    disabled={chosen.has(hit.id)}
                    aria-label={t("playbooks.addEntry", { title: hit.title })}
                    onClick={() =>
                      setSteps((current) =>
                        current.some((s) => s.entryId === hit.id)
                          ? current
                          : [...current, { entryId: hit.id, title: hit.title, note: "" }],
                      )
                    }
                  >
                    {t("playbooks.add")}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </search>

        <section className={styles.picker} aria-labelledby={stepsHeadingId}>
          <Subtitle2 as="h2" block id={stepsHeadingId} className={styles.heading}>
            {t("playbooks.stepsHeading")}
          </Subtitle2>
          {steps.length === 0 ? (
            <Body1
              as="p"
              block
              className={submitted ? undefined : styles.muted}
              role={submitted ? "alert" : undefined}
            >
              {submitted ? stepsProblem : t("playbooks.noSteps")}
            </Body1>
          ) : (
            <ol className={styles.list} data-testid="playbook-steps">
              {steps.map((step, index) => (
                <li key={step.entryId} className={styles.editStep}>
                  <div className={styles.editStepHead}>
                    <Body1 as="span">
                      {index + 1}. {step.title}
                    </Body1>
                    <ActionRow>
                      <Button
                        size="small"
                        icon={<ArrowUpRegular />}
                        disabled={index === 0}
                        aria-label={t("playbooks.moveUp", { title: step.title })}
                        onClick={() => move(index, -1)}
                      />
                      <Button
                        size="small"
                        icon={<ArrowDownRegular />}
                        disabled={index === steps.length - 1}
                        aria-label={t("playbooks.moveDown", { title: step.title })}
                        onClick={() => move(index, 1)}
                      />
                      <Button
                        size="small"
                        icon={<DismissRegular />}
                        aria-label={t("playbooks.remove", { title: step.title })}
                        onClick={() =>
                          setSteps((current) => current.filter((s) => s.entryId !== step.entryId))
                        }
                      />
                    </ActionRow>
                  </div>
                  <Field label={t("playbooks.noteLabel")}>
                    <Input
                      value={step.note}
                      maxLength={500}
                      onChange={(_e, data) =>
                        setSteps((current) =>
                          current.map((s) => (s.entryId === step.entryId ? { ...s, note: data.value } : s)),
                        )
                      }
                    />
                  </Field>
                </li>
              ))}
            </ol>
          )}
        </section>

        {saveError?.status === 412 ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t("playbooks.conflictTitle")}</MessageBarTitle> {t("playbooks.conflictBody")}
            </MessageBarBody>
            <MessageBarActions>
              <Button
                onClick={() =>
                  existing &&
                  void queryClient.invalidateQueries({
                    queryKey: playbookKeys.one(community.id, existing.id),
                  })
                }
              >
                {t("playbooks.loadLatest")}
              </Button>
            </MessageBarActions>
          </MessageBar>
        ) : (
          saveError && (
            <div role="alert">
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{t("playbooks.saveFailedTitle")}</MessageBarTitle>{" "}
                  {describeApiError(saveError, t)}
                </MessageBarBody>
              </MessageBar>
            </div>
          )
        )}

        <ActionRow>
          <Button
            appearance="primary"
            type="submit"
            disabledFocusable={save.isPending}
            icon={save.isPending ? <Spinner size="tiny" /> : undefined}
          >
            {save.isPending ? t("playbooks.saving") : t("playbooks.save")}
          </Button>
          <Button onClick={() => navigate(existing ? playbookPath(existing.id) : playbooksPath)}>
            {t("playbooks.cancel")}
          </Button>
        </ActionRow>
      </form>
    </TitledPage>
  );
}
