import { Component, type ErrorInfo, type ReactNode } from "react";
import { reportStartupFailure } from "../teams/teamsHost.js";

/** Props of {@link PageErrorBoundary}. */
export interface PageErrorBoundaryProps {
  children: ReactNode;
  /** Rendered instead of the page once it has failed. */
  fallback: ReactNode;
}

interface PageErrorBoundaryState {
  failed: boolean;
}

/**
 * Catches a page that fails to render or whose code chunk fails to download (a lazy import on a
 * flaky connection), so people see a message instead of a blank tab and Teams hears why.
 */
export class PageErrorBoundary extends Component<PageErrorBoundaryProps, PageErrorBoundaryState> {
  override state: PageErrorBoundaryState = { failed: false };

  static getDerivedStateFromError(): PageErrorBoundaryState {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error("PeerCircle: a page failed to render", error, info.componentStack);
    reportStartupFailure(error);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
