import { Button } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { MemberChange, UseMembersResult } from "../../hooks/members/useMembers.js";
import { useMembersPageStyles } from "./useMembersPageStyles.styles.js";

/** A change to one person, as a button offers it. */
type PersonChange = Extract<MemberChange, { person: unknown }>;

/** Each change's button words, and the same with the person's name for screen readers. */
const WORDS = {
  approve: { label: "members.approve", withName: "members.approveLabel" },
  decline: { label: "members.decline", withName: "members.declineLabel" },
  makeSteward: { label: "members.makeSteward", withName: "members.makeStewardLabel" },
  endSteward: { label: "members.removeSteward", withName: "members.removeStewardLabel" },
  remove: { label: "members.remove", withName: "members.removeLabel" },
} as const satisfies Record<PersonChange["kind"], { label: string; withName: string }>;

/** Props of {@link MemberChangeButton}. */
export interface MemberChangeButtonProps {
  members: UseMembersResult;
  change: PersonChange;
  /** The row's main answer (approve a request). */
  primary?: boolean;
  /** A row of the member list, where three buttons share the line. */
  small?: boolean;
}

/**
 * A steward's change to one person (approve, decline, name or relieve a steward, remove); its
 * accessible name says whom it changes, as a list of "Remove" buttons must.
 */
export function MemberChangeButton({
  members,
  change,
  primary = false,
  small = false,
}: MemberChangeButtonProps) {
  const styles = useMembersPageStyles();
  const { t } = useTranslation();
  const words = WORDS[change.kind];
  return (
    <Button
      {...(primary ? { appearance: "primary" } : {})}
      {...(small ? { size: "small" } : {})}
      className={styles.button}
      // One change at a time: the page's confirmation and the list follow the last one.
      disabledFocusable={members.pending !== null}
      aria-label={t(words.withName, { name: change.person.displayName })}
      onClick={() => members.change(change)}
    >
      {t(words.label)}
    </Button>
  );
}
