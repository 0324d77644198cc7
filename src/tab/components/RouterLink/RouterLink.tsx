import { Link } from "@fluentui/react-components";
import type { MouseEvent, ReactNode } from "react";
import { Link as WouterLink } from "wouter";

/** Props of {@link RouterLink}. */
export interface RouterLinkProps {
  /** A tab path such as `/tab/library`. */
  href: string;
  children: ReactNode;
  className?: string;
  /** History state for the page navigated to (such as "came from the library's results"). */
  state?: unknown;
  /** Runs before navigation; call `preventDefault()` to handle the click yourself. */
  onClick?: (event: MouseEvent<HTMLAnchorElement>) => void;
}

/**
 * A Fluent link that moves between the tab's pages without reloading the tab (wouter handles the
 * click; a middle or modifier click still opens a new browser tab, as a real link does).
 */
export function RouterLink({ href, children, className, state, onClick }: RouterLinkProps) {
  return (
    <WouterLink href={href} state={state} asChild onClick={onClick}>
      <Link className={className}>{children}</Link>
    </WouterLink>
  );
}
