import { Select } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { ENTRY_TYPES, type EntryType } from "../../api/library.js";
import { isEntryType } from "../EntryForm/entryFormModel.js";

/** Props of {@link EntryTypeSelect}. */
export interface EntryTypeSelectProps {
  value: EntryType | "";
  /** Called with the chosen type, or `""` for "any type". */
  onChange: (type: EntryType | "") => void;
  /** Offers "any type" first, with this label (a filter); a form, which needs a type, has none. */
  anyLabel?: string;
}

/** A choice of entry type (question, how-to, lesson…), named in the person's language. */
export function EntryTypeSelect({ value, onChange, anyLabel }: EntryTypeSelectProps) {
  const { t } = useTranslation();
  return (
    <Select value={value} onChange={(_e, data) => onChange(isEntryType(data.value) ? data.value : "")}>
      {anyLabel !== undefined && <option value="">{anyLabel}</option>}
      {ENTRY_TYPES.map((type) => (
        <option key={type} value={type}>
          {t(`entryTypes.${type}`)}
        </option>
      ))}
    </Select>
  );
}
