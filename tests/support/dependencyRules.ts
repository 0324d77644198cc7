import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/**
 * The house's dependency rules (../../README.md, "Architecture"), as data, and a checker over an
 * import map. Dependencies point inward: tab → HTTP API → server → domain ← storage/graph/bot.
 */

/** What a file imports: other files (`src/…`, resolved, repo-relative) and packages by name. */
export type ImportMap = Map<string, string[]>;

export interface Violation {
  from: string;
  to: string;
  rule: string;
}

/** Packages that tie code to a platform: Teams and the Bot Framework, Azure, HTTP, the browser UI. */
const SDK_PACKAGES = [
  /^botbuilder/,
  /^botframework-/,
  /^@microsoft\//,
  /^@azure\//,
  /^express$/,
  /^react(-dom)?$/,
  /^@fluentui\//,
];
/** The server side's SDKs, which must never reach the browser bundle. */
const SERVER_PACKAGES = [/^botbuilder/, /^botframework-/, /^@microsoft\/teams-ai$/, /^@azure\//, /^express$/];

interface Rule {
  name: string;
  /** The top-level folder under src/ the rule applies to; `*` for every folder but `except`. */
  from: string;
  except?: string[];
  /** Top-level folders under src/ it must not import; `*` for every folder but its own and `allow`. */
  folders: string[] | "*";
  allow?: string[];
  packages?: RegExp[];
  /** When set, the only packages it may import. */
  onlyPackages?: RegExp[];
}

export const RULES: Rule[] = [
  {
    name: "the domain is plain TypeScript: no adapter, no SDK",
    from: "domain",
    folders: "*",
    packages: SDK_PACKAGES,
  },
  {
    name: "the tab reaches the server over HTTP only",
    from: "tab",
    folders: ["server", "storage", "bot", "graph", "local", "observability"],
    packages: SERVER_PACKAGES,
  },
  {
    name: "the bot imports no other adapter and not the server (its ports live in the domain)",
    from: "bot",
    folders: ["storage", "graph", "server"],
  },
  {
    name: "storage is one adapter: no other adapter",
    from: "storage",
    folders: ["bot", "graph", "server", "tab"],
  },
  {
    name: "Graph is one adapter: no other adapter",
    from: "graph",
    folders: ["bot", "storage", "server", "tab"],
  },
  {
    name: "local stand-ins are wired by the local start only (scripts/, tests/), never by production code",
    from: "*",
    except: ["local"],
    folders: ["local"],
  },
  { name: "the logger stands on its own", from: "observability", folders: "*" },
  {
    name: "the tab–server contract imports only zod and the domain's pure types",
    from: "contract",
    folders: "*",
    allow: ["domain"],
    onlyPackages: [/^zod$/],
  },
];

/** The top-level folder of a repo-relative path under src/ (`src/bot/x.ts` → `bot`), else undefined. */
export function folderOf(file: string): string | undefined {
  const [root, folder, ...rest] = file.split("/");
  return root === "src" && rest.length > 0 ? folder : undefined;
}

function isPackage(specifier: string): boolean {
  return !specifier.startsWith("src/");
}

/** Every import (static, type-only, re-export, dynamic) of one file's text, resolved. */
export function importsOf(file: string, text: string): string[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles.map(({ fileName }) => {
    if (!fileName.startsWith(".")) return packageName(fileName);
    return path.posix.normalize(path.posix.join(path.posix.dirname(file), fileName));
  });
}

/** `@scope/name/deep` → `@scope/name`, `name/deep` → `name`, `node:fs` stays. */
function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}

/** The import map of every .ts/.tsx file under `dir` (repo-relative, e.g. `src`). */
export function collectImports(repoRoot: string, dir = "src", read = importsOf): ImportMap {
  const map: ImportMap = new Map();
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(repoRoot, relative), { withFileTypes: true })) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts"))
        map.set(child, read(child, readFileSync(path.join(repoRoot, child), "utf8")));
    }
  };
  walk(dir);
  return map;
}

/** Every import that breaks a rule, and every cycle between top-level folders. */
export function dependencyViolations(imports: ImportMap): Violation[] {
  const violations: Violation[] = [];
  for (const [file, targets] of imports) {
    const from = folderOf(file);
    if (!from) continue;
    for (const target of targets) {
      for (const rule of RULES) {
        if (rule.from !== "*" && rule.from !== from) continue;
        if (rule.except?.includes(from)) continue;
        if (isPackage(target)) {
          const refused =
            rule.packages?.some((p) => p.test(target)) ||
            (rule.onlyPackages && !rule.onlyPackages.some((p) => p.test(target)));
          if (refused) violations.push({ from: file, to: target, rule: rule.name });
          continue;
        }
        const to = folderOf(target);
        if (!to || to === from || rule.allow?.includes(to)) continue;
        if (rule.folders === "*" || rule.folders.includes(to))
          violations.push({ from: file, to: target, rule: rule.name });
      }
    }
  }
  return [...violations, ...folderCycles(imports)];
}

/**
 * Cycles between top-level folders (a loop like bot → server → bot), each reported once with one
 * import per step, so the fix is plain. Strongly connected components of the folder graph (Tarjan).
 */
export function folderCycles(imports: ImportMap): Violation[] {
  const edges = new Map<string, Map<string, { from: string; to: string }>>();
  for (const [file, targets] of imports) {
    const a = folderOf(file);
    for (const target of targets) {
      const b = isPackage(target) ? undefined : folderOf(target);
      if (!a || !b || a === b) continue;
      const out = edges.get(a) ?? new Map();
      if (!out.has(b)) out.set(b, { from: file, to: target });
      edges.set(a, out);
    }
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const components: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v) as number);
    stack.push(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w) component.push(w);
      } while (w && w !== v);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return components.flatMap((component) =>
    component.flatMap((a) =>
      [...(edges.get(a) ?? [])]
        .filter(([b]) => component.includes(b))
        .map(([, edge]) => ({ ...edge, rule: `no cycle between folders (${component.join(" ⇄ ")})` })),
    ),
  );
}

/**
 * The imports of a file that load code when it runs: type-only imports and re-exports (erased by
 * the compiler) left out, dynamic `import()` kept.
 */
export function runtimeImportsOf(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
  const specifiers: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause &&
          !clause.name &&
          bindings &&
          ts.isNamedImports(bindings) &&
          bindings.elements.length > 0 &&
          bindings.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) specifiers.push(node.moduleSpecifier.text);
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const clause = node.exportClause;
      const typeOnly =
        node.isTypeOnly ||
        (clause &&
          ts.isNamedExports(clause) &&
          clause.elements.length > 0 &&
          clause.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) specifiers.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      specifiers.push(node.arguments[0].text);
    }
    if (deep) ts.forEachChild(node, visit);
  };
  // Declarations are top-level; only a file that calls import() needs the walk into every node.
  const deep = text.includes("import(");
  source.statements.forEach(visit);
  return specifiers.map((specifier) =>
    specifier.startsWith(".")
      ? path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier))
      : packageName(specifier),
  );
}

/** The runtime import map of every .ts/.tsx file under `dir`. */
export function collectRuntimeImports(repoRoot: string, dir = "src"): ImportMap {
  return collectImports(repoRoot, dir, runtimeImportsOf);
}

/**
 * The packages code under `folder` loads when it runs, with one chain of files that leads to each:
 * what a browser bundle of that folder will hold, whatever the bundler shakes out.
 */
export function packagesReached(imports: ImportMap, folder: string): Map<string, string[]> {
  const fileOf = (target: string) =>
    [target, target.replace(/\.js$/, ".ts"), target.replace(/\.js$/, ".tsx")].find((f) => imports.has(f));
  const reached = new Map<string, string[]>();
  const seen = new Set<string>();
  const queue: { file: string; chain: string[] }[] = [...imports.keys()]
    .filter((file) => folderOf(file) === folder)
    .map((file) => ({ file, chain: [file] }));
  while (queue.length > 0) {
    const { file, chain } = queue.shift() as { file: string; chain: string[] };
    if (seen.has(file)) continue;
    seen.add(file);
    for (const target of imports.get(file) ?? []) {
      if (isPackage(target)) {
        if (!reached.has(target)) reached.set(target, chain);
        continue;
      }
      const next = fileOf(target);
      if (next && !seen.has(next)) queue.push({ file: next, chain: [...chain, next] });
    }
  }
  return reached;
}
