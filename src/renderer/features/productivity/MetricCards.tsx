/** The period's headline figures, each beside the same figure for the period before it. */
import type { MetricId } from '../../../shared/metrics';
import type { ProductivityReport, Totals } from '../../../shared/productivity';
import { MetricLabel } from './MetricLabel';

interface Card {
  id: MetricId;
  value: (t: Totals) => number | null;
  unit?: string;
  /** Lower is better (turnaround, backlog): the change is judged the other way round. */
  lowerIsBetter?: boolean;
}

const CARDS: readonly Card[] = [
  { id: 'charts_submitted', value: (t) => t.submitted },
  { id: 'weighted_units', value: (t) => t.weightedUnits },
  { id: 'charts_per_active_hour', value: (t) => t.chartsPerActiveHour },
  { id: 'active_minutes_per_chart', value: (t) => t.activeMinutesPerChart, unit: 'min', lowerIsBetter: true },
  { id: 'turnaround_assigned_hours', value: (t) => t.turnaroundAssignedHours, unit: 'h', lowerIsBetter: true },
  { id: 'turnaround_service_days', value: (t) => t.turnaroundServiceDays, unit: 'd', lowerIsBetter: true },
  { id: 'holds_raised', value: (t) => t.holds },
  { id: 'queries_raised', value: (t) => t.queriesRaised },
];

const show = (n: number | null, unit?: string): string => (n === null ? '—' : `${n.toLocaleString()}${unit ? ` ${unit}` : ''}`);

function change(now: number | null, before: number | null, lowerIsBetter: boolean | undefined): { text: string; tone: string } | null {
  if (now === null || before === null || now === before) return null;
  const delta = Math.round((now - before) * 100) / 100;
  const better = lowerIsBetter ? delta < 0 : delta > 0;
  return { text: `${delta > 0 ? '+' : ''}${delta.toLocaleString()}`, tone: better ? 'up' : 'down' };
}

export function MetricCards({ report }: { report: ProductivityReport }) {
  return (
    <ul className="metric-cards" aria-label="Figures for the period">
      {CARDS.map((card) => {
        const now = card.value(report.team);
        const before = card.value(report.previous.team);
        const delta = change(now, before, card.lowerIsBetter);
        return (
          <li key={card.id} className="metric-card">
            <MetricLabel id={card.id} />
            <span className="metric-value">{show(now, card.unit)}</span>
            <span className="metric-before">
              before: {show(before, card.unit)}
              {delta ? <span className={`metric-delta metric-delta-${delta.tone}`}> ({delta.text})</span> : null}
            </span>
          </li>
        );
      })}
      <li className="metric-card">
        <MetricLabel id="accuracy_code_level" />
        <span className="metric-value">{show(report.team.accuracyCodeLevel, '%')}</span>
        <span className="metric-before">
          <MetricLabel id="accuracy_record_level" short="record level" />: {show(report.team.accuracyRecordLevel, '%')}
        </span>
      </li>
      <li className="metric-card">
        <MetricLabel id="backlog_count" />
        <span className="metric-value">{report.backlog.count.toLocaleString()}</span>
        <span className="metric-before">
          <MetricLabel id="backlog_age_days" short="oldest" />: {show(report.backlog.oldestAgeDays, 'd')}, median {show(report.backlog.medianAgeDays, 'd')}
        </span>
      </li>
    </ul>
  );
}
