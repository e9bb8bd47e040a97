/** Who and what this chart is, which code set applies, and the chart's actions. */
import { useQueries } from '../queries/query-store';
import { useMemo } from 'react';
import type { ChartDetail, CodeSystem } from '../../../shared/domain';
import { HOLD_REASON_LABELS, SETTING_LABELS, SEX_LABELS, STATUS_LABELS, SYSTEM_LABELS } from '../../lib/labels';
import { useCoding } from '../coding/coding-store';
import { SaveIndicator } from '../coding/SaveIndicator';
import { versionInForce, versionLabel } from '../codesets/versions';
import { useVersions } from '../codesets/versions-store';
import { ReopenAction, VersionTag } from './ReopenAction';
import { SourceChangedFlag, SourceChangeFact, SourceFacts } from './ChartSource';
import { useWorkflow } from './workflow-store';

/** Diagnoses always; procedures by setting (PCS inpatient, CPT/HCPCS elsewhere). */
function systemsFor(detail: ChartDetail): CodeSystem[] {
  return detail.setting === 'inpatient' ? ['icd10cm', 'icd10pcs'] : ['icd10cm', 'hcpcs', 'cpt'];
}

export function ChartHeader(props: { detail: ChartDetail; readOnly: boolean; onBack(): void; onHold(): void; onQueries(): void }) {
  const { detail, readOnly } = props;
  const queriesOpen = useQueries((s) => s.open);
  const openQueries = useQueries((s) => s.queries.filter((q) => q.status === 'sent').length);
  const versions = useVersions((s) => s.versions);
  const busy = useWorkflow((s) => s.busy);
  const versionLine = useMemo(
    () =>
      systemsFor(detail)
        .map((system) => {
          const v = versionInForce(versions, system, detail.codingDate);
          return v ? `${SYSTEM_LABELS[system]} ${versionLabel(v)}` : null;
        })
        .filter((text): text is string => text !== null)
        .join(' · '),
    [versions, detail],
  );
  const inpatient = detail.setting === 'inpatient';
  // The first saved draft moves a new chart to "in progress" in the database; show it at once.
  const hasDraft = useCoding((s) => s.chartId === detail.id && s.revision > 0);
  const status = detail.status === 'new' && hasDraft ? 'in_progress' : detail.status;

  return (
    <header className="chart-header">
      <div className="chart-header-row">
        <button type="button" onClick={props.onBack} title="Back to the queue (Esc)">
          ← Queue
        </button>
        <h1 className="chart-title">
          <span className="patient-name">{detail.patientName}</span>
          <span className="patient-demo">
            {detail.patientAge} y · {SEX_LABELS[detail.patientSex]}
          </span>
        </h1>
        <span className={`status status-${status}`}>{STATUS_LABELS[status]}</span>
        <VersionTag detail={detail} />
        <SourceChangedFlag detail={detail} />
        <span className="header-spacer" />
        <SaveIndicator />
        <ReopenAction detail={detail} />
        {detail.status === 'on_hold' ? (
          <button type="button" onClick={() => void useWorkflow.getState().release(detail.id)} disabled={busy !== null || readOnly}>
            Release hold
          </button>
        ) : (
          <button type="button" onClick={props.onHold} disabled={busy !== null || readOnly}>
            Hold…
          </button>
        )}
        <button type="button" onClick={props.onQueries} aria-pressed={queriesOpen}>
          Queries{openQueries > 0 ? ` (${openQueries} waiting)` : ''}
        </button>
        <button type="button" onClick={() => void useWorkflow.getState().next(detail.id)} disabled={busy !== null} title="Alt+N">
          Next chart
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => void useWorkflow.getState().submit(detail.id)}
          disabled={busy !== null || readOnly}
          title="Ctrl+Enter"
        >
          {busy === 'submit' ? 'Submitting…' : 'Submit'}
        </button>
      </div>
      <dl className="chart-facts">
        <Fact label="Chart" value={detail.id} />
        <Fact label="Setting" value={SETTING_LABELS[detail.setting]} />
        <Fact label={inpatient ? 'Admitted' : 'Service'} value={detail.admitDate} />
        {inpatient ? <Fact label="Discharged" value={detail.dischargeDate} /> : null}
        <Fact label="Payer" value={detail.payer} />
        {detail.source ? <SourceFacts source={detail.source} /> : null}
        <Fact label="Coding date" value={detail.codingDate} />
        <Fact label="Code set" value={versionLine || 'No code set installed for this date'} />
        {detail.holdReason ? (
          <Fact label="On hold" value={`${HOLD_REASON_LABELS[detail.holdReason]}${detail.holdNote ? `: ${detail.holdNote}` : ''}`} />
        ) : null}
        {detail.source ? <SourceChangeFact source={detail.source} submitted={detail.status === 'submitted'} /> : null}
      </dl>
    </header>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
