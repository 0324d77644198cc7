import { Button, CounterBadge } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { useLocation } from "wouter";

/** Props of {@link CountedButton}. */
export interface CountedButtonProps {
  icon: ReactElement;
  /** Where it leads. */
  to: string;
  label: string;
  /** What a screen reader hears while some wait (the label with the number). */
  labelWithCount: string;
  /** How many wait; the badge shows when more than none. */
  count: number;
  testId: string;
  countTestId: string;
}

/**
 * A steward's button to a queue (join requests, removal requests), with how many wait as a red
 * badge; the badge is hidden from screen readers, which hear the count in the button's name.
 */
export function CountedButton({
  icon,
  to,
  label,
  labelWithCount,
  count,
  testId,
  countTestId,
}: CountedButtonProps) {
  const [, navigate] = useLocation();
  return (
    <Button
      icon={icon}
      onClick={() => navigate(to)}
      aria-label={count > 0 ? labelWithCount : label}
      data-testid={testId}
    >
      {label}
      {count > 0 && (
        <CounterBadge
          count={count}
          overflowCount={99}
          size="small"
          color="danger"
          aria-hidden="true"
          data-testid={countTestId}
          style={{ marginInlineStart: "6px" }}
        />
      )}
    </Button>
  );
}
