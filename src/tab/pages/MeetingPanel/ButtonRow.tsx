import { Caption1 } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useMeetingPanelStyles } from "./useMeetingPanelStyles.styles.js";

/**
 * A row of buttons in the panel (wrapping at 280 px), with what the last click did beside them
 * ("Saved", "Added"): announced politely, shown only while `status` is given.
 */
export function ButtonRow({
  children,
  status,
}: {
  children: ReactNode;
  status?: string | false | undefined;
}) {
  const styles = useMeetingPanelStyles();
  return (
    <div className={styles.buttons}>
      {children}
      {status && (
        <Caption1 role="status" className={styles.muted}>
          {status}
        </Caption1>
      )}
    </div>
  );
}
