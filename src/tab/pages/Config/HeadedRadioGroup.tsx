import { RadioGroup, Subtitle2 } from "@fluentui/react-components";
import { type ReactNode, useId } from "react";
import { useConfigPageStyles } from "./useConfigPageStyles.styles.js";

/** Props of {@link HeadedRadioGroup}. */
export interface HeadedRadioGroupProps {
  heading: string;
  value: string;
  onChange: (value: string) => void;
  /** The whole choice is a region of the page, named by the heading (the communities to connect). */
  region?: boolean;
  /** The radio buttons. */
  children: ReactNode;
}

/** One choice among radio buttons under an h2 that names them (create or connect, which community). */
export function HeadedRadioGroup({
  heading,
  value,
  onChange,
  region = false,
  children,
}: HeadedRadioGroupProps) {
  const styles = useConfigPageStyles();
  const headingId = useId();
  const choice = (
    <>
      <Subtitle2 as="h2" block id={headingId} className={styles.heading}>
        {heading}
      </Subtitle2>
      <RadioGroup aria-labelledby={headingId} value={value} onChange={(_e, data) => onChange(data.value)}>
        {children}
      </RadioGroup>
    </>
  );
  return region ? <section aria-labelledby={headingId}>{choice}</section> : choice;
}
