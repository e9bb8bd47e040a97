/** Code-set content (not PHI): search and versions; audit verification. */
import { contentDbPath } from '../paths';
import { searchCodes } from '../services/codesets/search';
import { listVersions } from '../services/codesets/versions';
import { listSourceFiles } from '../services/codesets/importers/source-file-record';
import { importInWorker } from '../services/codesets/worker/import-in-worker';
import { verifyAudit } from '../services/audit/trail';
import type { HandlerTable } from './types';

export const codeHandlers: HandlerTable<'codes.search' | 'codes.versions' | 'codes.import' | 'codes.sourceFiles' | 'audit.verify'> = {
  'codes.search': (input, app) => ({ query: input.query, results: searchCodes(app.content(), input) }),
  'codes.versions': (_input, app) => listVersions(app.content()),
  // Off the UI thread: the worker has its own connection; the app's connection (opened first, so
  // the file exists and is migrated) sees the committed rows afterwards.
  'codes.import': async (input, app) => {
    app.content();
    const summary = await importInWorker(contentDbPath(app.home), input.paths, (p) => app.events.emit('import.progress', p), {
      allowUnverified: input.allowUnverified ?? false,
    });
    app.warmSearchSoon();
    if (app.session) {
      app.audit('codes.import', null, { files: summary.files.length, codes: summary.totalCodes });
    }
    return summary;
  },
  'codes.sourceFiles': (_input, app) => listSourceFiles(app.content()),
  'audit.verify': (_input, app) => verifyAudit(app.requireSession().db),
};
