/** Code-set content (not PHI): search and versions; audit verification. */
import { contentDbPath } from '../paths';
import { searchCodes, withSearchServedDuring } from '../services/codesets/search';
import { listVersions } from '../services/codesets/versions';
import { listSourceFiles } from '../services/codesets/importers/source-file-record';
import { importInWorker } from '../services/codesets/worker/import-in-worker';
import { buildIndexesInWorker } from '../services/codesets/worker/index-in-worker';
import { verifyAudit } from '../services/audit/trail';
import type { ImportProgress } from '../../shared/contract';
import type { HandlerTable } from './types';

export const codeHandlers: HandlerTable<'codes.search' | 'codes.versions' | 'codes.import' | 'codes.sourceFiles' | 'audit.verify'> = {
  'codes.search': (input, app) => ({ query: input.query, results: searchCodes(app.content(), input) }),
  'codes.versions': (_input, app) => listVersions(app.content()),
  // Off the UI thread: the worker has its own connection; the app's connection (opened first, so
  // the file exists and is migrated) sees the committed rows afterwards. Searches meanwhile answer
  // from the current indexes; the new ones are built beside them and swapped in before the reply.
  'codes.import': async (input, app) => {
    const path = contentDbPath(app.home);
    let last: ImportProgress = { path: '', file: 1, files: 1, step: 'reading', line: 0, totalLines: 0 };
    const progress = (p: ImportProgress) => {
      last = p;
      app.events.emit('import.progress', p);
    };
    const swap = {
      date: app.now().toISOString().slice(0, 10),
      build: (ids: readonly number[]) => buildIndexesInWorker(path, ids),
      onBuilding: () => app.events.emit('import.progress', { ...last, step: 'search' }),
    };
    const { result: summary } = await withSearchServedDuring(app.content(), swap, () =>
      importInWorker(path, input.paths, progress, { allowUnverified: input.allowUnverified ?? false }),
    );
    if (app.session) {
      app.audit('codes.import', null, { files: summary.files.length, codes: summary.totalCodes });
    }
    return summary;
  },
  'codes.sourceFiles': (_input, app) => listSourceFiles(app.content()),
  'audit.verify': (_input, app) => verifyAudit(app.requireSession().db),
};
