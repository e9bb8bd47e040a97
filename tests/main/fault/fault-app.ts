/**
 * A coder profile with the demo workspace, made with cheap scrypt (the fault tests are not
 * about the KDF), unlocked in a real CodeDeskApp on the given home.
 */
import { callApi } from '../../../src/main/api';
import { CodeDeskApp } from '../../../src/main/app';
import { createProfile } from '../../../src/main/services/users/profiles';
import type { Coding, ProfileSummary } from '../../../src/shared/domain';
import { RESOURCES } from '../helpers/temp';
import { CHEAP_SCRYPT } from '../workspace/helpers';

export const FAULT_PASSPHRASE = 'fault suite passphrase';

export interface FaultApp {
  app: CodeDeskApp;
  profile: ProfileSummary;
  /** A copy of the workspace key, for opening it again (startSession wipes what it is given). */
  key: Buffer;
}

export async function faultApp(home: string): Promise<FaultApp> {
  const { profile, key } = await createProfile(
    home,
    { displayName: 'Fault Coder', role: 'coder', passphrase: FAULT_PASSPHRASE, deviceId: 'fault-test' },
    { scrypt: CHEAP_SCRYPT },
  );
  const app = new CodeDeskApp({ home, resourcesDir: RESOURCES });
  app.startSession(profile, Buffer.from(key));
  const loaded = await callApi(app, 'demo.load', {});
  if (!loaded.ok) throw new Error(`demo.load failed: ${loaded.error.message}`);
  return { app, profile, key };
}

/** The largest coding the contract takes: 50 diagnoses and 50 procedures, several pages of JSON. */
export function largeCoding(tag: string): Coding {
  return {
    diagnoses: Array.from({ length: 50 }, (_, i) => ({ code: `${tag}${String(i).padStart(2, '0')}.99`, poa: 'Y' as const })),
    procedures: Array.from({ length: 50 }, (_, i) => ({
      system: 'cpt' as const,
      code: `${tag}${String(i).padStart(4, '0')}`,
      modifiers: ['25', '59', 'LT', 'RT'],
      units: 999,
      date: null,
    })),
  };
}
