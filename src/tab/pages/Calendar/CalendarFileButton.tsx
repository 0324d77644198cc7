import { Button } from "@fluentui/react-components";
import { CalendarAddRegular } from "@fluentui/react-icons";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { getCalendarFile } from "../../api/sessions.js";
import { ActionFailed } from "../../components/ActionFailed/ActionFailed.js";
import { useApi } from "../../hooks/useApi.js";

/** Saves text as a file through a temporary link (the API needs the tab's token, a plain link has none). */
function saveFile(filename: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type: "text/calendar;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Props of {@link CalendarFileButton}. */
export interface CalendarFileButtonProps {
  communityId: string;
  /** One session; absent, the whole calendar. */
  sessionId?: string;
}

/** "Add to my calendar (.ics)": downloads an iCalendar file of a session or of the whole calendar. */
export function CalendarFileButton({ communityId, sessionId }: CalendarFileButtonProps) {
  const { t } = useTranslation();
  const api = useApi();
  const download = useMutation({
    mutationFn: () => getCalendarFile(api, communityId, sessionId),
    onSuccess: ({ filename, content }) => saveFile(filename, content),
  });
  return (
    <>
      <Button
        icon={<CalendarAddRegular />}
        disabled={download.isPending}
        onClick={() => {
          download.reset();
          download.mutate();
        }}
      >
        {sessionId ? t("sessionPlanning.downloadIcs") : t("sessionPlanning.downloadAllIcs")}
      </Button>
      <ActionFailed
        error={download.error}
        message={(reason) => t("sessionPlanning.downloadFailed", { reason })}
      />
    </>
  );
}
