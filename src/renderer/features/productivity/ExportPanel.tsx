/** A supervisor's export of the figures on screen (same period and coder) as CSV or XLSX, to a new file. */
import { ErrorText } from '../../components/ErrorText';
import { useProductivity, type ExportFormat } from './productivity-store';

export function ExportPanel() {
  const path = useProductivity((s) => s.exportPath);
  const exporting = useProductivity((s) => s.exporting);
  const exported = useProductivity((s) => s.exported);
  const error = useProductivity((s) => s.exportError);
  const store = useProductivity.getState;
  const write = (format: ExportFormat) => void store().exportAs(format);
  return (
    <section className="productivity-export" aria-labelledby="productivity-export-title">
      <h2 id="productivity-export-title">Export these figures</h2>
      <label className="field">
        <span>New file (full path)</span>
        <input
          value={path}
          onChange={(e) => store().setExportPath(e.target.value)}
          placeholder="/home/me/productivity.xlsx"
          spellCheck={false}
          aria-describedby="productivity-export-hint"
        />
      </label>
      <div className="button-row">
        <button type="button" disabled={exporting} onClick={() => write('xlsx')}>
          Export XLSX
        </button>
        <button type="button" disabled={exporting} onClick={() => write('csv')}>
          Export CSV
        </button>
      </div>
      <p id="productivity-export-hint" className="field-hint">
        Ids, names of the team and counts only; no patient data. The XLSX has a Definitions sheet with every formula. Each export is on the audit trail.
      </p>
      <ErrorText message={error} />
      {exported ? (
        <p className="settings-done" role="status">
          {exported}
        </p>
      ) : null}
    </section>
  );
}
