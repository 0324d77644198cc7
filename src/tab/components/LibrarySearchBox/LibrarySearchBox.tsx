import { Field, makeStyles, SearchBox } from "@fluentui/react-components";
import type { DebouncedInput } from "../../hooks/useDebouncedInput.js";

const useStyles = makeStyles({
  box: { width: "100%", maxWidth: "100%", minWidth: 0, boxSizing: "border-box" },
  // An input's intrinsic width (its `size`) would push the box past a 280 px side panel.
  input: { minWidth: 0, width: "100%" },
});

/** Props of {@link LibrarySearchBox}. */
export interface LibrarySearchBoxProps {
  label: string;
  placeholder: string;
  /** The words typed, handed on after a pause or at Enter. */
  words: DebouncedInput;
  className?: string;
}

/** The library's search box (the library page, and the meeting side panel's compact search). */
export function LibrarySearchBox({ label, placeholder, words, className }: LibrarySearchBoxProps) {
  const styles = useStyles();
  return (
    <search className={className}>
      <Field label={label}>
        <SearchBox
          className={styles.box}
          input={{ className: styles.input, size: 1 }}
          // Fluent lays the empty box's clear button out past the box's edge (wider than a 280 px
          // side panel): render it only when there is text.
          dismiss={words.text ? undefined : null}
          value={words.text}
          // The API takes at most 200 characters of search text.
          maxLength={200}
          placeholder={placeholder}
          onChange={(_e, data) => words.change(data.value)}
          onKeyDown={(event) => event.key === "Enter" && words.flush()}
        />
      </Field>
    </search>
  );
}
