import { Button } from "@fluentui/react-components";
import type { MemberChange, UseMembersResult } from "../../hooks/members/useMembers.js";
import { useMembersPageStyles } from "./useMembersPageStyles.styles.js";

/** Props of {@link MemberChangeButton}. */
export interface MemberChangeButtonProps {
  members: UseMembersResult;
  change: MemberChange;
  label: string;
  /** The label with the person's name: a list of "Remove" buttons says whom each removes. */
  labelWithName: string;
  /** The row's main answer (approve a request). */
  primary?: boolean;
  /** A row of the member list, where three buttons share the line. */
  small?: boolean;
}

/** A steward's change to one person (approve, decline, name or relieve a steward, remove). */
export function MemberChangeButton({
  members,
  change,
  label,
  labelWithName,
  primary = false,
  small = false,
}: MemberChangeButtonProps) {
  const styles = useMembersPageStyles();
  return (
    <Button
      {...(primary ? { appearance: "primary" } : {})}
      {...(small ? { size: "small" } : {})}
      className={styles.button}
      // One change at a time: the page's confirmation and the list follow the last one.
      disabledFocusable={members.pending !== null}
      aria-label={labelWithName}
      onClick={() => members.change(change)}
    >
      {label}
    </Button>
  );
}
