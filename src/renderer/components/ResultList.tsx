/** What an operation did, as label and value rows (a file path shown whole, in monospace). */
import './result-list.css';

export interface ResultRow {
  label: string;
  value: string;
  path?: boolean;
}

export function ResultList({ rows, label, className }: { rows: ResultRow[]; label?: string; className?: string }) {
  return (
    <dl className={className ? `result-list ${className}` : 'result-list'} aria-label={label}>
      {rows.map((r) => (
        <div key={r.label} className="result-row">
          <dt>{r.label}</dt>
          <dd className={r.path ? 'result-path' : undefined}>{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}
