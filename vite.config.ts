import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const srcDir = fileURLToPath(new URL("./src", import.meta.url));

/**
 * Builds the two web pages the server serves: the Teams tab (`/tab/*`, a single-page app) and the
 * local Teams host page (`/local/`, local mode only). With `root` at `src`, each page keeps its
 * folder name in `dist/web`, and every script and style lands in `dist/web/assets` under `/assets/`.
 */
export default defineConfig({
  root: srcDir,
  base: "/",
  plugins: [react()],
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
