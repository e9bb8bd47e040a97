/** Where to import code sets from (folders or files, one per line), and whether unverified files may come too. */
import { PathsField } from '../../components/PathsField';
import { pathsOf, useImport } from './import-store';

export function ImportForm() {
  const paths = useImport((s) => s.paths);
  const allowUnverified = useImport((s) => s.allowUnverified);
  const running = useImport((s) => s.running);
  const canStart = !running && pathsOf(paths).length > 0;

  return (
    <form
      className="import-form"
      onSubmit={(event) => {
        event.preventDefault();
        void useImport.getState().start();
      }}
    >
      <PathsField
        label="Folders or files to import"
        placeholder="/home/you/Downloads/icd10cm-2026"
        value={paths}
        disabled={running}
        canStart={canStart}
        onChange={(value) => useImport.getState().setPaths(value)}
        onStart={() => void useImport.getState().start()}
        hint={
          <>
            One path per line: a folder of CMS/CDC downloads, a .zip, or single files. Every file is checked against the official
            releases before any is written; each is imported whole or not at all.
          </>
        }
      />
      <div className="import-actions">
        <label className="option-row">
          <input
            type="checkbox"
            checked={allowUnverified}
            disabled={running}
            onChange={(event) => useImport.getState().setAllowUnverified(event.target.checked)}
          />
          Also import files that match no known official release (marked unverified)
        </label>
        <button type="submit" className="primary" disabled={!canStart} title="Import (Ctrl+Enter)">
          {running ? 'Importing…' : 'Import'}
        </button>
      </div>
    </form>
  );
}
