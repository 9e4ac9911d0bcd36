/**
 * A sprint's start and end inputs, flagging dates the server would refuse (the end before the start, more
 * than 8 weeks, outside the date window) as the user picks them, with the server's own rule and words.
 */
import { useId } from 'react';
import { EARLIEST_DATE, LATEST_DATE } from '../../../domain/calendar.ts';
import { sprintDatesProblem } from '../../../domain/sprint-rules.ts';

interface Props {
  startDate: string;
  endDate: string;
  onStart: (event: { target: { value: string } }) => void;
  onEnd: (event: { target: { value: string } }) => void;
  /** False: the dates are as stored and not checked (a sprint from before the 8-week rule). */
  check?: boolean;
}

export function SprintDateInputs({ startDate, endDate, onStart, onEnd, check = true }: Props) {
  const id = useId();
  const problem = check ? sprintDatesProblem({ startDate, endDate }) : null;
  const errorId = `${id}-dates-error`;
  // The window as min/max only while checking: a stored date outside it would block the browser's submit.
  const bounds = check ? { min: EARLIEST_DATE, max: LATEST_DATE } : {};
  const invalid = (field: 'startDate' | 'endDate') =>
    problem?.field === field ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
  return (
    <>
      <div className="sprint-form-row">
        <label>
          Start
          <input
            type="date"
            required
            {...bounds}
            value={startDate}
            onChange={onStart}
            {...invalid('startDate')}
          />
        </label>
        <label>
          End
          <input type="date" required {...bounds} value={endDate} onChange={onEnd} {...invalid('endDate')} />
        </label>
      </div>
      {problem && (
        <p className="form-error" id={errorId} role="alert">
          {problem.field}: {problem.message}
        </p>
      )}
    </>
  );
}
