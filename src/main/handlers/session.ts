/** Profiles, unlock/lock, recovery, idle-lock settings. */
import { createProfile, listProfiles, recoverProfile, unlockProfile } from '../services/users/profiles';
import { approveNewProfile } from '../services/users/profile-approval';
import { writeIdleMinutes } from '../services/workspace/settings';
import { transaction } from '../services/db/transaction';
import { ownKeys } from './packages';
import type { HandlerTable } from './types';

type SessionMethods =
  | 'profiles.list'
  | 'profiles.create'
  | 'session.status'
  | 'session.unlock'
  | 'session.recover'
  | 'session.lock'
  | 'session.activity'
  | 'settings.setIdleLock';

export const sessionHandlers: HandlerTable<SessionMethods> = {
  'profiles.list': (_input, app) => listProfiles(app.home),
  'profiles.create': async ({ approval, ...input }, app) => {
    const approvedBy = await approveNewProfile(app.home, input.role, approval, app.now().getTime());
    const { profile, recoveryKey, key } = await createProfile(app.home, { ...input, deviceId: app.deviceId, approvedBy });
    app.startSession(profile, key);
    return { profile, recoveryKey };
  },
  'session.status': (_input, app) => app.status(),
  'session.unlock': async (input, app) => {
    const { profile, key } = await unlockProfile(app.home, input.profileId, input.passphrase, app.now().getTime());
    const status = app.startSession(profile, key);
    // A trail that no longer matches its seal takes no entries until it is restored or re-anchored.
    if (!status.trailProblem) {
      app.audit('session.unlock');
      // Profiles from before packages get their key pairs here, so others can package for them.
      transaction(app.requireSession().db, () => ownKeys(app));
    }
    return status;
  },
  'session.recover': async (input, app) => {
    const { profile, key, recoveryKey } = await recoverProfile(app.home, input.profileId, input.recoveryKey, input.newPassphrase);
    const status = app.startSession(profile, key);
    // Emergency access is always on the record (unless the trail is broken and takes nothing).
    if (!status.trailProblem) app.audit('session.recover');
    return { status, recoveryKey };
  },
  'session.lock': (_input, app) => app.lock('manual'),
  'session.activity': (_input, app) => {
    const s = app.requireSession();
    s.idleLock.touch();
    return { lockInSeconds: s.idleLock.secondsLeft() };
  },
  'settings.setIdleLock': (input, app) => {
    const s = app.requireSession();
    // A security setting: the change and its record commit together.
    transaction(s.db, () => {
      writeIdleMinutes(s.db, input.minutes);
      app.audit('settings.change', null, { idleLockMinutes: input.minutes });
    });
    s.idleLock.setMinutes(input.minutes);
    return app.status();
  },
};
