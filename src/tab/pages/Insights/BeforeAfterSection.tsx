import { Body1, Field, Input, Select, Spinner } from "@fluentui/react-components";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { PeriodTotals } from "../../../domain/insights/participationByWeek.js";
import { getInsightsAround, type InsightWindow } from "../../api/insights.js";
import { listSessions } from "../../api/sessions.js";
import { useApi } from "../../hooks/useApi.js";
import { fill, type InsightsText } from "../../i18n/insightsText.js";
import { InsightsTable } from "./InsightsTable.js";
import { useInsightsStyles } from "./useInsightsStyles.styles.js";

const YEAR_MS = 365 * 86_400_000;

/**
 * Before / after: pick a day or one of the community's session series, and the four weeks before
 * its week stand beside that week and the three after (participation and ties), from the stored
 * report (one request, no computation).
 */
export function BeforeAfterSection({
  communityId,
  window,
  text,
  locale,
}: {
  communityId: string;
  window: InsightWindow;
  text: InsightsText;
  locale: string;
}) {
  const styles = useInsightsStyles();
  const api = useApi();
  const [day, setDay] = useState("");
  const [series, setSeries] = useState("");
  const sessions = useQuery({
    queryKey: ["insights", communityId, "series"],
    queryFn: ({ signal }) =>
      listSessions(api, communityId, { from: new Date(Date.now() - YEAR_MS).toISOString() }, signal),
  });
  // A series appears once per occurrence in a calendar range: one choice each.
  const seriesChoices = useMemo(() => {
    const seen = new Map<string, string>();
    for (const s of sessions.data ?? []) if (s.recurrence && !seen.has(s.id)) seen.set(s.id, s.title);
    return [...seen];
  }, [sessions.data]);
  const pick = day ? { pivot: day } : series ? { series } : undefined;
  const around = useQuery({
    queryKey: ["insights", communityId, window, "around", day, series],
    queryFn: ({ signal }) => getInsightsAround(api, communityId, window, pick ?? { pivot: day }, signal),
    enabled: pick !== undefined,
  });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const result = around.data?.status === "ready" ? around.data.beforeAfter : undefined;
  const rows: [string, (t: PeriodTotals) => number][] = [
    [text.beforeAfterActive, (t) => t.activeMembers],
    [text.contributions, (t) => t.contributions],
    [text.sessionsAttended, (t) => t.sessionsAttended],
    [text.ties, (t) => t.ties],
  ];
  return (
    <div className={styles.section} data-testid="before-after">
      <Body1>{text.beforeAfterHelp}</Body1>
      <div className={styles.toolbar}>
        <Field label={text.beforeAfterDay}>
          <Input
            type="date"
            value={day}
            onChange={(_e, data) => {
              setDay(data.value);
              setSeries("");
            }}
          />
        </Field>
        {seriesChoices.length > 0 && (
          <Field label={text.beforeAfterSeries}>
            <Select
              value={series}
              onChange={(_e, data) => {
                setSeries(data.value);
                setDay("");
              }}
            >
              <option value="">{text.beforeAfterNoSeries}</option>
              {seriesChoices.map(([id, title]) => (
                <option key={id} value={id}>
                  {title}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      {around.isFetching && !result && <Spinner size="tiny" label={text.beforeAfterLoading} />}
      {result && (
        <div className={styles.tableWrap}>
          <InsightsTable
            label={fill(text.beforeAfterCaption, { week: result.pivot })}
            headers={[
              fill(text.beforeAfterCaption, { week: result.pivot }),
              fill(text.beforeAfterBefore, { count: result.before.weeks }),
              fill(text.beforeAfterAfter, { count: result.after.weeks }),
            ]}
            rows={rows.map(([label, value]) => ({
              key: label,
              cells: [label, number.format(value(result.before)), number.format(value(result.after))],
            }))}
          />
        </div>
      )}
    </div>
  );
}
