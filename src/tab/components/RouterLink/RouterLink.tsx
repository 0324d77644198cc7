import { Link, type LinkProps } from "@fluentui/react-components";
import { Link as WouterLink } from "wouter";

/** Props of {@link RouterLink}: a Fluent link to a tab path. */
export type RouterLinkProps = Omit<LinkProps, "href"> & {
  /** A tab path such as `/tab/library`. */
  href: string;
};

/**
 * A Fluent link that moves between the tab's pages without reloading the tab (wouter handles the
 * click; a middle or modifier click still opens a new browser tab, as a real link does).
 */
export function RouterLink({ href, ...props }: RouterLinkProps) {
  return (
    <WouterLink href={href} asChild>
      <Link {...props} />
    </WouterLink>
  );
}
