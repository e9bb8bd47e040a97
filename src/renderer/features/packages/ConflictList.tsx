/** Open conflicts: home's version and the package's side by side, resolved by a person (audited in main). */
import type { ChartWorkState, PackageConflict } from '../../../shared/packages';

const codes = (s: ChartWorkState): string =>
  s.coding ? [...s.coding.diagnoses.map((d) => d.code), ...s.coding.procedures.map((p) => p.code)].join(', ') || 'no codes' : 'no draft';

function Side({ title, state }: { title: string; state: ChartWorkState }) {
  return (
    <div className="packages-side">
      <h4>{title}</h4>
      <dl>
        <dt>Status</dt>
        <dd>{state.status.replace('_', ' ')}{state.holdReason ? ` (${state.holdReason.replace('_', ' ')})` : ''}</dd>
        <dt>Version</dt>
        <dd>{state.version}</dd>
        <dt>Codes</dt>
        <dd>{codes(state)}</dd>
        <dt>Submitted</dt>
        <dd>{state.submissions.length ? state.submissions.map((s) => `v${s.version}`).join(', ') : 'no'}</dd>
      </dl>
    </div>
  );
}

export function ConflictList({ conflicts, onResolve }: { conflicts: PackageConflict[]; onResolve(id: number, keep: 'home' | 'package'): void }) {
  if (conflicts.length === 0) return <p className="packages-empty">No conflicts.</p>;
  return (
    <ul className="packages-conflicts" aria-label="Conflicts">
      {conflicts.map((c) => (
        <li key={c.id} aria-label={`Conflict on ${c.chartId}`}>
          <p>
            <strong>{c.chartId}</strong> changed here and in the result from {c.from}.
          </p>
          <div className="packages-sides">
            <Side title="Home" state={c.home} />
            <Side title="Package" state={c.package} />
          </div>
          <div className="packages-buttons">
            <button type="button" onClick={() => onResolve(c.id, 'home')}>
              Keep home
            </button>
            <button type="button" onClick={() => onResolve(c.id, 'package')}>
              Take package
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
