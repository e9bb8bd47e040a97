/** What will be written (counts per format, the first chart as the chosen format writes it), where, and how it is protected. */
import { useId, useState } from 'react';
import { ErrorText } from '../../components/ErrorText';
import { EXPORT_FORMATS, EXPORT_FORMAT_LABELS, type ExportFormat, type ExportPreview } from '../../../shared/results';
import { formatBytes } from '../../lib/paths';
import { PlainConfirm } from './PlainConfirm';
import { blockedReason, useExport } from './export-store';

const EXTENSIONS: Record<ExportFormat, string> = { fhir: 'json', hl7: 'hl7', csv: 'csv' };

function countText(format: ExportFormat, preview: ExportPreview | null): string {
  if (!preview) return '';
  const n = (count: number, one: string, many: string) => `${count.toLocaleString()} ${count === 1 ? one : many}`;
  if (format === 'fhir') return n(preview.counts.fhir.claims, 'claim', 'claims');
  if (format === 'hl7') return `${n(preview.counts.hl7.messages, 'message', 'messages')}, ${n(preview.counts.hl7.segments, 'segment', 'segments')}`;
  return n(preview.counts.csv.rows, 'row', 'rows');
}

export function WritePanel() {
  const state = useExport();
  const { preview, format, plain, writing, done, error } = state;
  const [confirming, setConfirming] = useState(false);
  const titleId = useId();
  const blocked = blockedReason(state);
  const store = useExport.getState;

  return (
    <section className="export-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>What will be written</h2>
      <fieldset className="export-formats">
        <legend>Format</legend>
        {EXPORT_FORMATS.map((f) => (
          <label key={f} className={f === format ? 'option-row active' : 'option-row'}>
            <input type="radio" name="export-format" checked={f === format} onChange={() => store().setFormat(f)} />
            <span className="export-format-name">{EXPORT_FORMAT_LABELS[f]}</span>
            <span className="muted">{countText(f, preview)}</span>
          </label>
        ))}
      </fieldset>
      {preview?.sample ? (
        <div className="export-preview">
          <h3>
            Preview: chart {preview.sample.chartId} as {EXPORT_FORMAT_LABELS[format]}
          </h3>
          <pre aria-label="Preview of one record" tabIndex={0}>
            {preview.sample[format]}
          </pre>
        </div>
      ) : null}
      <form
        className="export-write"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void store().write();
        }}
      >
        <label className="field">
          <span>New file (full path)</span>
          <input
            value={state.path}
            onChange={(e) => store().setPath(e.target.value)}
            placeholder={`/media/usb/coded-results.${EXTENSIONS[format]}${plain ? '' : '.cdx'}`}
            autoComplete="off"
            spellCheck={false}
            className="export-path"
          />
        </label>
        {plain ? (
          <div className="notice warning export-plain" role="note">
            <strong>Plain file:</strong> anyone who has it can read the patient identifiers, dates and codes in it.{' '}
            <button type="button" className="link-button" onClick={() => store().setPlain(false)}>
              Encrypt it instead
            </button>
          </div>
        ) : (
          <div className="export-protect">
            <div className="export-passphrases">
              <label className="field">
                <span>Export passphrase</span>
                <input type="password" value={state.passphrase} autoComplete="new-password" onChange={(e) => store().setPassphrase(e.target.value, state.confirmPassphrase)} />
              </label>
              <label className="field">
                <span>Again</span>
                <input type="password" value={state.confirmPassphrase} autoComplete="new-password" onChange={(e) => store().setPassphrase(state.passphrase, e.target.value)} />
              </label>
            </div>
            <p className="field-hint">
              The file is encrypted; whoever opens it needs this passphrase (not your CodeDesk one) and{' '}
              <code>codedesk results decrypt</code>.{' '}
              <button type="button" className="link-button" onClick={() => setConfirming(true)}>
                Write a plain file instead…
              </button>
            </p>
          </div>
        )}
        <div className="export-actions">
          <span className="muted">{writing || done ? '' : blocked}</span>
          <button type="submit" className="primary" disabled={writing || blocked !== null}>
            {writing ? 'Writing…' : `Write ${format === 'fhir' ? 'FHIR' : format.toUpperCase()} file`}
          </button>
        </div>
      </form>
      <ErrorText message={error} />
      {done ? (
        <p className="settings-done export-done" role="status">
          Wrote {done.charts} {done.charts === 1 ? 'chart' : 'charts'} ({done.codes} codes, {formatBytes(done.bytes)}) to {done.path},{' '}
          {done.encrypted ? 'encrypted.' : 'plain: anyone who has the file can read it.'} The export is on the audit trail.
        </p>
      ) : null}
      {confirming ? (
        <PlainConfirm
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            store().setPlain(true);
          }}
        />
      ) : null}
    </section>
  );
}
