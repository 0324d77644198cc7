import { Body1, Button, Caption1 } from "@fluentui/react-components";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { toApiError } from "../../api/ApiError.js";
import { type ActivityView, getHotSeatQueue, swapHotSeat } from "../../api/activities.js";
import { InlineError } from "../../components/InlineError/InlineError.js";
import { useApi } from "../../hooks/useApi.js";
import { useTeamsContext } from "../../hooks/useTeamsContext.js";
import { ActionError } from "./ActionError.js";
import { ButtonRow } from "./ButtonRow.js";
import { PanelCard } from "./PanelCard.js";
import { useMeetingPanelStyles } from "./useMeetingPanelStyles.styles.js";
import { useRequestId } from "./useRequestId.js";

/**
 * The community's hot-seat queue beside a circle's activity: who takes the hot seat next and how
 * often each has, and — for someone in it — giving their turn to the next person. The server
 * checks the swap again (one's own place, or a steward's).
 */
export function HotSeatQueue({ view }: { view: Pick<ActivityView, "communityId" | "hotSeats"> }) {
  const styles = useMeetingPanelStyles();
  const { t } = useTranslation();
  const api = useApi();
  const client = useQueryClient();
  const { context } = useTeamsContext();
  // Asked again when circles are seated (the queue moves on then), not at every poll.
  const seated = (view.hotSeats ?? []).map((p) => p.id).join(",");
  const key = ["hot-seat-queue", view.communityId, seated];
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => getHotSeatQueue(api, view.communityId, signal),
    staleTime: 30_000,
  });
  const [requestId, renewRequestId] = useRequestId();
  const swap = useMutation({
    mutationFn: ({ a, b }: { a: string; b: string }) => swapHotSeat(api, view.communityId, a, b, requestId),
    onSuccess: (queue) => {
      renewRequestId();
      client.setQueryData(key, queue);
    },
  });
  const me = context.user?.id ?? "";
  const queue = query.data ?? [];
  const mine = queue.findIndex((p) => p.person.id === me);
  const next = mine >= 0 ? queue[mine + 1] : undefined;
  const loadError = query.error ? toApiError(query.error) : null;
  return (
    <PanelCard heading={t("hotSeatQueue.heading")} testId="hot-seat-queue">
      <Caption1 as="p" block className={styles.muted}>
        {t("hotSeatQueue.lead")}
      </Caption1>
      {loadError && (
        <InlineError
          title={t("hotSeatQueue.loadError")}
          error={loadError}
          onRetry={() => void query.refetch()}
        />
      )}
      {query.isSuccess && queue.length === 0 && (
        <Body1 as="p" block className={styles.muted}>
          {t("hotSeatQueue.empty")}
        </Body1>
      )}
      {queue.length > 0 && (
        <ol className={styles.list}>
          {queue.map((place) => (
            <li key={place.person.id}>
              <Body1>
                {place.person.id === me
                  ? t("hotSeatQueue.you", { name: place.person.displayName })
                  : place.person.displayName}
              </Body1>{" "}
              <Caption1 className={styles.muted}>
                ·{" "}
                {place.times > 0 ? t("hotSeatQueue.times", { count: place.times }) : t("hotSeatQueue.never")}
              </Caption1>
            </li>
          ))}
        </ol>
      )}
      <ActionError title={t("hotSeatQueue.swapError")} error={swap.error} />
      {next && (
        <ButtonRow status={swap.isSuccess && t("hotSeatQueue.swapped")}>
          <Button
            disabledFocusable={swap.isPending}
            onClick={() => swap.mutate({ a: me, b: next.person.id })}
          >
            {t("hotSeatQueue.giveTurn", { name: next.person.displayName })}
          </Button>
        </ButtonRow>
      )}
    </PanelCard>
  );
}
