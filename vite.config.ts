import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const srcDir = fileURLToPath(new URL("./src", import.meta.url));

/**
 * Adds `<link rel="modulepreload">` to the tab's index.html for the app the entry imports
 * dynamically (`renderTab`: React, Fluent UI, the community home) and every chunk it imports. The
 * entry holds only teams-js so that the Teams handshake starts before the app is evaluated; without
 * the links the browser would learn of the app's chunks only after the entry had downloaded and run.
 */
function preloadApp(): Plugin {
  const APP_MODULE = "/tab/renderTab.tsx";
  return {
    name: "peercircle:preload-app",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, context) {
        const bundle = context.bundle;
        if (!bundle || !context.path.endsWith("/tab/index.html")) return html;
        const chunks = new Map(
          Object.values(bundle).flatMap((output) =>
            output.type === "chunk" ? [[output.fileName, output]] : [],
          ),
        );
        const app = [...chunks.values()].find((chunk) => chunk.facadeModuleId?.endsWith(APP_MODULE));
        if (!app) throw new Error(`No chunk for ${APP_MODULE}: did the tab's app module move?`);
        const files = new Set<string>();
        const visit = (fileName: string) => {
          if (files.has(fileName)) return;
          files.add(fileName);
          for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported);
        };
        visit(app.fileName);
        return [...files]
          .filter((fileName) => !html.includes(`/${fileName}"`))
          .map((fileName) => ({
            tag: "link",
            attrs: { rel: "modulepreload", crossorigin: true, href: `/${fileName}` },
            injectTo: "head" as const,
          }));
      },
    },
  };
}

/**
 * Builds the two web pages the server serves: the Teams tab (`/tab/*`, a single-page app) and the
 * local Teams host page (`/local/`, local mode only). With `root` at `src`, each page keeps its
 * folder name in `dist/web`, and every script and style lands in `dist/web/assets` under `/assets/`.
 */
export default defineConfig({
  root: srcDir,
  base: "/",
  plugins: [react(), preloadApp()],
  build: {
    outDir: fileURLToPath(new URL("./dist/web", import.meta.url)),
    emptyOutDir: true,
    // Teams desktop and web run current Chromium/Edge, Safari on iOS/macOS 16+.
    target: "es2022",
    // Those browsers support <link rel="modulepreload"> (Safari from 17; 16 just fetches the chunks
    // as they are imported): no polyfill chunk in front of every page's entry.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: {
        tab: fileURLToPath(new URL("./src/tab/index.html", import.meta.url)),
        localhost: fileURLToPath(new URL("./src/localhost/index.html", import.meta.url)),
      },
    },
  },
});
