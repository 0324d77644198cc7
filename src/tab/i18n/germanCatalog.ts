import { useEffect, useState } from "react";
import type { Catalog } from "./en.js";

/**
 * The German catalog, downloaded only by German Teams clients (a chunk of its own, ~15 KB gzip):
 * English readers never pay for it, and the tab's first download stays within its budget.
 */
let german: { status: "idle" | "loading" | "failed" } | { status: "loaded"; catalog: Catalog } = {
  status: "idle",
};
let pending: Promise<void> | undefined;

/** Starts (once) the German catalog's download; if it fails, the tab reads English. */
export function loadGermanCatalog(): Promise<void> {
  if (!pending) {
    german = { status: "loading" };
    pending = import("./de.js").then(
      (module) => {
        german = { status: "loaded", catalog: module.de };
      },
      () => {
        german = { status: "failed" };
      },
    );
  }
  return pending;
}

/**
 * The German catalog once it is here, when `wanted`; `settled` says the wait is over (loaded, not
 * wanted, or failed: then English).
 */
export function useGermanCatalog(wanted: boolean): { catalog: Catalog | undefined; settled: boolean } {
  const [, rerender] = useState(0);
  useEffect(() => {
    if (!wanted || german.status === "loaded" || german.status === "failed") return;
    let live = true;
    void loadGermanCatalog().then(() => {
      if (live) rerender((v) => v + 1);
    });
    return () => {
      live = false;
    };
  }, [wanted]);
  if (!wanted) return { catalog: undefined, settled: true };
  if (german.status === "loaded") return { catalog: german.catalog, settled: true };
  return { catalog: undefined, settled: german.status === "failed" };
}
