/** Code-set content (not PHI): search and versions; audit verification. */
import { importCodeFiles } from '../services/codesets/import';
import { searchCodes } from '../services/codesets/search';
import { listVersions } from '../services/codesets/versions';
import { verifyAudit } from '../services/audit/trail';
import type { HandlerTable } from './types';

export const codeHandlers: HandlerTable<'codes.search' | 'codes.versions' | 'codes.import' | 'audit.verify'> = {
  'codes.search': (input, app) => {
    const content = app.content();
    return { query: input.query, results: searchCodes(content, input), versions: listVersions(content) };
  },
  'codes.versions': (_input, app) => listVersions(app.content()),
  'codes.import': (input, app) => {
    const summary = importCodeFiles(app.content(), input.paths, (p) => app.events.emit('import.progress', p));
    if (app.session) {
      app.audit('codes.import', null, { files: summary.files.length, codes: summary.totalCodes });
    }
    return summary;
  },
  'audit.verify': (_input, app) => verifyAudit(app.requireSession().db),
};
