import { Textarea } from "@fluentui/react-components";

/** Props of {@link DraftTextarea}. */
export interface DraftTextareaProps {
  value: string;
  onValue: (value: string) => void;
  rows: number;
  maxLength?: number | undefined;
  /** The save whose outcome (its failure, its "Saved") an edit makes stale, so it is cleared. */
  clears?: { reset: () => void } | undefined;
}

/** The box a person writes a draft in (a note, an item, an answer): grows downwards on demand. */
export function DraftTextarea({ value, onValue, rows, maxLength, clears }: DraftTextareaProps) {
  return (
    <Textarea
      value={value}
      maxLength={maxLength}
      onChange={(_e, d) => {
        clears?.reset();
        onValue(d.value);
      }}
      resize="vertical"
      rows={rows}
    />
  );
}
