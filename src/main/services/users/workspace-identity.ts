/**
 * The workspace's own record of whose it is: workspace_meta 'profile_id' and 'role', written
 * when the profile is made. The workspace is encrypted, so these rows cannot be edited
 * without the key. Checking the keyfile's identity against them after unlock catches a role
 * edited in a version 1 keyfile (whose wraps do not bind the role) and in a recovery wrap
 * not yet resealed; for a version 2 wrap the AAD already refuses an edited role.
 */
import type { WorkspaceDb } from '../db/handles';
import type { ProfileSummary } from '../../../shared/domain';
import { AppFailure } from '../../../shared/result';
import { log } from '../../log';
import { run, value } from '../db/rows';
import { KEYFILE_ALTERED } from '../vault/keyfile';

const META = 'SELECT value FROM workspace_meta WHERE key = ?';

/**
 * Throws INTERNAL when the open workspace is not this profile's, or records a different role
 * (KEYFILE_ALTERED). A workspace made before the role was recorded gets the keyfile's role
 * now, unchecked this once (trust on first use); from then on it is checked.
 */
export function assertProfileMatchesWorkspace(db: WorkspaceDb, profile: ProfileSummary): void {
  if (value<string>(db, META, 'profile_id') !== profile.id) {
    throw new AppFailure('INTERNAL', 'This workspace belongs to another profile. Restore the profile folder from a backup.');
  }
  const role = value<string>(db, META, 'role');
  if (role === undefined) {
    run(db, 'INSERT INTO workspace_meta (key, value) VALUES (?, ?)', 'role', profile.role);
    log.warn('profiles.workspace_role_recorded');
    return;
  }
  if (role !== profile.role) throw new AppFailure('INTERNAL', KEYFILE_ALTERED);
}
