/**
 * Catches an error thrown while a screen (or the item panel) renders, and shows it in that screen's place
 * with a way to try again: one failing screen never takes the header, the navigation or the rest of the
 * app down with it.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface ErrorBoundaryProps {
  /** What failed, said to the user: "the backlog", "the item panel". */
  what: string;
  /** When this changes (e.g. the address), a failed screen gets a fresh try: the user moved on. */
  resetKey?: unknown;
  /** The class of the element shown instead: where the screen would have been. */
  className?: string;
  /** Called when the user asks to reload the failed screen, before it renders again. */
  onReset?: () => void;
  children: ReactNode;
}

interface ErrorBoundaryState {
  error: Error | null;
  resetKey: unknown;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(
    props: ErrorBoundaryProps,
    state: ErrorBoundaryState,
  ): Partial<ErrorBoundaryState> | null {
    if (Object.is(props.resetKey, state.resetKey)) return null;
    return { error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept in the console for a bug report: the screen shows only the message.
    console.warn(`Cairn: ${this.props.what} failed to show`, error, info.componentStack);
  }

  private readonly reset = () => {
    this.props.onReset?.();
    this.setState({ error: null });
  };

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section className={`screen-error ${this.props.className ?? ''}`} role="alert">
        <h2>Something went wrong showing {this.props.what}</h2>
        <p className="screen-error-message">{error.message || 'An unexpected error.'}</p>
        <p className="hint">Nothing you saved is lost. The rest of Cairn still works.</p>
        <button type="button" className="primary" onClick={this.reset}>
          Reload this screen
        </button>
      </section>
    );
  }
}
