/** A metric's name with its definition one hover (or one Tab) away: formula, unit and what it leaves out. */
import { useId } from 'react';
import { metricDefinition, type MetricId } from '../../../shared/metrics';

export function MetricLabel({ id, short }: { id: MetricId; short?: string }) {
  const m = metricDefinition(id);
  const tipId = useId();
  return (
    <span className="metric-label" tabIndex={0} aria-describedby={tipId}>
      {short ?? m.label}
      <span role="tooltip" id={tipId} className="metric-tip">
        <strong>{m.label}</strong> ({m.unit}). {m.formula} <em>Leaves out:</em> {m.excludes}
      </span>
    </span>
  );
}
