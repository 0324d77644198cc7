import { CheckmarkCircleFilled, CircleRegular } from "@fluentui/react-icons";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { NewcomerPathway as Pathway } from "../../api/home.js";
import { MutedText } from "../../components/MutedText/MutedText.js";
import { RouterLink } from "../../components/RouterLink/RouterLink.js";
import { SectionCard } from "../../components/SectionCard/SectionCard.js";
import { calendarPath, newEntryPath, playbookPath } from "../../routes.js";
import { useHomePageStyles } from "./useHomePageStyles.styles.js";

/** The "new here?" pathway: four steps of legitimate peripheral participation, with my progress. */
export function NewcomerPathway({ pathway }: { pathway: Pathway }) {
  const styles = useHomePageStyles();
  const { t } = useTranslation();
  const { steps } = pathway;
  const done = Object.values(steps).filter(Boolean).length;
  const rows: { key: keyof Pathway["steps"]; label: ReactNode }[] = [
    {
      key: "readStarters",
      label: pathway.starterPlaybookId ? (
        <RouterLink href={playbookPath(pathway.starterPlaybookId)}>{t("home.stepReadStarters")}</RouterLink>
      ) : (
        <span>{t("home.stepReadStartersNone")}</span>
      ),
    },
    { key: "observeSession", label: <RouterLink href={calendarPath}>{t("home.stepObserve")}</RouterLink> },
    { key: "takeNoteTaker", label: <RouterLink href={calendarPath}>{t("home.stepNoteTaker")}</RouterLink> },
    {
      key: "firstContribution",
      label: <RouterLink href={newEntryPath}>{t("home.stepContribute")}</RouterLink>,
    },
  ];
  return (
    <SectionCard title={t("home.newHereHeading")} testId="newcomer-pathway">
      <MutedText>{t("home.newHereProgress", { done, total: rows.length })}</MutedText>
      <ol className={styles.list}>
        {rows.map((row) => (
          <li key={row.key} className={styles.step} data-done={steps[row.key]}>
            {steps[row.key] ? (
              <CheckmarkCircleFilled className={styles.done} aria-hidden />
            ) : (
              <CircleRegular className={styles.todo} aria-hidden />
            )}
            <span>
              {row.label}
              <span className={styles.muted}>
                {" "}
                ({steps[row.key] ? t("home.stepDone") : t("home.stepOpen")})
              </span>
            </span>
          </li>
        ))}
      </ol>
    </SectionCard>
  );
}
