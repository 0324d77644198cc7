import { Field, type FieldProps, Input } from "@fluentui/react-components";

/** Props of {@link NumberField}. */
export interface NumberFieldProps extends Pick<FieldProps, "label" | "hint" | "validationMessage"> {
  /** As typed: the form's model checks and converts it. */
  value: string;
  onChange: (value: string) => void;
  min: number;
  max: number;
  step?: number;
  disabled?: boolean;
}

/** A labelled whole number within bounds (minutes, a count), its message under it. */
export function NumberField({ label, hint, validationMessage, onChange, ...input }: NumberFieldProps) {
  return (
    <Field label={label} hint={hint} validationMessage={validationMessage}>
      <Input type="number" {...input} onChange={(_e, d) => onChange(d.value)} />
    </Field>
  );
}
