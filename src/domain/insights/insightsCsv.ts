import Papa from "papaparse";
import type { InsightsReport } from "./insightsReport.js";

export const CSV_TABLES = ["people", "ties", "metrics"] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

/** The people table's columns after who the person is (a pseudonym, or their id and name). */
const PERSON_MEASURES = [
  "betweenness",
  "learners",
  "learned_from",
  "cluster",
  "cuts_network",
  "edge",
  "edge_reason",
] as const;

/**
 * A report as CSV (papaparse quotes and escapes; a leading = + - @ is neutralised so a
 * spreadsheet never runs a cell as a formula). De-identified: no names, departments or ids; each
 * person is "Person n", numbered in an order drawn afresh for every export, so two exports cannot
 * be joined on the numbers. Shared by the API's export and the tab's download (Web Crypto is in
 * both Node 20 and browsers).
 */
export function insightsCsv(report: InsightsReport, table: CsvTable, deidentified: boolean): string {
  const label = deidentified ? pseudonyms(report) : (id: string) => id;
  const rows: (string | number | boolean | null)[][] = [];
  if (table === "people") {
    rows.push([...(deidentified ? ["person"] : ["id", "name"]), ...PERSON_MEASURES]);
    for (const p of report.people)
      rows.push([
        label(p.id),
        ...(deidentified ? [] : [p.displayName]),
        p.betweenness,
        p.learnersFrom,
        p.learnedFrom,
        p.cluster,
        p.cutsNetwork,
        p.edge?.position ?? "",
        p.edge?.reason ?? "",
      ]);
  } else if (table === "ties") {
    rows.push(["learner", "learned_from", "weight"]);
    for (const t of report.ties) rows.push([label(t.from), label(t.to), t.weight]);
  } else {
    rows.push(["section", "name", "value", "previous"]);
    for (const [name, value] of Object.entries(report.summary))
      rows.push(["summary", name, value, report.previous[name as keyof typeof report.previous]]);
    for (const w of report.weekly)
      for (const [name, value] of Object.entries(w))
        if (name !== "week") rows.push([`week ${w.week}`, name, value, null]);
    for (const t of report.topics)
      rows.push([`topic ${t.tag}`, "top_share", t.share, null], [`topic ${t.tag}`, "weight", t.weight, null]);
    for (const d of report.crossDepartment.departments)
      rows.push([`department ${deidentified ? "" : d.department}`.trim(), "cross_share", d.crossShare, null]);
    for (const t of report.themes) rows.push([`theme ${t.theme}`, "lift", t.lift, null]);
  }
  return Papa.unparse(rows.map((r) => r.map(safeCell)));
}

function pseudonyms(report: InsightsReport): (id: string) => string {
  const ids = new Set<string>(report.people.map((p) => p.id));
  for (const t of report.ties) ids.add(t.from).add(t.to);
  const order = [...ids];
  // Fisher–Yates with cryptographic randomness: the numbering says nothing about who is who.
  const random = new Uint32Array(order.length);
  globalThis.crypto.getRandomValues(random);
  for (let i = order.length - 1; i > 0; i--) {
    const j = (random[i] as number) % (i + 1);
    [order[i], order[j]] = [order[j] as string, order[i] as string];
  }
  const names = new Map(order.map((id, i) => [id, `Person ${i + 1}`]));
  return (id) => names.get(id) ?? "Person";
}

function safeCell(value: string | number | boolean | null): string | number | boolean | null {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
