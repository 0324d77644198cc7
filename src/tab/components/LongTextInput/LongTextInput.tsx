import { Textarea } from "@fluentui/react-components";

/** Props of {@link LongTextInput}. */
export interface LongTextInputProps {
  value: string;
  onValue: (value: string) => void;
  /** At most this many characters (what the API keeps). */
  maxLength?: number;
  className?: string;
}

/**
 * A text of a few lines or paragraphs (a reason, a purpose, an answer), inside a Fluent `Field`
 * that names it: the person can drag it taller, never wider than the form.
 */
export function LongTextInput({ value, onValue, maxLength, className }: LongTextInputProps) {
  return (
    <Textarea
      className={className}
      value={value}
      maxLength={maxLength}
      resize="vertical"
      onChange={(_e, data) => onValue(data.value)}
    />
  );
}
