import { makeStyles, Title2, tokens } from "@fluentui/react-components";
import { useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { toApiError } from "../../api/ApiError.js";
import { createEntry } from "../../api/library.js";
import { libraryKeys } from "../../api/libraryKeys.js";
import { type CommunityContentProps, communityPage } from "../../components/CommunityPage.js";
import { EntryForm } from "../../components/EntryForm/EntryForm.js";
import {
  EMPTY_ENTRY_FORM,
  type EntryFormValues,
  toDraft,
} from "../../components/EntryForm/entryFormModel.js";
import { RouterLink } from "../../components/RouterLink/RouterLink.js";
import { useApiMutation } from "../../hooks/useApiMutation.js";
import { entryPath, libraryPath } from "../../routes.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  heading: { margin: 0 },
});

/** "Write a new entry" for the library of the community this tab is connected to. */
export const NewEntryPage = communityPage("library", NewEntry);

function NewEntry({ community }: CommunityContentProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();

  const create = useApiMutation(
    (api, values: EntryFormValues) => createEntry(api, community.id, toDraft(values)),
    {
      onSuccess: (entry) => {
        queryClient.setQueryData(libraryKeys.entry(community.id, entry.id), entry);
        void queryClient.invalidateQueries({ queryKey: libraryKeys.searches(community.id) });
        // Replace: "back" from the new entry goes to the library, not to an emptied form.
        navigate(entryPath(community.id, entry.id), { replace: true });
      },
    },
  );

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <RouterLink href={libraryPath}>{t("entryForm.backToLibrary")}</RouterLink>
      <Title2 as="h1" block id={headingId} className={styles.heading}>
        {t("entryForm.newTitle")}
      </Title2>
      <EntryForm
        initialValues={EMPTY_ENTRY_FORM}
        submitLabel={t("entryForm.save")}
        pending={create.isPending}
        error={create.error ? toApiError(create.error) : null}
        onSubmit={(values) => create.mutate(values)}
        onCancel={() => navigate(libraryPath)}
      />
    </section>
  );
}
