/**
 * Which link targets an entry may carry, decided by the WHATWG URL parser (the one browsers use),
 * so that tricks like `JaVaScRiPt:`, `java&#x09;script:` (entities are decoded before this runs)
 * or relative URLs resolve exactly as a browser would resolve them.
 */

/**
 * The normalised URL when `value` is an absolute `https:` (or, with `allowHttp`, `http:`) URL
 * without user info; otherwise `undefined`. User info is refused because
 * `https://contoso.com@evil.example` reads like Contoso but opens evil.example.
 */
export function safeWebUrl(value: string | undefined, { allowHttp = true } = {}): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  const schemeAllowed = url.protocol === "https:" || (allowHttp && url.protocol === "http:");
  if (!schemeAllowed || url.username || url.password) return undefined;
  return url.href;
}

/**
 * Script-running and inline-document URL schemes, matched where they start a URL-like token: a
 * colon followed directly by more URL (so prose such as "JavaScript: the good parts" is left
 * alone). `data:` only counts when a media type or the data itself follows.
 */
const UNSAFE_SCHEME = /(javascript|vbscript)(:)(?=\S)|(data)(:)(?=[a-z]+\/|[,;])/gi;

/**
 * Turns every `javascript:`, `vbscript:` and `data:` URL left in text (a message can *say*
 * `[Click me](javascript:alert(1))`) into an inert `javascript-blocked:` form. The sanitiser has
 * already removed such links; this is for text shown later by renderers we do not control, such
 * as Adaptive Card markdown, where the escaping of brackets is not guaranteed to hold. The
 * replacement keeps the word visible so the person sees what was there, and it cannot recombine
 * into the scheme (`javajavascript:script:` becomes `javajavascript-blocked:script:`).
 */
export function neutraliseUnsafeSchemes(text: string): string {
  return text.replace(UNSAFE_SCHEME, (_match, script: string | undefined, _c1, data: string | undefined) => {
    return `${script ?? data}-blocked:`;
  });
}
