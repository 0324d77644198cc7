import { Caption1, LargeTitle, makeStyles } from "@fluentui/react-components";
import type { PhaseClock } from "./usePhaseClock.js";

const useStyles = makeStyles({
  // Digits of one width, so the time does not jitter as it ticks.
  countdown: { margin: 0, fontVariantNumeric: "tabular-nums" },
});

/** Props of {@link PhaseCountdown}. */
export interface PhaseCountdownProps {
  clock: PhaseClock;
  /** Small in the side panel, large on the meeting stage. */
  size: "panel" | "stage";
  testId: string;
}

/**
 * The time left in the phase (`m:ss`) while the activity runs or is paused, named for screen
 * readers by its phase. Its ticking is not announced (role timer is polite-off).
 */
export function PhaseCountdown({ clock, size, testId }: PhaseCountdownProps) {
  const styles = useStyles();
  if (!clock.ticking) return null;
  const Digits = size === "stage" ? LargeTitle : Caption1;
  return (
    <Digits role="timer" className={styles.countdown} aria-label={clock.timerLabel} data-testid={testId}>
      {clock.time}
    </Digits>
  );
}
