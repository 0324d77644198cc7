import { makeStyles, Spinner, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { paddingBlock: tokens.spacingVerticalXXL },
});

/** Props of {@link LoadingState}. */
export interface LoadingStateProps {
  /** What is loading, read out by screen readers and shown under the spinner. */
  label: string;
}

/** A labelled spinner for content that is on its way. */
export function LoadingState({ label }: LoadingStateProps) {
  const styles = useStyles();
  return <Spinner className={styles.root} labelPosition="below" label={label} />;
}
