/**
 * The package kill test's child: unlocks the lead's profile on the parent's home, prints
 * `applying`, applies the result package through callApi (the real handler: one transaction
 * with its audit entry) and prints `done {json}`, until the parent SIGKILLs it.
 *
 * Usage: node package-apply-child.mjs HOME PROFILE_ID PASSPHRASE RESOURCES PACKAGE_FILE
 */
import fs from 'node:fs';
import { callApi } from '../../../src/main/api';
import { CodeDeskApp } from '../../../src/main/app';
import { unlockProfile } from '../../../src/main/services/users/profiles';

const [home = '', profileId = '', passphrase = '', resourcesDir = '', packageFile = ''] = process.argv.slice(2);
const say = (line: string): void => {
  fs.writeSync(1, `${line}\n`);
};

const app = new CodeDeskApp({ home, resourcesDir });
const { profile, key } = await unlockProfile(home, profileId, passphrase);
app.startSession(profile, key);
say('applying');
const result = await callApi(app, 'packages.apply', { path: packageFile });
say(`done ${JSON.stringify(result.ok ? { applied: result.value.applied.length } : result.error)}`);
app.close();
