import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { InlineError } from "../../components/InlineError/InlineError.js";
import type { FailedDecision } from "./useRemovalReview.js";

/** Props of {@link RemovalDecisionMessages}. */
export interface RemovalDecisionMessagesProps {
  /** The last decision that went through, said in a sentence; "" for none. */
  done: string;
  onDismissDone: () => void;
  failures: FailedDecision[];
}

/** What became of the steward's decisions: the last success (announced politely), each failure (an alert). */
export function RemovalDecisionMessages({ done, onDismissDone, failures }: RemovalDecisionMessagesProps) {
  const { t } = useTranslation();
  return (
    <>
      <div role="status">
        {done && (
          <MessageBar intent="success">
            <MessageBarBody>{done}</MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button
                  appearance="transparent"
                  aria-label={t("common.close")}
                  icon={<DismissRegular />}
                  onClick={onDismissDone}
                />
              }
            />
          </MessageBar>
        )}
      </div>
      {failures.map(({ request, decision, error }) => (
        <InlineError
          key={request.entryId}
          title={t(decision === "delete" ? "removalRequests.deleteFailed" : "removalRequests.keepFailed", {
            title: request.title,
          })}
          error={error}
          hint={t("removalRequests.tryAgain")}
        />
      ))}
    </>
  );
}
