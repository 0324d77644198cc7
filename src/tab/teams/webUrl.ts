/**
 * Whether a URL is an absolute http(s) link, the only kind the tab opens or renders as a link:
 * `javascript:`, `data:`, `vbscript:`, `file:` and relative URLs are not. Parsed with `URL`, so
 * obfuscations such as `JaVaScRiPt:` or leading control characters are judged as a browser would.
 */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}
