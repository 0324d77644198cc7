import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const srcDir = fileURLToPath(new URL("./src", import.meta.url));

/**
 * Adds `<link rel="modulepreload">` for the community home's lazy chunk and the chunks it imports
 * to the tab's index.html. The home is the page Teams opens most (a channel tab's content URL);
 * without the links the browser learns of its chunks only after the entry chunk has downloaded and
 * run, one round trip later. The chunks stay separate (cached on their own, other pages do not
 * execute them); the links only make the browser fetch them alongside the entry chunk.
 */
function preloadHomePage(): Plugin {
  const HOME_MODULE = "/tab/pages/Home/HomePage.tsx";
  return {
    name: "peercircle:preload-home-page",
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
        const home = [...chunks.values()].find((chunk) => chunk.facadeModuleId?.endsWith(HOME_MODULE));
        if (!home) throw new Error(`No chunk for ${HOME_MODULE}: did the home page move?`);
        const files = new Set<string>();
        const visit = (fileName: string) => {
          if (files.has(fileName)) return;
          files.add(fileName);
          for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported);
        };
        visit(home.fileName);
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
  plugins: [react(), preloadHomePage()],
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
