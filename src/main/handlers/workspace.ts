/** Backups, restores and re-anchoring the audit trail: the workspace as a file. */
import fs from 'node:fs';
import path from 'node:path';
import { AppFailure, ErrorCode } from '../../shared/result';
import { reanchor } from '../services/audit/binding';
import { transaction } from '../services/db/transaction';
import { profilePaths } from '../services/users/layout';
import { unlockProfile } from '../services/users/profiles';
import { backupWorkspace } from '../services/workspace/backup';
import { restoreWorkspace } from '../services/workspace/restore';
import type { HandlerTable } from './types';

export const workspaceHandlers: HandlerTable<'workspace.backup' | 'workspace.restore' | 'audit.reanchor'> = {
  'workspace.backup': (input, app) => {
    const s = app.requireSession();
    if (!path.isAbsolute(input.path)) throw new AppFailure(ErrorCode.BadInput, 'Give the backup’s full path.');
    // The backup carries its own record: the entry is written first, so the copy ends with it.
    app.audit('workspace.backup');
    return backupWorkspace(s.db, input.path);
  },
  'workspace.restore': async (input, app) => {
    if (!path.isAbsolute(input.path)) throw new AppFailure(ErrorCode.BadInput, 'Give the backup’s full path.');
    const { profile, key } = await unlockProfile(app.home, input.profileId, input.passphrase, app.now().getTime());
    try {
      app.lock('manual');
      const paths = profilePaths(app.home, profile.id);
      const target = { workspace: paths.workspace, seal: paths.seal, profileId: profile.id, deviceId: app.deviceId };
      const { entriesGivenUp, replacedFile } = restoreWorkspace(target, input.path, key, app.now());
      const status = app.startSession(profile, Buffer.from(key));
      return { status, entriesGivenUp, replacedFile, bytes: fs.statSync(input.path).size };
    } finally {
      key.fill(0);
    }
  },
  'audit.reanchor': (_input, app) => {
    const s = app.requireSession();
    if (!app.trailProblem()) throw new AppFailure(ErrorCode.Conflict, 'The audit trail matches its seal; there is nothing to re-anchor.');
    reanchor(s.db, (finding) =>
      transaction(s.db, () =>
        app.audit('audit.reanchor', null, { finding: finding?.kind ?? null, sealedSeq: finding?.sealedSeq ?? null, headSeq: finding?.headSeq ?? null }),
      ),
    );
    return app.status();
  },
};
