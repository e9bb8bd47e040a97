/** The team hub from the desktop: sign-in, check-out, sync, and a supervisor's queue and conflicts. */
import type { Coding } from '../../shared/domain';
import type { UnitWeights } from '../../shared/productivity';
import type { HubConflictSide, HubConflictView, HubQueueChart, HubUser } from '../../shared/hub';
import type { WireState } from '../services/packages/chart-state';
import type { HandlerTable } from './types';

type HubMethods =
  | 'hub.status'
  | 'hub.signIn'
  | 'hub.signOut'
  | 'hub.sync'
  | 'hub.checkout'
  | 'hub.auditCheckout'
  | 'hub.queue'
  | 'hub.users'
  | 'hub.assign'
  | 'hub.revokeLease'
  | 'hub.setUnitWeights'
  | 'hub.conflicts'
  | 'hub.resolveConflict';

interface HubConflictWire extends Omit<HubConflictView, 'incoming' | 'current'> {
  incoming: WireState;
  current: WireState | null;
}

/** What a supervisor compares: status, version and the codes of each side (the hub holds both in full). */
function side(state: WireState): HubConflictSide {
  let codes: string[] = [];
  try {
    const coding = state.coding_json ? (JSON.parse(state.coding_json) as Coding) : null;
    const latest = coding ?? (state.submissions.length > 0 ? (JSON.parse(state.submissions[state.submissions.length - 1]!.coding_json) as Coding) : null);
    if (latest) codes = [...latest.diagnoses.map((d) => d.code), ...latest.procedures.map((p) => p.code)];
  } catch {
    codes = [];
  }
  return { status: state.status, version: state.version, codes, submitted: state.submissions.length > 0 };
}

export const hubHandlers: HandlerTable<HubMethods> = {
  'hub.status': (_input, app) => {
    app.requireSession();
    return app.hub.state();
  },
  'hub.signIn': (input, app) => app.hub.signIn(input),
  'hub.signOut': (_input, app) => app.hub.signOut(),
  'hub.sync': (_input, app) => {
    app.requireSession();
    return app.hub.syncNow();
  },
  'hub.checkout': (input, app) => app.hub.checkOut(input.count),
  'hub.auditCheckout': (input, app) => app.hub.auditCheckOut(input.count),
  'hub.queue': (input, app) => {
    const query: Record<string, string> = {};
    if (input.status) query.status = input.status;
    if (input.setting) query.setting = input.setting;
    if (input.offset !== undefined) query.offset = String(input.offset);
    return app.hub.read<{ total: number; charts: HubQueueChart[] }>('/api/queue', query);
  },
  'hub.users': async (_input, app) => (await app.hub.read<{ users: HubUser[] }>('/api/users')).users,
  'hub.assign': (input, app) => app.hub.post<{ assigned: number }>('/api/queue/assign', input),
  'hub.revokeLease': (input, app) => app.hub.post<{ epoch: number }>('/api/queue/revoke', input),
  'hub.setUnitWeights': (input, app) => app.hub.post<UnitWeights>('/api/settings/unit-weights', input),
  'hub.conflicts': async (_input, app) =>
    (await app.hub.read<HubConflictWire[]>('/api/conflicts')).map((c) => ({ ...c, incoming: side(c.incoming), current: c.current ? side(c.current) : null })),
  'hub.resolveConflict': (input, app) => app.hub.post<{ resolved: number; keep: 'current' | 'incoming' }>('/api/conflicts/resolve', input),
};
