/**
 * Calls `callback` once the page outside a closed modal dialog is exposed to screen readers again.
 * A Fluent modal dialog hides the rest of the tab (`aria-hidden` on `#root`, set by tabster) and
 * tabster lifts that a moment after the dialog has gone, once focus is back on the trigger. A page
 * that navigates away before then leaves the next page hidden from screen readers (seen in
 * Chromium with the delete dialog), so navigation waits for the attribute to go — or `timeoutMs`.
 */
export function whenPageAccessible(callback: () => void, timeoutMs = 1000): void {
  const root = document.getElementById("root");
  const hidden = () => root?.getAttribute("aria-hidden") === "true";
  if (!hidden()) {
    callback();
    return;
  }
  let called = false;
  const done = () => {
    if (called) return;
    called = true;
    observer.disconnect();
    clearTimeout(timer);
    callback();
  };
  const observer = new MutationObserver(() => {
    if (!hidden()) done();
  });
  const timer = setTimeout(done, timeoutMs);
  if (root) observer.observe(root, { attributes: true, attributeFilter: ["aria-hidden"] });
}
