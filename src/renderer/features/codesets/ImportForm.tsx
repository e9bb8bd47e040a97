/**
 * Where to import from: folders or files typed or pasted, one per line. The browser host has
 * no native file dialog, and the same field serves Electron, so there is one way to do it.
 */
import { useId } from 'react';
import { pathsOf, useImport } from './import-store';

export function ImportForm() {
  const paths = useImport((s) => s.paths);
  const allowUnverified = useImport((s) => s.allowUnverified);
  const running = useImport((s) => s.running);
  const pathsId = useId();
  const hintId = useId();
  const canStart = !running && pathsOf(paths).length > 0;

  return (
    <form
      className="import-form"
      onSubmit={(event) => {
        event.preventDefault();
        void useImport.getState().start();
      }}
    >
      <label htmlFor={pathsId}>Folders or files to import</label>
      <textarea
        id={pathsId}
        aria-describedby={hintId}
        rows={3}
        spellCheck={false}
        value={paths}
        disabled={running}
        placeholder="/home/you/Downloads/icd10cm-2026"
        onChange={(event) => useImport.getState().setPaths(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && canStart) {
            event.preventDefault();
            void useImport.getState().start();
          }
        }}
      />
      <p id={hintId} className="field-hint">
        One path per line: a folder of CMS/CDC downloads, a .zip, or single files. Every file is checked against the official
        releases before any is written; each is imported whole or not at all.
      </p>
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
