import { Caption1 } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { ActivityView } from "../../api/activities.js";
import { SafeMarkdown } from "../../components/SafeMarkdown/SafeMarkdown.js";

/**
 * The text of the module's section that runs now (a format whose phases come from a module), with
 * the module's title: what each group follows, on the side panel and the stage. Nothing for a
 * phase of the format's own.
 */
export function SectionText({ view, className }: { view: ActivityView; className?: string }) {
  const { t } = useTranslation();
  const phase = view.phases[view.state.phaseIndex];
  if (!phase?.body || view.state.status === "ended" || view.state.status === "not-started") return null;
  return (
    <div className={className} data-testid="section-text">
      {view.module && (
        <Caption1 as="p" block>
          {t("modules.sectionOf", {
            title: view.module.title,
            index: view.state.phaseIndex + 1,
            count: view.phases.length,
          })}
        </Caption1>
      )}
      <SafeMarkdown markdown={phase.body} />
    </div>
  );
}
