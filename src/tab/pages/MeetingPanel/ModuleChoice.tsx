import { Body1, Field, Select } from "@fluentui/react-components";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { listModules } from "../../api/modules.js";
import { useApi } from "../../hooks/useApi.js";

/** Props of {@link ModuleChoice}. */
export interface ModuleChoiceProps {
  communityId: string;
  value: string;
  onChange: (moduleId: string) => void;
  validationMessage?: string | undefined;
}

/**
 * The set-up form's module, for a format whose phases come from one: the community's modules with
 * their sections and minutes (the sections are the phases, so there are no minutes to fill in).
 */
export function ModuleChoice({ communityId, value, onChange, validationMessage }: ModuleChoiceProps) {
  const { t } = useTranslation();
  const api = useApi();
  const modules = useQuery({
    queryKey: ["modules", communityId],
    queryFn: ({ signal }) => listModules(api, communityId, signal),
  });
  const list = modules.data?.modules ?? [];
  const chosen = list.find((m) => m.id === value) ?? list[0];
  // The first module is chosen until the facilitator picks another.
  useEffect(() => {
    if (chosen && chosen.id !== value) onChange(chosen.id);
  }, [chosen, value, onChange]);
  if (modules.isSuccess && list.length === 0)
    return (
      <Body1 as="p" block role={validationMessage ? "alert" : undefined} data-testid="no-modules">
        {t("modules.noneForSetup")}
      </Body1>
    );
  return (
    <Field
      label={t("modules.choiceLabel")}
      hint={chosen ? chosen.sections.map((s) => `${s.title} (${s.minutes})`).join(" · ") : undefined}
      validationMessage={validationMessage}
      required
    >
      <Select value={chosen?.id ?? ""} onChange={(_e, d) => onChange(d.value)} data-testid="module-choice">
        {list.map((m) => (
          <option key={m.id} value={m.id}>
            {t("modules.choiceOption", { title: m.title, count: m.sections.length, minutes: m.totalMinutes })}
          </option>
        ))}
      </Select>
    </Field>
  );
}
