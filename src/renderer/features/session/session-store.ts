/**
 * Session state: which gate screen shows (create profile, choose profile, locked) or the app.
 * Locking from any source (event, LOCKED reply, button) lands in markLocked(), which empties
 * every PHI store before the lock screen renders.
 */
import { create } from 'zustand';
import type { ProfileSummary, Role, SessionStatus } from '../../../shared/domain';
import { useRoute } from '../../app/route-store';
import { call } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { registerStoreReset, resetPhiStores } from '../../lib/store-registry';

export type SessionPhase = 'starting' | 'unavailable' | 'create' | 'choose' | 'locked' | 'ready';

/** A screen the choose/locked gate shows instead of the passphrase box; the profile it is for where it has one. */
export type GateView = { view: 'recover'; profileId: string } | { view: 'restore'; profileId: string } | { view: 'add' };

/** What a restore from the lock screen did, shown once before the app opens (no PHI: a path, counts). */
export interface RestoreDone {
  path: string;
  bytes: number;
  entriesGivenUp: number;
  replacedFile: string | null;
  at: string;
}

export interface NewProfileInput {
  displayName: string;
  role: Role;
  passphrase: string;
  approval?: { profileId: string; passphrase: string };
}

interface SessionData {
  phase: SessionPhase;
  status: SessionStatus | null;
  /** Who was signed in when the lock came (main may report no profile while locked). */
  lockedProfile: ProfileSummary | null;
  profiles: ProfileSummary[];
  /** Shown once after a profile is created or recovered, then forgotten. */
  recoveryKey: string | null;
  /** The gate's other screens (recovery, restore, add a profile); null: the passphrase box. */
  gate: GateView | null;
  restored: RestoreDone | null;
  busy: boolean;
  error: string | null;
}

interface SessionActions {
  start(): Promise<void>;
  createProfile(input: NewProfileInput): Promise<boolean>;
  /** From the gate: puts a backup in place of the profile's workspace and opens it. */
  restore(profileId: string, passphrase: string, path: string): Promise<boolean>;
  acknowledgeRestore(): void;
  showGate(gate: GateView | null): Promise<void>;
  /** Main's answer to a settings change: the new status (e.g. the idle-lock minutes). */
  applyStatus(status: SessionStatus): void;
  acknowledgeRecoveryKey(): Promise<void>;
  unlock(profileId: string, passphrase: string): Promise<boolean>;
  recover(profileId: string, recoveryKey: string, newPassphrase: string): Promise<boolean>;
  /** Asks main to lock (button, shortcut). */
  lock(): Promise<void>;
  /** Main says the workspace is locked: hide PHI now. */
  markLocked(): void;
  /** Main says the workspace was unlocked elsewhere (e.g. another window). */
  refreshStatus(): Promise<void>;
  /** From the lock screen: pick a different profile. */
  switchProfile(): Promise<void>;
  clearError(): void;
}

export type SessionStore = SessionData & SessionActions;

const initial: SessionData = {
  phase: 'starting',
  status: null,
  lockedProfile: null,
  profiles: [],
  recoveryKey: null,
  gate: null,
  restored: null,
  busy: false,
  error: null,
};

/** Another profile has another workspace: the chart that was open is not theirs. */
function leaveChartOf(previous: ProfileSummary | null, next: ProfileSummary | null): void {
  if (previous?.id !== next?.id) useRoute.getState().showQueue();
}

/** A profile's display name for the gate: from the list, or the one that was signed in when it locked. */
export function profileName(s: SessionData, profileId: string): string {
  const profile = s.profiles.find((p) => p.id === profileId) ?? (s.lockedProfile?.id === profileId ? s.lockedProfile : null);
  return profile?.displayName ?? '';
}

export const useSession = create<SessionStore>()((set, get) => {
  /** Decides the gate screen from the session status and the profile list. */
  const settle = async (status: SessionStatus): Promise<void> => {
    if (status.unlocked) {
      set({ phase: 'ready', status, lockedProfile: null, error: null });
      return;
    }
    const profiles = await call('profiles.list', {});
    if (!profiles.ok) {
      set({ phase: 'unavailable', error: describeError(profiles.error) });
      return;
    }
    const wasInSession = get().phase === 'ready' || get().phase === 'locked';
    set({
      status,
      profiles: profiles.value,
      phase: profiles.value.length === 0 ? 'create' : wasInSession && get().lockedProfile ? 'locked' : 'choose',
    });
  };

  return {
    ...initial,

    async start() {
      const status = await call('session.status', {});
      if (!status.ok) {
        set({ phase: 'unavailable', error: describeError(status.error) });
        return;
      }
      await settle(status.value);
    },

    async createProfile(input) {
      set({ busy: true, error: null });
      const created = await call('profiles.create', input);
      if (!created.ok) {
        set({ busy: false, error: describeError(created.error) });
        return false;
      }
      const profiles = get().profiles.filter((p) => p.id !== created.value.profile.id);
      leaveChartOf(get().lockedProfile ?? get().status?.profile ?? null, created.value.profile);
      set({ busy: false, gate: null, recoveryKey: created.value.recoveryKey, profiles: [...profiles, created.value.profile] });
      return true;
    },

    async restore(profileId, passphrase, path) {
      set({ busy: true, error: null });
      const result = await call('workspace.restore', { profileId, passphrase, path });
      if (!result.ok) {
        set({ busy: false, error: describeError(result.error) });
        return false;
      }
      const { status, entriesGivenUp, replacedFile, bytes } = result.value;
      leaveChartOf(get().lockedProfile ?? get().status?.profile ?? null, status.profile);
      const restored = { path, bytes, entriesGivenUp, replacedFile, at: new Date().toISOString() };
      set({ busy: false, gate: null, restored, status, phase: 'ready', lockedProfile: null });
      return true;
    },

    acknowledgeRestore() {
      set({ restored: null });
    },

    async showGate(gate) {
      set({ gate, error: null });
      if (gate?.view !== 'add') return;
      // Who may approve a reviewer profile: the list as it is now, not as it was at start.
      const profiles = await call('profiles.list', {});
      if (profiles.ok) set({ profiles: profiles.value });
    },

    applyStatus(status) {
      set({ status });
    },

    async acknowledgeRecoveryKey() {
      set({ recoveryKey: null });
      await get().refreshStatus();
    },

    async unlock(profileId, passphrase) {
      set({ busy: true, error: null });
      const result = await call('session.unlock', { profileId, passphrase });
      if (!result.ok) {
        set({ busy: false, error: describeError(result.error) });
        return false;
      }
      leaveChartOf(get().lockedProfile ?? get().status?.profile ?? null, result.value.profile);
      set({ busy: false, gate: null, phase: 'ready', status: result.value, lockedProfile: null, error: null });
      return true;
    },

    async recover(profileId, recoveryKey, newPassphrase) {
      set({ busy: true, error: null });
      const result = await call('session.recover', { profileId, recoveryKey, newPassphrase });
      if (!result.ok) {
        set({ busy: false, error: describeError(result.error) });
        return false;
      }
      // The old recovery key is spent; the new one is shown once, then the app opens.
      leaveChartOf(get().lockedProfile ?? get().status?.profile ?? null, result.value.status.profile);
      set({ busy: false, gate: null, status: result.value.status, recoveryKey: result.value.recoveryKey });
      return true;
    },

    async lock() {
      get().markLocked();
      const result = await call('session.lock', {});
      if (result.ok) set({ status: result.value });
    },

    markLocked() {
      const { phase, status } = get();
      resetPhiStores();
      if (phase === 'ready') {
        set({
          phase: 'locked',
          status: status ? { ...status, unlocked: false } : status,
          lockedProfile: status?.profile ?? null,
          gate: null,
          restored: null,
          error: null,
        });
      }
    },

    async refreshStatus() {
      const status = await call('session.status', {});
      if (!status.ok) {
        set({ error: describeError(status.error) });
        return;
      }
      await settle(status.value);
    },

    async switchProfile() {
      const profiles = await call('profiles.list', {});
      if (!profiles.ok) {
        set({ error: describeError(profiles.error) });
        return;
      }
      set({ profiles: profiles.value, lockedProfile: null, gate: null, phase: profiles.value.length === 0 ? 'create' : 'choose', error: null });
    },

    clearError() {
      set({ error: null });
    },
  };
});

registerStoreReset(() => useSession.setState(initial), { holdsPhi: false });
