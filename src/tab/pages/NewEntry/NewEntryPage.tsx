import { makeStyles, Title2, tokens } from "@fluentui/react-components";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { toApiError } from "../../api/ApiError.js";
import type { Community } from "../../api/communities.js";
import { createEntry } from "../../api/library.js";
import { libraryKeys } from "../../api/libraryKeys.js";
import { CommunityPage } from "../../components/CommunityPage.js";
import { EntryForm } from "../../components/EntryForm/EntryForm.js";
import {
  EMPTY_ENTRY_FORM,
  type EntryFormValues,
  toDraft,
} from "../../components/EntryForm/entryFormModel.js";
import { RouterLink } from "../../components/RouterLink/RouterLink.js";
import { useApi } from "../../hooks/useApi.js";
import { entryPath, libraryPath } from "../../routes.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  heading: { margin: 0 },
});

/** "Write a new entry" for the library of the community this tab is connected to. */
export function NewEntryPage() {
  return <CommunityPage nav="library">{(loaded) => <NewEntry community={loaded} />}</CommunityPage>;
}

function NewEntry({ community }: { community: Community }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const headingId = useId();
  const api = useApi();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();

  const create = useMutation({
    mutationFn: (values: EntryFormValues) => createEntry(api, community.id, toDraft(values)),
    onSuccess: (entry) => {
      queryClient.setQueryData(libraryKeys.entry(community.id, entry.id), entry);
      void queryClient.invalidateQueries({ queryKey: libraryKeys.searches(community.id) });
      // Replace: "back" from the new entry goes to the library, not to an emptied form.
      navigate(entryPath(community.id, entry.id), { replace: true });
    },
  });

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
