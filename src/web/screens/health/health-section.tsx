/**
 * A part of the health screen: a titled region that fails on its own (an error shows in its place, the
 * other parts stay), and the loading and error lines of the report it shows.
 */
import { type ReactNode, useId } from 'react';
import { ErrorBoundary } from '../../components/error-boundary.tsx';
import { messageOf } from './health-text.ts';

export function HealthSection({
  title,
  className,
  actions,
  children,
}: {
  title: string;
  className?: string;
  /** Controls beside the title (e.g. the unit switch). */
  actions?: ReactNode;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section className={`health-card ${className ?? ''}`} aria-labelledby={headingId}>
      <div className="health-card-head">
        <h2 id={headingId}>{title}</h2>
        {actions}
      </div>
      <ErrorBoundary what={title.toLowerCase()} className="health-failed">
        {children}
      </ErrorBoundary>
    </section>
  );
}

/**
 * "Loading the forecast…", or why it could not be read. When an earlier answer is still shown below, the
 * error says so rather than replacing it.
 */
export function ReportState({
  what,
  loading,
  error,
  hasData,
}: {
  what: string;
  loading: boolean;
  error: unknown;
  hasData: boolean;
}) {
  if (error) {
    return (
      <p className="form-error" role="alert">
        The {what} could not be loaded: {messageOf(error)}
        {hasData && ' What follows is from the last time it could.'}
      </p>
    );
  }
  if (loading && !hasData) {
    return (
      <p className="hint" aria-busy="true">
        Loading the {what}…
      </p>
    );
  }
  return null;
}
