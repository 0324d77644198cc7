import { Tab, TabList } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { NAV_SECTIONS, type TabSection } from "../../routes.js";
import { useTabNavStyles } from "./useTabNavStyles.styles.js";

const pathOf = new Map(NAV_SECTIONS.map(({ section, path }) => [section, path]));

/** Props of {@link TabNav}. */
export interface TabNavProps {
  /** The section the page belongs to. */
  current: TabSection;
}

/**
 * Moves between the community tab's sections without reloading the tab. A Fluent TabList: Tab
 * reaches it, the arrow keys move between sections, Enter or Space opens one.
 */
export function TabNav({ current }: TabNavProps) {
  const styles = useTabNavStyles();
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  return (
    <nav aria-label={t("nav.label")}>
      <TabList
        className={styles.root}
        size="small"
        selectedValue={current}
        onTabSelect={(_event, data) => navigate(pathOf.get(data.value as TabSection) ?? "/tab/home")}
      >
        {NAV_SECTIONS.map(({ section }) => (
          <Tab key={section} value={section}>
            {t(`nav.${section}`)}
          </Tab>
        ))}
      </TabList>
    </nav>
  );
}
