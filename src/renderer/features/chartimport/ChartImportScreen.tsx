/** Import charts: hospital exports (FHIR R4, HL7 v2) in, with progress and a summary that lists every refusal. */
import { useRoute } from '../../app/route-store';
import { ChartImportForm } from './ChartImportForm';
import { ChartImportProgressView, ChartImportSummaryView } from './ChartImportResult';
import { useChartImport } from './chart-import-store';
import '../codesets/codesets.css';
import './chart-import.css';

export function ChartImportScreen() {
  const running = useChartImport((s) => s.running);
  const progress = useChartImport((s) => s.progress);
  const summary = useChartImport((s) => s.summary);
  const failure = useChartImport((s) => s.failure);

  return (
    <main className="codesets-screen" aria-label="Import charts">
      <div className="screen-toolbar">
        <h1>Import charts</h1>
        <span className="toolbar-spacer" />
        <button type="button" onClick={() => useRoute.getState().showQueue()} disabled={running}>
          Back to queue
        </button>
      </div>
      <div className="codesets-body">
        <section className="codesets-panel" aria-labelledby="chartimport-from">
          <h2 id="chartimport-from">From hospital exports</h2>
          <ChartImportForm />
          {running ? <ChartImportProgressView progress={progress} /> : null}
          {failure ? (
            <section className="import-result import-failed" aria-label="Import failed" role="alert">
              <p className="import-result-head">Import failed.</p>
              <p>{failure}</p>
              <p className="muted">Every path is checked before any chart is read. Importing again once it is fixed changes nothing already imported.</p>
            </section>
          ) : null}
        </section>
        <section className="codesets-panel" aria-labelledby="chartimport-result">
          <h2 id="chartimport-result">Result</h2>
          {summary ? (
            <ChartImportSummaryView summary={summary} />
          ) : (
            <p className="muted chartimport-explain">
              Each encounter becomes a chart (priority 3, due three days after discharge). A chart already imported is updated when the source
              changed, unless it is submitted: then it is flagged “Source changed after submit” and nothing is applied. Resources that cannot be
              imported are listed here by file, line and reason; the rest of each file still imports.
            </p>
          )}
        </section>
      </div>
    </main>
  );
}
