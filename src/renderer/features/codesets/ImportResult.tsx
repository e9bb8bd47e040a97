/**
 * How an import ended: every file of the folders given, as imported (system, version, release,
 * rows), skipped (with why) or failed (with why, and what was imported before it).
 */
import type { ImportSummary } from '../../../shared/contract';
import { SYSTEM_LABELS } from '../../lib/labels';
import type { CodeSystem } from '../../../shared/domain';
import type { ImportFailure } from './import-store';
import { baseName } from './import-progress';

const count = (n: number): string => n.toLocaleString('en-US');
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;
const systemLabel = (system: string): string => SYSTEM_LABELS[system as CodeSystem] ?? system;

export function ImportSummaryView({ summary }: { summary: ImportSummary }) {
  const { files, skipped } = summary;
  return (
    <section className="import-result" aria-label="Import summary">
      <p className="import-result-head" role="status">
        Import finished: {plural(files.length, 'file', 'files')} imported, {plural(skipped.length, 'file', 'files')} skipped, in{' '}
        {summary.seconds.toFixed(1)} s.
      </p>
      {files.length > 0 ? (
        <table className="codesets-table" aria-label="Imported files">
          <thead>
            <tr>
              <th scope="col">Imported</th>
              <th scope="col">System</th>
              <th scope="col">Release</th>
              <th scope="col" className="num">
                Rows
              </th>
            </tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr key={f.path}>
                <td className="codesets-file" title={f.path}>
                  {baseName(f.path)}
                </td>
                <td>
                  {systemLabel(f.system)} {f.label}
                  {f.replaced ? <span className="muted"> (replaced)</span> : null}
                </td>
                <td className={f.release ? undefined : 'codesets-warn'}>{f.release ?? 'Unverified: matches no known official release'}</td>
                <td className="num">{count(f.codes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {skipped.length > 0 ? <SkippedTable skipped={skipped} /> : null}
    </section>
  );
}

function SkippedTable({ skipped }: { skipped: ImportSummary['skipped'] }) {
  return (
    <table className="codesets-table" aria-label="Skipped files">
      <thead>
        <tr>
          <th scope="col">Skipped</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {skipped.map((s) => (
          <tr key={s.path}>
            <td className="codesets-file" title={s.path}>
              {baseName(s.path)}
            </td>
            <td>{s.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ImportFailureView({ failure }: { failure: ImportFailure }) {
  return (
    <section className="import-result import-failed" aria-label="Import failed" role="alert">
      <p className="import-result-head">Import failed{failure.file ? ` on ${failure.file}` : ''}.</p>
      <p>{failure.reason ?? failure.message}</p>
      <p className="muted">
        {failure.importedBefore.length > 0
          ? `Imported whole before the failure: ${failure.importedBefore.join(', ')}. Nothing of ${failure.file ?? 'the failing file'} was kept.`
          : 'Nothing was changed: each file is imported whole or not at all.'}
      </p>
    </section>
  );
}
