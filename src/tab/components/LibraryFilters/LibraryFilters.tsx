import { Button, Field, Input, mergeClasses, Select, Tag, TagGroup } from "@fluentui/react-components";
import { FilterRegular } from "@fluentui/react-icons";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ENTRY_SORTS } from "../../api/library.js";
import { useDebouncedInput } from "../../hooks/useDebouncedInput.js";
import { DateField } from "../DateField/DateField.js";
import { EntryTypeSelect } from "../EntryTypeSelect/EntryTypeSelect.js";
import { activeFilterCount, type LibraryFilters as Filters, withoutFilters } from "./libraryFiltersModel.js";
import { useLibraryFiltersStyles } from "./useLibraryFiltersStyles.styles.js";

/** Props of {@link LibraryFilters}. */
export interface LibraryFiltersProps {
  filters: Filters;
  /** Applies a change (merged into the current filters by the page). */
  onChange: (change: Partial<Filters>) => void;
}

const SORT_LABELS = {
  relevance: "library.sortRelevance",
  newest: "library.sortNewest",
  helpful: "library.sortHelpful",
} as const;

/**
 * The library's sort order and filters (type, tag, author, date range, verification). The filters
 * fold away behind one button so the results keep the room in a 280 px side panel; the button says
 * how many are on.
 */
export function LibraryFilters({ filters, onChange }: LibraryFiltersProps) {
  const styles = useLibraryFiltersStyles();
  const { t } = useTranslation();
  const panelId = useId();
  const active = activeFilterCount(filters);
  const [open, setOpen] = useState(active > 0);
  const tag = useDebouncedInput(filters.tag, (value) => onChange({ tag: value }));

  return (
    <div className={styles.root}>
      <div className={styles.toolbar}>
        <Button
          icon={<FilterRegular />}
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((value) => !value)}
        >
          {active > 0 ? t("library.filtersActive", { count: active }) : t("library.filters")}
        </Button>
        <Field label={t("library.sortLabel")} className={styles.sort}>
          <Select
            value={filters.sort || "relevance"}
            onChange={(_e, data) =>
              onChange({ sort: data.value === "relevance" ? "" : (data.value as Filters["sort"]) })
            }
          >
            {ENTRY_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(SORT_LABELS[sort])}
              </option>
            ))}
          </Select>
        </Field>
        {filters.author && (
          <TagGroup onDismiss={() => onChange({ author: "", authorName: "" })}>
            <Tag
              value="author"
              dismissible
              dismissIcon={{ "aria-label": t("library.removeAuthorFilter", { name: filters.authorName }) }}
            >
              {t("library.authorChip", { name: filters.authorName || filters.author })}
            </Tag>
          </TagGroup>
        )}
      </div>

      <div id={panelId} className={mergeClasses(styles.panel, !open && styles.collapsed)} hidden={!open}>
        <Field label={t("library.typeLabel")}>
          <EntryTypeSelect
            value={filters.type}
            anyLabel={t("library.anyType")}
            onChange={(type) => onChange({ type })}
          />
        </Field>
        <Field label={t("library.tagLabel")}>
          <Input
            value={tag.text}
            placeholder={t("library.tagPlaceholder")}
            onChange={(_e, data) => tag.change(data.value)}
            onKeyDown={(event) => event.key === "Enter" && tag.flush()}
          />
        </Field>
        <Field label={t("library.verifiedLabel")}>
          <Select
            value={filters.verified}
            onChange={(_e, data) =>
              onChange({ verified: data.value === "true" || data.value === "false" ? data.value : "" })
            }
          >
            <option value="">{t("library.verifiedAny")}</option>
            <option value="true">{t("library.verifiedOnly")}</option>
            <option value="false">{t("library.unverifiedOnly")}</option>
          </Select>
        </Field>
        <DateField
          label={t("library.fromLabel")}
          value={filters.from}
          max={filters.to || undefined}
          onChange={(from) => onChange({ from })}
        />
        <DateField
          label={t("library.toLabel")}
          value={filters.to}
          min={filters.from || undefined}
          onChange={(to) => onChange({ to })}
        />
        {active > 0 && (
          <Button
            className={styles.clear}
            appearance="subtle"
            onClick={() => onChange(withoutFilters(filters))}
          >
            {t("library.clearFilters")}
          </Button>
        )}
      </div>
    </div>
  );
}
