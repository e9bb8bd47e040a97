/**
 * Who may add a profile with which role on a device that already has profiles. A coder
 * profile may be added by anyone at the lock screen: it gets its own empty encrypted
 * workspace and sees nobody else's. An auditor or supervisor profile must be approved by a
 * supervisor of this device with their passphrase (throttled like an unlock), so nobody
 * names themselves a reviewer on someone else's machine. The first profile on a device
 * takes any role: there is nobody yet to approve it.
 */
import type { Role } from '../../../shared/domain';
import { AppFailure, ErrorCode } from '../../../shared/result';
import { listProfiles, unlockProfile } from './profiles';

export interface Approval {
  profileId: string;
  passphrase: string;
}

export const NEEDS_APPROVAL = 'An auditor or supervisor profile must be approved by a supervisor of this device with their passphrase.';
export const NO_SUPERVISOR = 'Only a supervisor of this device can approve an auditor or supervisor profile, and this device has none. Add a coder profile instead.';

/** The approving supervisor's profile id, or null when no approval is needed. Throws when one is needed and missing or wrong. */
export async function approveNewProfile(home: string, role: Role, approval: Approval | undefined, now: number): Promise<string | null> {
  const profiles = listProfiles(home);
  if (profiles.length === 0 || role === 'coder') return null;
  const supervisors = profiles.filter((p) => p.role === 'supervisor');
  if (supervisors.length === 0) throw new AppFailure(ErrorCode.Forbidden, NO_SUPERVISOR);
  if (!approval) throw new AppFailure(ErrorCode.Forbidden, NEEDS_APPROVAL);
  if (!supervisors.some((p) => p.id === approval.profileId)) throw new AppFailure(ErrorCode.Forbidden, NEEDS_APPROVAL);
  try {
    // The passphrase unwraps a key bound to the profile's id and role: a keyfile edited to say "supervisor" does not open.
    const { key } = await unlockProfile(home, approval.profileId, approval.passphrase, now);
    key.fill(0);
  } catch (error) {
    if (error instanceof AppFailure && error.code === ErrorCode.WrongPassphrase) {
      throw new AppFailure(ErrorCode.WrongPassphrase, 'Wrong passphrase for the approving supervisor.');
    }
    throw error;
  }
  return approval.profileId;
}
