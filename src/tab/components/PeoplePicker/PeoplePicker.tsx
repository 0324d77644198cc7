import { Combobox, Field, Option, Tag, TagGroup } from "@fluentui/react-components";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { searchPeople } from "../../api/people.js";
import { useApi } from "../../hooks/useApi.js";
import { useDebouncedInput } from "../../hooks/useDebouncedInput.js";
import { usePeoplePickerStyles } from "./usePeoplePickerStyles.styles.js";

/** A person picked in the picker. */
export interface PickedPerson {
  id: string;
  displayName: string;
}

/** Props of {@link PeoplePicker}. */
export interface PeoplePickerProps {
  label: string;
  hint?: string;
  value: PickedPerson[];
  onChange: (people: PickedPerson[]) => void;
  /** People who cannot be picked (such as the signed-in person, already included). */
  excludeIds?: string[];
}

/**
 * Picks people of the organisation by name (`GET /api/people?q=`): type to search, choose with the
 * arrow keys and Enter; chosen people show as tags that Delete or Backspace removes.
 */
export function PeoplePicker({ label, hint, value, onChange, excludeIds = [] }: PeoplePickerProps) {
  const styles = usePeoplePickerStyles();
  const { t } = useTranslation();
  const api = useApi();
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const input = useDebouncedInput(query, setQuery, 250);
  const people = useQuery({
    queryKey: ["people", query],
    queryFn: ({ signal }) => searchPeople(api, query, signal),
    enabled: query.trim().length > 0,
  });
  const hidden = new Set([...excludeIds, ...value.map((person) => person.id)]);
  const options = (people.data?.items ?? []).filter((person) => !hidden.has(person.id));

  return (
    <div className={styles.root}>
      <Field label={label} hint={hint}>
        <Combobox
          className={styles.combobox}
          freeform
          value={input.text}
          open={open && input.text.trim() !== ""}
          onOpenChange={(_event, data) => setOpen(data.open)}
          placeholder={t("config.stewardsPlaceholder")}
          onInput={(event) => {
            input.change((event.target as HTMLInputElement).value);
            setOpen(true);
          }}
          onOptionSelect={(_event, data) => {
            const person = options.find((candidate) => candidate.id === data.optionValue);
            if (!person) return;
            onChange([...value, { id: person.id, displayName: person.displayName }]);
            input.change("");
            setQuery("");
            setOpen(false);
          }}
        >
          {query.trim() === "" ? null : people.isFetching && options.length === 0 ? (
            <Option disabled value="">
              {t("common.loading")}
            </Option>
          ) : options.length === 0 ? (
            <Option disabled value="">
              {t("config.noPeople")}
            </Option>
          ) : (
            options.map((person) => (
              <Option key={person.id} value={person.id} text={person.displayName}>
                {[person.displayName, person.jobTitle, person.department].filter(Boolean).join(" – ")}
              </Option>
            ))
          )}
        </Combobox>
      </Field>
      {value.length > 0 && (
        <TagGroup
          className={styles.chosen}
          aria-label={label}
          onDismiss={(_event, data) => onChange(value.filter((person) => person.id !== data.value))}
        >
          {value.map((person) => (
            <Tag
              key={person.id}
              value={person.id}
              dismissible
              dismissIcon={{ "aria-label": t("config.removeSteward", { name: person.displayName }) }}
            >
              {person.displayName}
            </Tag>
          ))}
        </TagGroup>
      )}
    </div>
  );
}
