/** How a chart import ended: the counts, then every refused resource by file, line and reason. */
import type { ChartImportProgress, ChartImportSummary } from '../../../shared/chart-import';
import { baseName } from '../codesets/import-progress';

const count = (n: number): string => n.toLocaleString('en-US');

export function ChartImportProgressView({ progress }: { progress: ChartImportProgress | null }) {
  return (
    <div className="import-progress" aria-live="polite">
      {/* No value: an export does not say how many resources it holds until it is read. */}
      <progress aria-label="Import progress" max={1} />
      <div className="import-progress-text">
        <span>{progress ? `${count(progress.itemsRead)} resources read` : 'Reading…'}</span>
        <span className="muted">
          {progress ? `${count(progress.chartsWritten)} charts and ${count(progress.documentsWritten)} documents written · ${count(progress.refused)} refused` : ''}
        </span>
      </div>
    </div>
  );
}

export function ChartImportSummaryView({ summary }: { summary: ChartImportSummary }) {
  const d = summary.documents;
  return (
    <section className="import-result" aria-label="Import summary">
      <p className="import-result-head" role="status">
        Import finished: {count(summary.created)} charts created, {count(summary.updated)} updated, {count(summary.unchanged)} unchanged
        {summary.flagged ? `, ${count(summary.flagged)} flagged` : ''}; {count(summary.refused.length)} refused.
      </p>
      <table className="codesets-table" aria-label="Imported">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col" className="num">Created</th>
            <th scope="col" className="num">Updated</th>
            <th scope="col" className="num">Unchanged</th>
            <th scope="col" className="num">Flagged</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Charts</th>
            <td className="num">{count(summary.created)}</td>
            <td className="num">{count(summary.updated)}</td>
            <td className="num">{count(summary.unchanged)}</td>
            <td className="num">{count(summary.flagged)}</td>
          </tr>
          <tr>
            <th scope="row">Documents</th>
            <td className="num">{count(d.created)}</td>
            <td className="num">{count(d.updated)}</td>
            <td className="num">{count(d.unchanged)}</td>
            <td className="num">{count(d.flagged)}</td>
          </tr>
        </tbody>
      </table>
      {summary.flagged > 0 ? (
        <p className="codesets-warn">
          Flagged: the source changed after these charts were submitted. Nothing was applied; each shows “Source changed after submit” in the
          queue and can take the change once reopened.
        </p>
      ) : null}
      {summary.refused.length > 0 ? <Refusals summary={summary} /> : null}
    </section>
  );
}

function Refusals({ summary }: { summary: ChartImportSummary }) {
  return (
    <>
      <h3>Refused — {summary.note}</h3>
      <table className="codesets-table" aria-label="Refused resources">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col" className="num">Line</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {summary.refused.map((r, i) => (
            <tr key={`${r.file}|${r.line ?? ''}|${i}`}>
              <td className="codesets-file" title={r.file}>
                {baseName(r.file)}
              </td>
              <td className="num">{r.line ?? '—'}</td>
              <td>{r.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
