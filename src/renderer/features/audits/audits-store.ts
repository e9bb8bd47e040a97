/** The Audits screen: a drawn sample, the audits this profile may see, accuracy, and the actions on them. */
import { create } from 'zustand';
import type { AuditAccuracyReport, AuditView, SampleDrawn } from '../../../shared/audits';
import type { Result } from '../../../shared/result';
import { call } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { statusCall } from '../../lib/status-call';
import { registerStoreReset } from '../../lib/store-registry';
import { presetRange } from '../productivity/period';

interface AuditsState {
  sample: SampleDrawn | null;
  audits: AuditView[];
  accuracy: AuditAccuracyReport | null;
  openId: string | null;
  busy: boolean;
  error: string | null;
  notice: string | null;
  load(): Promise<void>;
  draw(input: { size: { count: number } | { percent: number }; strata: 'none' | 'coder' | 'setting'; seed?: string }): Promise<void>;
  start(chartId: string, mode: 'blind' | 'review'): Promise<AuditView | null>;
  commit(auditId: string): Promise<boolean>;
  open(auditId: string | null): void;
  respond(auditId: string, findingId: string, response: 'agree' | 'rebut', comment: string): Promise<void>;
  decide(auditId: string, findingId: string, decision: 'uphold' | 'withdraw', comment: string): Promise<void>;
  send(recipientId: string, path: string): Promise<void>;
}

const initial = { sample: null, audits: [], accuracy: null, openId: null, busy: false, error: null, notice: null };

export const useAudits = create<AuditsState>()((set, get) => {
  const act = <T,>(run: () => Promise<Result<T>>, notice: string | null): Promise<T | null> => statusCall(set, run, notice);
  return {
    ...initial,
    async load() {
      const list = await call('audits.list', {});
      if (list.ok) set({ audits: list.value });
      else set({ error: describeError(list.error) });
      const range = presetRange(90);
      const accuracy = await call('audits.accuracy', range);
      if (accuracy.ok) set({ accuracy: accuracy.value });
    },
    async draw(input) {
      const drawn = await act(() => call('audits.sample', input), null);
      if (drawn) set({ sample: drawn });
    },
    async start(chartId, mode) {
      const view = await act(() => call('audits.start', { chartId, mode }), null);
      if (view) set({ audits: [...get().audits.filter((a) => a.id !== view.id), view] });
      return view;
    },
    async commit(auditId) {
      const done = await act(() => call('audits.commit', { auditId }), 'Audit committed: the findings below are computed from the two codings.');
      if (done) set({ openId: auditId });
      await get().load();
      return done !== null;
    },
    open: (openId) => set({ openId, error: null, notice: null }),
    async respond(auditId, findingId, response, comment) {
      if (await act(() => call('audits.respond', { auditId, findingId, response, comment }), response === 'agree' ? 'Agreed.' : 'Rebuttal recorded.')) await get().load();
    },
    async decide(auditId, findingId, decision, comment) {
      if (await act(() => call('audits.decide', { auditId, findingId, decision, comment }), decision === 'withdraw' ? 'Finding withdrawn: the score no longer counts it.' : 'Finding upheld.')) await get().load();
    },
    async send(recipientId, path) {
      const sent = await act(() => call('audits.send', { recipientId, expiresDays: 14, path }), null);
      if (sent) set({ notice: `Wrote ${sent.audits} audit(s) for the coder to answer to ${sent.path}.` });
    },
  };
});

registerStoreReset(() => useAudits.setState(initial), { holdsPhi: true });
