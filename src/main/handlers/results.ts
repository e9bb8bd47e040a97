/**
 * Exporting coded results: preview, export (encrypted unless plain, audited in the
 * transaction that reads the submissions) and opening an encrypted export.
 */
import { loadPassphraseCheck } from '../../shared/passphrase-strength';
import { AppFailure, ErrorCode } from '../../shared/result';
import { decryptExport } from '../services/interchange/out/decrypt';
import { exportResults } from '../services/interchange/out/export';
import { previewExport } from '../services/interchange/out/preview';
import { sealer } from '../services/interchange/out/sealed-file';
import type { HandlerTable } from './types';

/** An export travels and can be attacked offline: its passphrase must be as hard to guess as a profile's. */
async function exportPassphraseProblem(passphrase: string, personal: readonly string[]): Promise<string | null> {
  const check = await loadPassphraseCheck();
  const problem = check(passphrase, personal);
  return problem ? problem.replace(/^The passphrase/, 'The export passphrase').replace(/^This passphrase/, 'This export passphrase') : null;
}

export const resultHandlers: HandlerTable<'results.preview' | 'results.export' | 'results.decrypt'> = {
  'results.preview': (input, app) =>
    previewExport(app.requireSession().db, input.selection, { now: app.now(), rowLimit: input.rowLimit }),
  'results.export': async (input, app) => {
    const s = app.requireSession();
    let seal = null;
    if (!input.plain) {
      const problem = await exportPassphraseProblem(input.passphrase ?? '', [s.profile.displayName]);
      if (problem) throw new AppFailure(ErrorCode.BadInput, problem);
      seal = await sealer(input.passphrase ?? '');
    }
    try {
      return exportResults(
        s.db,
        { format: input.format, selection: input.selection, target: input.path, sealer: seal },
        { now: app.now(), audit: (detail) => app.audit('results.export', null, { ...detail }) },
      );
    } finally {
      seal?.wipe();
    }
  },
  'results.decrypt': (input) => decryptExport(input.path, input.out, input.passphrase),
};
