import { Caption1, Spinner } from "@fluentui/react-components";
import Graph from "graphology";
import { useEffect, useMemo, useRef, useState } from "react";
import { picturedPeople } from "../../../domain/insights/picturedPeople.js";
import type { InsightsReport } from "../../api/insights.js";
import type { LayoutAnswer, LayoutRequest } from "./layout.worker.js";
import { useInsightsStyles } from "./useInsightsStyles.styles.js";

// Sigma (WebGL) is fetched after the first paint: the SVG drawing of the stored layout shows the
// picture at once, and sigma's code (as much as the rest of the page) would only compete with the
// page's first render for the main thread.
let sigmaLoading: Promise<typeof import("sigma")> | undefined;
function loadSigma(): Promise<typeof import("sigma")> {
  sigmaLoading ??= import("sigma");
  return sigmaLoading;
}

/** Runs `work` once the browser has nothing more urgent (painting, input); soon at the latest. */
function whenIdle(work: () => void): number {
  return typeof requestIdleCallback === "function"
    ? requestIdleCallback(work, { timeout: 1_000 })
    : window.setTimeout(work, 200);
}

function cancelIdle(handle: number): void {
  if (typeof cancelIdleCallback === "function") cancelIdleCallback(handle);
  else window.clearTimeout(handle);
}

function createLayoutWorker(): Worker | undefined {
  try {
    return new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
  } catch {
    return undefined;
  }
}

interface NetworkPictureProps {
  report: InsightsReport;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  label: string;
  layoutRunning: string;
  unavailable: string;
}

/**
 * The learning network as a picture: sigma (WebGL) on a graphology graph, laid out by ForceAtlas2
 * in a worker. Where WebGL is missing it draws the same layout as SVG. Decorative for screen
 * readers: the table beside it holds the same data.
 */
export function NetworkPicture({
  report,
  selectedId,
  onSelect,
  label,
  layoutRunning,
  unavailable,
}: NetworkPictureProps) {
  const styles = useInsightsStyles();
  const container = useRef<HTMLDivElement>(null);
  const [laidOut, setLaidOut] = useState<Float32Array | undefined>();
  const [mode, setMode] = useState<"webgl" | "svg" | "none">("webgl");
  // Whether sigma has drawn once: until then the SVG drawing stands in.
  const interactive = useRef(false);
  const [drawn, setDrawn] = useState(false);
  // The drawn graph, and who is selected in it: a selection recolours two people in place (sigma
  // redraws on the graph's change) rather than building the graph and WebGL again.
  const drawnGraph = useRef<{ graph: Graph; colorOf: (id: string) => string } | undefined>(undefined);
  const selected = useRef(selectedId);
  const onSelectNow = useRef(onSelect);
  onSelectNow.current = onSelect;

  const { people, ties, stored } = useMemo(() => {
    // The job's layout when the report has one: drawn at once, no worker.
    if (report.picture) {
      const byId = new Map(report.people.map((p) => [p.id, p]));
      const drawn = report.picture.ids.flatMap((id) => byId.get(id) ?? []);
      const { pairs } = picturedPeople(drawn, report.ties, drawn.length);
      return {
        people: drawn,
        ties: pairs,
        stored:
          drawn.length === report.picture.ids.length
            ? Float32Array.from(report.picture.positions)
            : undefined,
      };
    }
    const pictured = picturedPeople(report.people, report.ties);
    return { people: pictured.people, ties: pictured.pairs, stored: undefined };
  }, [report]);

  const positions = stored ?? laidOut;

  useEffect(() => {
    if (stored) return;
    setLaidOut(undefined);
    const worker = createLayoutWorker();
    if (!worker) {
      setMode("none");
      return;
    }
    worker.onmessage = (event: MessageEvent<LayoutAnswer>) => setLaidOut(event.data.positions);
    worker.onerror = () => setMode("none");
    worker.postMessage({ nodes: people.length, ties } satisfies LayoutRequest);
    return () => worker.terminate();
  }, [people, ties, stored]);

  useEffect(() => {
    const element = container.current;
    if (!positions || !element || mode !== "webgl") return;
    const css = getComputedStyle(element);
    const color = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
    const graph = new Graph();
    const cut = color("--colorPaletteDarkOrangeForeground1", "#da3b01");
    const edge = color("--colorNeutralForeground3", "#707070");
    const brand = color("--colorBrandForeground1", "#0f6cbd");
    const chosen = color("--colorPaletteRedForeground1", "#c50f1f");
    const base = new Map(people.map((p) => [p.id, p.cutsNetwork ? cut : p.edge ? edge : brand]));
    const colorOf = (id: string) => (id === selected.current ? chosen : (base.get(id) ?? brand));
    people.forEach((p, i) => {
      const degree = p.learnersFrom + p.learnedFrom;
      graph.addNode(p.id, {
        x: positions[2 * i] ?? 0,
        y: positions[2 * i + 1] ?? 0,
        size: 2 + Math.min(6, Math.sqrt(degree) + p.betweenness * 20),
        label: p.displayName,
        color: colorOf(p.id),
      });
    });
    drawnGraph.current = { graph, colorOf };
    for (const [a, b] of ties) {
      const from = people[a]?.id;
      const to = people[b]?.id;
      if (from && to && !graph.hasEdge(from, to))
        graph.addEdge(from, to, { color: color("--colorNeutralStrokeAccessible", "#616161"), size: 1 });
    }
    let renderer:
      | { kill(): void; on(event: "clickNode", handler: (e: { node: string }) => void): void }
      | undefined;
    let cancelled = false;
    let frame: number | undefined;
    const draw = () =>
      loadSigma()
        .then(({ default: Sigma }) => {
          if (cancelled) return;
          // No labels on the canvas: they would not follow the theme; names are in the table and
          // the selection line, which do.
          const sigma = new Sigma(graph, element, {
            settings: { renderLabels: false, renderEdgeLabels: false },
          });
          sigma.on("clickNode", ({ node }) => onSelectNow.current(node));
          renderer = sigma;
          interactive.current = true;
          setDrawn(true);
        })
        .catch(() => setMode("svg"));
    // The first time, the SVG drawing of the same positions is painted first and WebGL takes over
    // once the browser is idle after that paint: starting WebGL (compiling its programs) costs more
    // than the whole page on a slow machine, and the picture need not wait for it.
    let idle: number | undefined;
    if (interactive.current) void draw();
    else
      frame = requestAnimationFrame(() => {
        frame = undefined;
        idle = whenIdle(() => void draw());
      });
    return () => {
      cancelled = true;
      if (frame !== undefined) cancelAnimationFrame(frame);
      if (idle !== undefined) cancelIdle(idle);
      renderer?.kill();
      drawnGraph.current = undefined;
    };
  }, [positions, people, ties, mode]);

  useEffect(() => {
    const previous = selected.current;
    selected.current = selectedId;
    const drawing = drawnGraph.current;
    if (!drawing) return;
    for (const id of [previous, selectedId])
      if (id !== undefined && drawing.graph.hasNode(id))
        drawing.graph.setNodeAttribute(id, "color", drawing.colorOf(id));
  }, [selectedId]);

  if (mode === "none") return <Caption1>{unavailable}</Caption1>;
  return (
    <div className={styles.picture} role="img" aria-label={label} data-testid="network-picture">
      {!positions && <Spinner size="small" label={layoutRunning} />}
      {mode === "webgl" && <div ref={container} className={styles.canvas} />}
      {(mode === "svg" || (mode === "webgl" && !drawn)) && positions && (
        <SvgPicture people={people} ties={ties} positions={positions} selectedId={selectedId} />
      )}
    </div>
  );
}

function SvgPicture({
  people,
  ties,
  positions,
  selectedId,
}: {
  people: InsightsReport["people"];
  ties: [number, number][];
  positions: Float32Array;
  selectedId: string | undefined;
}) {
  const styles = useInsightsStyles();
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < people.length; i++) {
    const x = positions[2 * i] ?? 0;
    const y = positions[2 * i + 1] ?? 0;
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const pad = 10;
  const view = `${minX - pad} ${minY - pad} ${maxX - minX + 2 * pad || 1} ${maxY - minY + 2 * pad || 1}`;
  const at = (i: number) => [positions[2 * i] ?? 0, positions[2 * i + 1] ?? 0] as const;
  return (
    <svg viewBox={view} className={styles.canvas} aria-hidden="true">
      {ties.map(([a, b]) => {
        const [x1, y1] = at(a);
        const [x2, y2] = at(b);
        return <line key={`${a}-${b}`} x1={x1} y1={y1} x2={x2} y2={y2} className={styles.svgTie} />;
      })}
      {people.map((p, i) => {
        const [cx, cy] = at(i);
        return (
          <circle
            key={p.id}
            cx={cx}
            cy={cy}
            r={2 + Math.min(8, Math.sqrt(p.learnersFrom + p.learnedFrom))}
            className={p.id === selectedId ? styles.svgSelected : styles.svgPerson}
          />
        );
      })}
    </svg>
  );
}
