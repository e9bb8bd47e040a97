/**
 * An imported chart's origin in the header (facility, attending, location), and the
 * "Source changed after submit" flag: what the source changed, and, once the chart is
 * reopened, the button that applies it.
 */
import type { ChartDetail, ChartSource } from '../../../shared/domain';
import { ErrorText } from '../../components/ErrorText';
import { useSession } from '../session/session-store';
import { useSourceChanges } from './source-changes';
import { pendingText } from './source-text';
import './source.css';

export function SourceFacts({ source }: { source: ChartSource }) {
  const facts: [string, string | null][] = [
    ['Facility', source.facility],
    ['Attending', source.attending],
    ['Location', source.location],
  ];
  return (
    <>
      {facts.map(([label, value]) =>
        value ? (
          <div className="fact" key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ) : null,
      )}
    </>
  );
}

/** The flag in the header row; nothing for a chart whose source has not changed after submit. */
export function SourceChangedFlag({ detail }: { detail: ChartDetail }) {
  const role = useSession((s) => s.status?.profile?.role ?? null);
  const busy = useSourceChanges((s) => s.busy);
  const error = useSourceChanges((s) => s.error);
  const source = detail.source;
  if (!source?.changedAfterSubmitAt) return null;
  const what = source.pending ? pendingText(source.pending) : '';
  const canApply = detail.status !== 'submitted' && (role === 'coder' || role === 'auditor');
  return (
    <>
      <span
        className="badge badge-source-changed"
        title={`${source.changedAfterSubmitAt.slice(0, 10)}: ${what}. Nothing was applied.${canApply ? '' : ' Reopen the chart for correction to apply it.'}`}
      >
        Source changed after submit
      </span>
      {canApply ? (
        <button type="button" onClick={() => void useSourceChanges.getState().apply(detail.id)} disabled={busy}>
          {busy ? 'Applying…' : 'Apply source changes'}
        </button>
      ) : null}
      <ErrorText message={error} />
    </>
  );
}

/** The change itself, spelled out under the header facts. */
export function SourceChangeFact({ source, submitted }: { source: ChartSource; submitted: boolean }) {
  if (!source.changedAfterSubmitAt || !source.pending) return null;
  return (
    <div className="fact fact-source-changed">
      <dt>Source changed after submit</dt>
      <dd>
        {source.changedAfterSubmitAt.slice(0, 10)}: {pendingText(source.pending)}
        {submitted ? ' — reopen for correction to apply' : ''}
      </dd>
    </div>
  );
}
