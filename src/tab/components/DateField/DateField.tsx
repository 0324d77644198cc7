import { Field } from "@fluentui/react-components";
import {
  DatePicker,
  type DatePickerErrorType,
  type DatePickerProps,
} from "@fluentui/react-datepicker-compat";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { calendarDateFormatting, calendarStrings } from "./calendarStrings.js";
import { formatIsoDate, isoDateValue, parseIsoDate } from "./isoDate.js";

/** Props of {@link DateField}. */
export interface DateFieldProps {
  label: string;
  /** The date as `YYYY-MM-DD`; empty for none. */
  value: string;
  /** Called with the chosen or typed date as `YYYY-MM-DD`, or empty when the text is cleared. */
  onChange: (value: string) => void;
  hint?: string;
  /** @default false */
  required?: boolean;
  /** The caller's own message (a rule of the form); a date that cannot be read takes precedence. */
  validationMessage?: string;
  /** The earliest date that may be chosen, `YYYY-MM-DD`. */
  min?: string;
  /** The latest date that may be chosen, `YYYY-MM-DD`. */
  max?: string;
  className?: string;
}

/**
 * Monday, Fluent's `DayOfWeek.Monday`: the tab's own week and month views start on Monday, so the
 * picker does too (the enum lives in a package the tab does not depend on directly).
 */
const MONDAY = 1 as NonNullable<DatePickerProps["firstDayOfWeek"]>;

/**
 * A labelled date field: Fluent's DatePicker with its calendar popup and typed ISO dates
 * (`2030-03-31`), which read the same in English and German. The popup positions itself, and its
 * month list opens over the days so it fits a 280 px side panel.
 */
export function DateField({
  label,
  value,
  onChange,
  hint,
  required = false,
  validationMessage,
  min,
  max,
  className,
}: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const strings = useMemo(() => calendarStrings(t, locale), [t, locale]);
  const formatting = useMemo(() => calendarDateFormatting(locale), [locale]);
  // One Date per value: the picker re-formats its text whenever `value` changes identity, which
  // would wipe what the person is typing.
  const date = useMemo(() => isoDateValue(value) ?? null, [value]);
  const minDate = useMemo(() => isoDateValue(min), [min]);
  const maxDate = useMemo(() => isoDateValue(max), [max]);
  // A typing error belongs to the value it was found with; a new value (picked, or reset by the
  // page) clears it.
  const [typed, setTyped] = useState<{ value: string; error: DatePickerErrorType } | null>(null);
  const typingError = typed && typed.value === value ? typed.error : undefined;

  const message =
    typingError === "invalid-input"
      ? t("datePicker.invalid", { example: formatIsoDate(new Date()) })
      : typingError === "out-of-bounds"
        ? min && max
          ? t("datePicker.outOfRange", { min, max })
          : min
            ? t("datePicker.tooEarly", { min })
            : t("datePicker.tooLate", { max })
        : validationMessage;

  return (
    <Field label={label} hint={hint} required={required} validationMessage={message} className={className}>
      <DatePicker
        value={date}
        onSelectDate={(picked) => onChange(formatIsoDate(picked))}
        allowTextInput
        formatDate={formatIsoDate}
        parseDateFromString={parseIsoDate}
        onValidationResult={({ error }) =>
          // "required-input" is the caller's rule to word; the picker only reports unreadable text.
          setTyped(error && error !== "required-input" ? { value, error } : null)
        }
        placeholder={t("datePicker.placeholder")}
        strings={strings}
        dateTimeFormatter={formatting}
        firstDayOfWeek={MONDAY}
        minDate={minDate}
        maxDate={maxDate}
        showMonthPickerAsOverlay
        contentAfter={{ "aria-label": t("datePicker.openCalendar", { label }), "aria-labelledby": undefined }}
        popupSurface={{ "aria-label": label }}
      />
    </Field>
  );
}
