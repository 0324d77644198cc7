import { Button, Caption1 } from "@fluentui/react-components";
import { ActionFailed } from "../../components/ActionFailed/ActionFailed.js";
import { useCalendarStyles } from "./useCalendarStyles.styles.js";

/** Props of {@link SaveBar}. */
export interface SaveBarProps {
  /** The save: sent on click, its progress, success and failure shown. */
  save: { mutate: () => void; isPending: boolean; isSuccess: boolean; error: unknown };
  /** Also disabled while what it saves is still loading. */
  disabled?: boolean;
  label: string;
  /** Said once saved. */
  saved: string;
  /** The failure's sentence, given the reason. */
  failed: (reason: string) => string;
}

/** A settings form's Save button, "saved" once it is, and why it failed when it does. */
export function SaveBar({ save, disabled = false, label, saved, failed }: SaveBarProps) {
  const styles = useCalendarStyles();
  return (
    <>
      <div className={styles.toolbar}>
        <Button disabled={save.isPending || disabled} onClick={() => save.mutate()}>
          {label}
        </Button>
        {save.isSuccess && <Caption1 role="status">{saved}</Caption1>}
      </div>
      <ActionFailed error={save.error} message={failed} />
    </>
  );
}
