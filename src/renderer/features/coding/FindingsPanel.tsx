/**
 * coding.validate findings, live after each save: grouped by severity (errors block submit,
 * warnings need an acknowledgement, notes say which edits could not run), each with its source;
 * clicking one highlights the codes it involves.
 */
import type { ValidationProblem } from '../../../shared/domain';
import { useCoding } from './coding-store';
import { useFindingsFocus } from './findings-focus-store';
import './coding.css';

export function sortProblems(problems: readonly ValidationProblem[]): ValidationProblem[] {
  const rank = { error: 0, warning: 1, note: 2 } as const;
  return [...problems].sort((a, b) => rank[a.severity] - rank[b.severity]);
}

const SEVERITY_LABELS = { error: 'Error', warning: 'Warning', note: 'Not run' } as const;

const keyOf = (p: ValidationProblem): string => `${p.rule}|${p.codes.join(',')}`;

export function ProblemList({ problems, interactive = false }: { problems: readonly ValidationProblem[]; interactive?: boolean }) {
  const focused = useFindingsFocus((s) => s.focused);
  return (
    <ul className="problem-list">
      {sortProblems(problems).map((p, i) => {
        const key = keyOf(p);
        const body = (
          <>
            <span className="problem-severity">{SEVERITY_LABELS[p.severity]}</span>
            <span className="problem-message">
              {p.message}
              {p.source ? <span className="problem-source">Source: {p.source}</span> : null}
            </span>
            {p.codes.length > 0 ? <span className="problem-codes">{p.codes.join(', ')}</span> : null}
          </>
        );
        return (
          <li key={`${key}:${i}`} className={`problem ${p.severity}${focused === key ? ' focused' : ''}`}>
            {interactive && p.codes.length > 0 ? (
              <button
                type="button"
                className="problem-button"
                aria-pressed={focused === key}
                title="Highlight the codes involved"
                onClick={() => useFindingsFocus.getState().toggle(key, p.codes)}
              >
                {body}
              </button>
            ) : (
              body
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function FindingsPanel() {
  const problems = useCoding((s) => s.problems);
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const notes = problems.filter((p) => p.severity === 'note');
  const counted = errors.length + warnings.length;

  return (
    <section className="coded-section findings" aria-labelledby="findings-title">
      <h2 id="findings-title" className="pane-title">
        Edits{' '}
        <span className="count">
          {counted === 0
            ? 'none'
            : `${errors.length} ${errors.length === 1 ? 'error' : 'errors'}, ${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}`}
          {notes.length > 0 ? ` · ${notes.length} not run` : ''}
        </span>
      </h2>
      {errors.length > 0 ? (
        <div role="group" aria-label="Errors (block submit)">
          <h3 className="findings-group">Errors — fix before submitting</h3>
          <ProblemList problems={errors} interactive />
        </div>
      ) : null}
      {warnings.length > 0 ? (
        <div role="group" aria-label="Warnings">
          <h3 className="findings-group">Warnings — review</h3>
          <ProblemList problems={warnings} interactive />
        </div>
      ) : null}
      {notes.length > 0 ? (
        <div role="group" aria-label="Not checked">
          <h3 className="findings-group muted">Not checked — no acknowledgement needed</h3>
          <ProblemList problems={notes} interactive={false} />
        </div>
      ) : null}
    </section>
  );
}
