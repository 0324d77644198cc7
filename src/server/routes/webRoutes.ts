import path from "node:path";
import express, { Router } from "express";

/**
 * The built tab (Vite's `dist/web`): hashed assets cached for a year, the tab's pages answered by
 * its single index.html (client-side routes), and — in local mode — the local Teams host page.
 */
export function webRoutes(webRoot: string, options: { localHost: boolean }): Router {
  const router = Router();
  router.use("/assets", express.static(path.join(webRoot, "assets"), { immutable: true, maxAge: "365d" }));
  // The manifest's developer.privacyUrl and termsOfUseUrl.
  for (const page of ["privacy", "terms"]) {
    router.get(`/${page}`, (_req, res) => {
      res.sendFile(path.join(webRoot, `${page}.html`));
    });
  }
  const tabIndex = path.join(webRoot, "tab", "index.html");
  router.get(["/tab", "/tab/{*page}"], (_req, res) => {
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(tabIndex);
  });
  if (options.localHost) {
    const hostIndex = path.join(webRoot, "localhost", "index.html");
    router.get(["/local", "/local/"], (_req, res) => {
      res.setHeader("Cache-Control", "no-cache");
      res.sendFile(hostIndex);
    });
    router.get("/", (req, res) => {
      const query = req.url.includes("?") ? req.url.slice(req.url.indexOf("?")) : "";
      res.redirect(`/local/${query}`);
    });
  }
  return router;
}
