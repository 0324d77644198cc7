import { Card, type CardProps } from "@fluentui/react-components";
import type { FormHTMLAttributes } from "react";

/** Props of {@link ContentCard}: Fluent's Card props, and the element that carries its meaning. */
export type ContentCardProps = Omit<CardProps, "as"> &
  Pick<FormHTMLAttributes<HTMLFormElement>, "noValidate"> & {
    /**
     * The element the card is: a list item, an article, a named section, a form.
     * @default "div"
     */
    as?: "div" | "section" | "article" | "li" | "form";
  };

/**
 * Fluent's `Card` (its surface, shadow, radius, high-contrast edge and spacing) as the element the
 * content needs. Fluent renders whatever `as` names, but its types allow only `div`, and it marks
 * every card `role="group"`, which would hide a list item's or an article's own role; the card
 * takes the role it is given, or the element's own.
 */
export function ContentCard({ as = "div", role, ...props }: ContentCardProps) {
  const cardProps = { ...props, as, role } as CardProps;
  return <Card {...cardProps} />;
}
