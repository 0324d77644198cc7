import { useTranslation } from "react-i18next";
import { useHistoryState } from "wouter/use-browser-location";
import { libraryPath } from "../../routes.js";
import { RouterLink } from "../RouterLink/RouterLink.js";

/** History state of a page opened from the library's results. */
export const FROM_LIBRARY = { fromLibrary: true } as const;

/**
 * "Back to the library". Opened from the results, it goes back in history, so the search, the
 * loaded pages and the scroll position are as the person left them; opened any other way (a deep
 * link, a related entry), it opens the library.
 */
export function BackToLibraryLink() {
  const { t } = useTranslation();
  const state = useHistoryState<Partial<typeof FROM_LIBRARY> | null>();
  return (
    <RouterLink
      href={libraryPath}
      onClick={(event) => {
        if (!state?.fromLibrary) return;
        event.preventDefault();
        window.history.back();
      }}
    >
      {t("entry.backToLibrary")}
    </RouterLink>
  );
}
