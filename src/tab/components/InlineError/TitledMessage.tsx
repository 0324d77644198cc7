import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  type MessageBarIntent,
  MessageBarTitle,
} from "@fluentui/react-components";
import type { ReactNode } from "react";

/** Props of {@link TitledMessage}. */
export interface TitledMessageProps {
  intent: MessageBarIntent;
  /** What happened, in a few words. */
  title: string;
  /** Why, and what the person can do. */
  children: ReactNode;
  /** One button beside the message (Retry, Load the latest version). */
  action?: { label: string; onClick: () => void; pending?: boolean } | undefined;
}

/** A message inside a page: its title, its sentence, and at most one action. */
export function TitledMessage({ intent, title, children, action }: TitledMessageProps) {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle> {children}
      </MessageBarBody>
      {action && (
        <MessageBarActions>
          <Button onClick={action.onClick} disabledFocusable={action.pending}>
            {action.label}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
