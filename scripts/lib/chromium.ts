import { existsSync } from "node:fs";

/**
 * Chromium flags for a machine without network or GPU (PLATFORM.md, "Browser tests"): no GPU, no
 * QUIC, none of Chromium's own background traffic. The browser tests use the same flags.
 */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The Chromium binary: `$CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export function chromiumPath(): string {
  const candidate = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (!existsSync(candidate)) {
    throw new Error(
      `Chromium was not found at ${candidate}. Install it with \`apt-get install -y chromium\` (as root), ` +
        "or point CHROMIUM_PATH at a Chromium or Chrome binary.",
    );
  }
  return candidate;
}
