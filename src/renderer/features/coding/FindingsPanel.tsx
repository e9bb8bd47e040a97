/** coding.validate findings after each save: errors first (red), then warnings (amber). */
import type { ValidationProblem } from '../../../shared/domain';
import { useCoding } from './coding-store';
import './coding.css';

export function sortProblems(problems: readonly ValidationProblem[]): ValidationProblem[] {
  return [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

export function ProblemList({ problems }: { problems: readonly ValidationProblem[] }) {
  return (
    <ul className="problem-list">
      {sortProblems(problems).map((p, i) => (
        <li key={`${p.rule}:${p.codes.join(',')}:${i}`} className={`problem ${p.severity}`}>
          <span className="problem-severity">{p.severity === 'error' ? 'Error' : 'Warning'}</span>
          <span className="problem-message">{p.message}</span>
          {p.codes.length > 0 ? <span className="problem-codes">{p.codes.join(', ')}</span> : null}
        </li>
      ))}
    </ul>
  );
}

export function FindingsPanel() {
  const problems = useCoding((s) => s.problems);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;

  return (
    <section className="coded-section findings" aria-labelledby="findings-title">
      <h2 id="findings-title" className="pane-title">
        Edits{' '}
        <span className="count">
          {problems.length === 0 ? 'none' : `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`}
        </span>
      </h2>
      {problems.length > 0 ? <ProblemList problems={problems} /> : null}
    </section>
  );
}
