import { Tab, TabList } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { calendarPath, homePath, libraryPath, playbooksPath } from "../../routes.js";
import { useTabNavStyles } from "./useTabNavStyles.styles.js";

/** The community tab's sections, in the order the navigation shows them. */
export type TabSection = "home" | "calendar" | "library" | "playbooks";

const paths: Record<TabSection, string> = {
  home: homePath,
  calendar: calendarPath,
  library: libraryPath,
  playbooks: playbooksPath,
};

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
        onTabSelect={(_event, data) => navigate(paths[data.value as TabSection])}
      >
        <Tab value="home">{t("nav.home")}</Tab>
        <Tab value="calendar">{t("nav.calendar")}</Tab>
        <Tab value="library">{t("nav.library")}</Tab>
        <Tab value="playbooks">{t("nav.playbooks")}</Tab>
      </TabList>
    </nav>
  );
}
