import { VerticalBarChart } from "@fluentui/react-charts";
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Title2,
  tokens,
} from "@fluentui/react-components";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type CsvTable, insightsCsv } from "../../../domain/insights/insightsCsv.js";
import type { InsightsSummary } from "../../../domain/insights/insightsReport.js";
import type { Community } from "../../api/communities.js";
import {
  DEFAULT_INSIGHT_WINDOW,
  getInsights,
  type InsightsReport,
  type InsightWindow,
  insightsKey,
  type Suggestion,
} from "../../api/insights.js";
import { PageSection } from "../../components/PageSection/PageSection.js";
import { RouterLink } from "../../components/RouterLink/RouterLink.js";
import { StewardsPage } from "../../components/StewardsPage.js";
import { useApi } from "../../hooks/useApi.js";
import { fill, type InsightsText, insightsDe, insightsEn } from "../../i18n/insightsText.js";
import { homePath } from "../../routes.js";
import { BeforeAfterSection } from "./BeforeAfterSection.js";
import { InsightsTable } from "./InsightsTable.js";
import { NetworkPicture } from "./NetworkPicture.js";
import { useInsightsStyles } from "./useInsightsStyles.styles.js";

const WINDOWS: InsightWindow[] = [30, 90, 365];
/** Rows the people table shows before "Show all". */
const TABLE_FIRST_ROWS = 100;

/** How insights speak: their words and locale, and a share (0.42) as the locale writes a percentage. */
function useInsightsText(): { text: InsightsText; locale: string; percent: (share: number) => string } {
  const { i18n } = useTranslation();
  const locale = i18n.language || "en";
  const percent = useMemo(() => {
    const format = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
    return (share: number) => format.format(share);
  }, [locale]);
  return { text: locale.startsWith("de") ? insightsDe : insightsEn, locale, percent };
}

/**
 * Network insights (`/tab/insights`, stewards): figures against the period before, weekly
 * participation, what a steward could do, the network as a picture and as a table, topics held by
 * one person, newcomers, reach across departments, rising themes, and CSV downloads.
 */
export function InsightsPage() {
  const { text } = useInsightsText();
  return (
    <StewardsPage
      nav="home"
      notStewards={{
        title: text.stewardsOnlyTitle,
        body: text.intro,
        back: { href: homePath, label: text.backToHome },
      }}
    >
      {(community) => <Insights community={community} />}
    </StewardsPage>
  );
}

function Insights({ community }: { community: Community }) {
  const styles = useInsightsStyles();
  const { text, locale } = useInsightsText();
  const api = useApi();
  const headingId = useId();
  const [window, setWindow] = useState<InsightWindow>(DEFAULT_INSIGHT_WINDOW);
  const query = useQuery({
    queryKey: insightsKey(community.id, window),
    queryFn: ({ signal }) => getInsights(api, community.id, window, signal),
    // The route asked for it a moment ago (InsightsPrefetch): no second request on arrival.
    staleTime: 30_000,
    // While the first computation runs (or a fresh one), ask again shortly.
    refetchInterval: (q) =>
      q.state.data?.status === "computing"
        ? 1_000
        : q.state.data?.status === "ready" && q.state.data.refreshing
          ? 5_000
          : false,
  });
  const answer = query.data;

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <RouterLink href={homePath}>{text.backToHome}</RouterLink>
      <header>
        <Title2 as="h1" block id={headingId} className={styles.heading}>
          {text.title}
        </Title2>
        {/* The community under the title, not run on from it. */}
        <Caption1 block>{community.name}</Caption1>
      </header>
      <Body1 as="p" className={styles.intro}>
        {text.intro}
      </Body1>
      <div className={styles.toolbar}>
        <Field label={text.window}>
          <Select
            value={String(window)}
            onChange={(_e, data) => setWindow(Number(data.value) as InsightWindow)}
          >
            {WINDOWS.map((w) => (
              <option key={w} value={w}>
                {fill(text.windowDays, { count: w })}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div role="status">
        {(query.isPending || answer?.status === "computing") && (
          <Spinner size="small" label={text.computing} labelPosition="after" />
        )}
        {answer?.status === "ready" && answer.refreshing && <Caption1>{text.refreshing}</Caption1>}
      </div>
      {query.isError && (
        <div role="alert">
          <MessageBar intent="error">
            <MessageBarBody>
              {text.loadFailed}{" "}
              <Button size="small" onClick={() => void query.refetch()}>
                {text.retry}
              </Button>
            </MessageBarBody>
          </MessageBar>
        </div>
      )}
      {answer?.status === "ready" && <Report report={answer.report} communityName={community.name} />}
      {answer?.status === "ready" && (
        <PageSection heading={text.beforeAfterHeading}>
          <BeforeAfterSection communityId={community.id} window={window} text={text} locale={locale} />
        </PageSection>
      )}
    </section>
  );
}

function Report({ report, communityName }: { report: InsightsReport; communityName: string }) {
  const styles = useInsightsStyles();
  const { text, percent } = useInsightsText();
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const names = useMemo(() => new Map(report.people.map((p) => [p.id, p.displayName])), [report]);
  const nameOf = useCallback((id: string) => names.get(id) ?? text.someone, [names, text]);
  const select = useCallback((id: string) => setSelectedId(id), []);

  return (
    <>
      {!report.personLevel && (
        <MessageBar intent="info">
          <MessageBarBody>{text.personLevelOff}</MessageBarBody>
        </MessageBar>
      )}
      <Summary summary={report.summary} previous={report.previous} />
      <PageSection heading={text.participationHeading}>
        <div className={styles.chart}>
          <VerticalBarChart
            chartTitle={text.participationChart}
            data={report.weekly.map((w) => ({
              x: w.week,
              y: w.activeMembers,
              legend: text.activeMembers,
              xAxisCalloutData: fill(text.weekOf, { week: w.week }),
            }))}
            height={220}
            hideLegend
            // One measure, one colour: by default the chart colours bars by their height, which
            // reads as a legend nobody can see.
            useSingleColor
            colors={[tokens.colorBrandBackground]}
          />
        </div>
      </PageSection>
      <PageSection heading={text.suggestionsHeading}>
        {report.suggestions.length === 0 ? (
          <Body1>{text.noSuggestions}</Body1>
        ) : (
          <ul className={styles.list} data-testid="suggestions">
            {report.suggestions.map((s) => (
              <li key={JSON.stringify(s)}>{suggestionText(s, text, nameOf, percent)}</li>
            ))}
          </ul>
        )}
      </PageSection>
      {report.personLevel && (
        <PageSection heading={text.networkHeading}>
          <Caption1 className={styles.muted}>{text.networkHelp}</Caption1>
          <NetworkPicture
            report={report}
            selectedId={selectedId}
            onSelect={select}
            label={`${text.networkHeading}: ${communityName}`}
            layoutRunning={text.layoutRunning}
            unavailable={text.networkUnavailable}
          />
          {selectedId && (
            <Body1 role="status">
              {fill(text.selected, { name: nameOf(selectedId) })}:{" "}
              {whyText(reasonsOf(report), selectedId, text)}
            </Body1>
          )}
          <PeopleTable report={report} selectedId={selectedId} onSelect={select} />
        </PageSection>
      )}
      <PageSection heading={text.topicsHeading}>
        {report.topics.filter((t) => t.flagged).length === 0 ? (
          <Body1>{text.noTopics}</Body1>
        ) : (
          <ul className={styles.list}>
            {report.topics
              .filter((t) => t.flagged)
              .map((t) => (
                <li key={t.tag}>
                  {t.holderId
                    ? fill(text.topicRow, { tag: t.tag, share: percent(t.share), name: nameOf(t.holderId) })
                    : fill(text.topicRowAnonymous, { tag: t.tag, share: percent(t.share) })}
                </li>
              ))}
          </ul>
        )}
      </PageSection>
      <PageSection heading={text.newcomersHeading}>
        <div className={styles.chart}>
          <VerticalBarChart
            chartTitle={text.newcomersChart}
            data={(["within7", "within30", "within90", "later", "notYet"] as const).map((bucket) => ({
              x: text.bucket[bucket],
              y: report.firstContribution.distribution[bucket],
              legend: text.bucket[bucket],
            }))}
            height={180}
            hideLegend
          />
        </div>
      </PageSection>
      <PageSection heading={text.departmentsHeading}>
        {report.crossDepartment.departments.length === 0 ? (
          <Body1>{text.noDepartments}</Body1>
        ) : (
          <ul className={styles.list}>
            {report.crossDepartment.departments.map((d) => (
              <li key={d.department}>
                {fill(text.departmentRow, {
                  department: d.department,
                  people: d.people,
                  share: d.crossShare === null ? text.unknown : percent(d.crossShare),
                })}
              </li>
            ))}
          </ul>
        )}
        {report.crossDepartment.smallDepartments > 0 && (
          <Caption1 className={styles.muted}>
            {fill(text.smallDepartments, { count: report.crossDepartment.smallDepartments })}
          </Caption1>
        )}
      </PageSection>
      <PageSection heading={text.themesHeading}>
        {report.themes.length === 0 ? (
          <Body1>{text.noThemes}</Body1>
        ) : (
          <ul className={styles.list}>
            {report.themes.map((t) => (
              <li key={`${t.kind}:${t.theme}`}>
                {fill(text.themeRow, { theme: t.theme, recent: t.recent, baseline: t.baseline })}
              </li>
            ))}
          </ul>
        )}
        <Caption1 className={styles.muted}>{fill(text.clusters, { count: report.clusters.count })}</Caption1>
      </PageSection>
      <CsvDownloads report={report} />
    </>
  );
}

function Summary({ summary, previous }: { summary: InsightsSummary; previous: InsightsSummary }) {
  const styles = useInsightsStyles();
  const { text, locale, percent } = useInsightsText();
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: "never" });
  const signed = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: "exceptZero" });
  const figures: [string, number | null, number | null, "count" | "share"][] = [
    [text.activeMembers, summary.activeMembers, previous.activeMembers, "count"],
    [text.ties, summary.ties, previous.ties, "count"],
    [text.contributions, summary.contributions, previous.contributions, "count"],
    [text.sessionsAttended, summary.sessionsAttended, previous.sessionsAttended, "count"],
    [text.crossDepartment, summary.crossDepartmentShare, previous.crossDepartmentShare, "share"],
    [text.followThrough, summary.followThroughRate, previous.followThroughRate, "share"],
    [
      text.firstContribution,
      summary.medianDaysToFirstContribution,
      previous.medianDaysToFirstContribution,
      "count",
    ],
    [text.members, summary.members, previous.members, "count"],
  ];
  return (
    <section aria-label={text.summaryHeading}>
      <ul className={styles.figures} data-testid="figures">
        {figures.map(([label, value, before, kind]) => (
          <li key={label} className={styles.figure}>
            <Caption1>{label}</Caption1>
            <span className={styles.figureValue}>
              {value === null ? text.unknown : kind === "share" ? percent(value) : number.format(value)}
            </span>
            <Caption1 className={styles.muted}>
              {value === null || before === null
                ? text.noComparison
                : fill(text.comparedWith, {
                    delta:
                      kind === "share"
                        ? `${signed.format(Math.round((value - before) * 100))} pp`
                        : signed.format(value - before),
                  })}
            </Caption1>
          </li>
        ))}
      </ul>
    </section>
  );
}

function PeopleTable({
  report,
  selectedId,
  onSelect,
}: {
  report: InsightsReport;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}) {
  const styles = useInsightsStyles();
  const { text, locale } = useInsightsText();
  const score = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  const rows = useMemo(
    () =>
      [...report.people].sort(
        (a, b) => b.betweenness - a.betweenness || a.displayName.localeCompare(b.displayName),
      ),
    [report],
  );
  const reasons = useMemo(() => reasonsOf(report), [report]);
  // The people who matter most first; everyone on request (a large network's rows are many).
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? rows : rows.slice(0, TABLE_FIRST_ROWS);
  return (
    <div className={styles.tableWrap}>
      <InsightsTable
        wide
        label={fill(text.tableCaption, { count: rows.length })}
        testId="network-table"
        // Why someone matters is a sentence or two; the figures are short.
        widths={["16%", "14%", "11%", "11%", "8%", "40%"]}
        headers={[
          text.column.name,
          text.column.betweenness,
          text.column.learners,
          text.column.learnedFrom,
          text.column.cluster,
          text.column.role,
        ]}
        rows={shown.map((p) => ({
          key: p.id,
          selected: p.id === selectedId,
          cells: [
            <Button
              key="name"
              appearance="transparent"
              size="small"
              className={styles.button}
              onClick={() => onSelect(p.id)}
            >
              {p.displayName}
            </Button>,
            score.format(p.betweenness),
            p.learnersFrom,
            p.learnedFrom,
            p.cluster + 1,
            whyText(reasons, p.id, text),
          ],
        }))}
      />
      {shown.length < rows.length && (
        <Button className={styles.button} onClick={() => setShowAll(true)}>
          {fill(text.showAll, { count: rows.length })}
        </Button>
      )}
    </div>
  );
}

function CsvDownloads({ report }: { report: InsightsReport }) {
  const styles = useInsightsStyles();
  const { text } = useInsightsText();
  const [deidentified, setDeidentified] = useState(false);
  const download = (table: CsvTable) => {
    const csv = insightsCsv(report, table, deidentified);
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    link.download = `insights-${report.windowDays}d-${table}${deidentified ? "-deidentified" : ""}.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1_000);
  };
  return (
    <PageSection heading={text.csvHeading}>
      <div className={styles.csv}>
        {report.personLevel && (
          <>
            <Button className={styles.button} onClick={() => download("people")}>
              {text.csvPeople}
            </Button>
            <Button className={styles.button} onClick={() => download("ties")}>
              {text.csvTies}
            </Button>
          </>
        )}
        <Button className={styles.button} onClick={() => download("metrics")}>
          {text.csvMetrics}
        </Button>
        {report.personLevel && (
          <Checkbox
            checked={deidentified}
            onChange={(_e, data) => setDeidentified(data.checked === true)}
            label={text.deidentified}
          />
        )}
      </div>
    </PageSection>
  );
}

/** What says why people matter, indexed once per report (the table asks for every row). */
interface Reasons {
  brokers: Set<string>;
  cuts: Set<string>;
  held: Map<string, string[]>;
  edge: Map<string, NonNullable<InsightsReport["people"][number]["edge"]>>;
}

function reasonsOf(report: InsightsReport): Reasons {
  const held = new Map<string, string[]>();
  for (const t of report.topics)
    if (t.flagged && t.holderId) held.set(t.holderId, [...(held.get(t.holderId) ?? []), t.tag]);
  const edge = new Map<string, NonNullable<InsightsReport["people"][number]["edge"]>>();
  for (const p of report.people) if (p.edge) edge.set(p.id, p.edge);
  return { brokers: new Set(report.brokers), cuts: new Set(report.cutPoints), held, edge };
}

/** Why a person matters, from the report: broker, cut point, topic holder, on the edge. */
function whyText(reasons: Reasons, id: string, text: InsightsText): string {
  const out: string[] = [];
  if (reasons.brokers.has(id)) out.push(text.why.broker);
  if (reasons.cuts.has(id)) out.push(text.why.cut);
  const held = reasons.held.get(id);
  if (held) out.push(fill(text.why.holder, { tags: held.join(", ") }));
  const edge = reasons.edge.get(id);
  if (edge)
    out.push(
      `${edge.position === "isolated" ? text.why.isolated : text.why.peripheral} (${text.why[edge.reason]})`,
    );
  // Each reason is a sentence of its own: "Knowledge broker: … otherwise. Their absence would …".
  return out.length > 0 ? `${out.join(". ")}.` : text.why.none;
}

function suggestionText(
  s: Suggestion,
  text: InsightsText,
  nameOf: (id: string) => string,
  percent: (n: number) => string,
): string {
  switch (s.kind) {
    case "co-host":
      return fill(text.suggestion["co-host"], {
        name: nameOf(s.personId),
        tag: s.tag,
        share: percent(s.share),
      });
    case "reconnect":
      return fill(text.suggestion.reconnect, { name: nameOf(s.personId), count: s.partnersBefore });
    case "cross-department":
      return fill(text.suggestion["cross-department"], { share: percent(s.share) });
    default:
      return fill(text.suggestion[s.kind], { name: nameOf(s.personId) });
  }
}
