/** Code sets: what is installed (and from which release), and importing official files with progress and a summary. */
import { useEffect } from 'react';
import { useRoute } from '../../app/route-store';
import { ImportForm } from './ImportForm';
import { ImportProgressBar } from './ImportProgressBar';
import { ImportFailureView, ImportSummaryView } from './ImportResult';
import { InstalledCodeSets } from './InstalledCodeSets';
import { useImport } from './import-store';
import { useVersions } from './versions-store';
import './codesets.css';

export function CodeSetsScreen() {
  const versions = useVersions((s) => s.versions);
  const files = useImport((s) => s.sourceFiles);
  const running = useImport((s) => s.running);
  const progress = useImport((s) => s.progress);
  const summary = useImport((s) => s.summary);
  const failure = useImport((s) => s.failure);

  useEffect(() => {
    void useVersions.getState().load();
    void useImport.getState().loadSourceFiles();
  }, []);

  return (
    <main className="codesets-screen" aria-label="Code sets">
      <div className="screen-toolbar">
        <h1>Code sets</h1>
        <span className="toolbar-spacer" />
        <button type="button" onClick={() => useRoute.getState().showQueue()} disabled={running}>
          Back to queue
        </button>
      </div>
      <div className="codesets-body">
        <section className="codesets-panel" aria-labelledby="codesets-installed">
          <h2 id="codesets-installed">Installed</h2>
          <InstalledCodeSets versions={versions} files={files} />
          {files.length > 0 ? <ImportedFiles /> : null}
        </section>
        <section className="codesets-panel" aria-labelledby="codesets-import">
          <h2 id="codesets-import">Import official files</h2>
          <ImportForm />
          {running ? <ImportProgressBar progress={progress} /> : null}
          {failure ? <ImportFailureView failure={failure} /> : null}
          {summary ? <ImportSummaryView summary={summary} /> : null}
        </section>
      </div>
    </main>
  );
}

/** Every official file imported so far (code lists and edit tables), with the release it matched. */
function ImportedFiles() {
  const files = useImport((s) => s.sourceFiles);
  return (
    <>
      <h3>Official files imported</h3>
      <table className="codesets-table" aria-label="Imported official files">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Release</th>
            <th scope="col">Imported</th>
          </tr>
        </thead>
        <tbody>
          {files.map((f) => (
            <tr key={`${f.file}|${f.importedAt}`}>
              <td className="codesets-file">{f.file}</td>
              <td className={f.release ? undefined : 'codesets-warn'}>{f.release ?? 'Unverified'}</td>
              <td className="codesets-dates">{f.importedAt.slice(0, 16).replace('T', ' ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
