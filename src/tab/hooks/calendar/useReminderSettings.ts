import { useQueryClient } from "@tanstack/react-query";
import {
  getReminderSettings,
  type ReminderSettings,
  sessionKeys,
  setReminderSettings,
} from "../../api/sessions.js";
import { useApiMutation } from "../useApiMutation.js";
import { useApiQuery } from "../useApiQuery.js";

/** The community's session reminder settings (stewards), and saving `draft` in their place. */
export function useReminderSettings(communityId: string, draft: ReminderSettings) {
  const queryClient = useQueryClient();
  const key = sessionKeys.reminders(communityId);
  const settings = useApiQuery(key, (client, signal) => getReminderSettings(client, communityId, signal));
  const save = useApiMutation((api) => setReminderSettings(api, communityId, draft), {
    onSuccess: (saved) => queryClient.setQueryData(key, saved),
  });
  return { settings, save };
}
