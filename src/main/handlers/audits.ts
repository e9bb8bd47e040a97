/** Second-level audits: sample, start, save, commit (auditors only), accuracy (scoped by role). */
import crypto from 'node:crypto';
import path from 'node:path';
import { AppFailure } from '../../shared/result';
import { accuracyReport, auditView, commitAudit, listAudits, moveFinding, sampleCharts, saveAuditCoding, startAudit } from '../services/audits/audits';
import { auditsWith } from '../services/audits/audit-wire';
import { writePackageFile } from '../services/packages/package-file';
import { makeWorkPackage } from '../services/packages/work-package';
import { ownKeys, recipientCard } from './packages';
import { validateChart } from '../services/charts/status';
import { checkRange } from '../services/activity/productivity';
import { transaction } from '../services/db/transaction';
import type { HandlerTable } from './types';

type Methods = 'audits.sample' | 'audits.start' | 'audits.get' | 'audits.save' | 'audits.validate' | 'audits.commit' | 'audits.accuracy' | 'audits.list' | 'audits.respond' | 'audits.decide' | 'audits.send';

export const auditHandlers: HandlerTable<Methods> = {
  'audits.sample': (input, app) => {
    const s = app.requireSession();
    if (input.from && input.to) checkRange({ from: input.from, to: input.to });
    // No seed given: a random one, shown with the sample so the draw can be repeated.
    const seed = input.seed ?? crypto.randomBytes(4).toString('hex');
    return transaction(s.db, () => {
      const drawn = sampleCharts(s.db, {
        auditorId: s.profile.id,
        spec: { size: input.size, strata: input.strata, seed },
        from: input.from ?? null,
        to: input.to ?? null,
        at: app.now().toISOString(),
      });
      app.audit('audit.sample', null, { sampleId: drawn.sampleId, seed: drawn.seed, population: drawn.population, sampled: drawn.chartIds.length, strata: input.strata });
      return drawn;
    });
  },
  'audits.start': (input, app) => {
    const s = app.requireSession();
    return transaction(s.db, () => {
      const view = startAudit(s.db, { chartId: input.chartId, auditorId: s.profile.id, mode: input.mode, sampleId: input.sampleId ?? null, at: app.now().toISOString() });
      app.audit('audit.start', input.chartId, { auditId: view.id, mode: view.mode, version: view.version });
      return view;
    });
  },
  'audits.get': (input, app) => {
    const s = app.requireSession();
    const view = auditView(s.db, input.auditId);
    if (view.auditorId !== s.profile.id) throw new AppFailure('FORBIDDEN', 'Only the auditor who started this audit may open it.');
    return view;
  },
  'audits.save': (input, app) => {
    const s = app.requireSession();
    return transaction(s.db, () => {
      const view = saveAuditCoding(s.db, { auditId: input.auditId, auditorId: s.profile.id, coding: input.coding, at: app.now().toISOString() });
      app.audit('audit.save', view.chartId, { auditId: view.id, diagnoses: input.coding.diagnoses.length, procedures: input.coding.procedures.length });
      return view;
    });
  },
  'audits.validate': (input, app) => {
    const s = app.requireSession();
    const view = auditView(s.db, input.auditId);
    if (view.auditorId !== s.profile.id) throw new AppFailure('FORBIDDEN', 'Only the auditor who started this audit may open it.');
    return validateChart(s.db, app.content(), view.chartId, view.auditorCoding);
  },
  'audits.commit': (input, app) => {
    const s = app.requireSession();
    return transaction(s.db, () => {
      const view = commitAudit(s.db, { auditId: input.auditId, auditorId: s.profile.id, at: app.now().toISOString() });
      app.audit('audit.complete', view.chartId, {
        auditId: view.id,
        coderId: view.coderId,
        findings: view.findings.length,
        codesConsidered: view.accuracy?.codesConsidered ?? 0,
        codesAgreed: view.accuracy?.codesAgreed ?? 0,
        changed: view.accuracy?.changed ?? false,
      });
      return view;
    });
  },
  'audits.accuracy': (input, app) => {
    const s = app.requireSession();
    checkRange(input);
    if (s.profile.role === 'coder' && input.coderId !== undefined && input.coderId !== s.profile.id) {
      throw new AppFailure('FORBIDDEN', 'Only a supervisor or an auditor sees another coder’s accuracy; you can see your own.');
    }
    const coderId = s.profile.role === 'coder' ? s.profile.id : (input.coderId ?? null);
    return accuracyReport(s.db, { from: input.from, to: input.to, coderId });
  },
  'audits.list': (_input, app) => {
    const s = app.requireSession();
    return listAudits(s.db, { id: s.profile.id, role: s.profile.role });
  },
  'audits.respond': (input, app) => {
    const s = app.requireSession();
    return transaction(s.db, () => {
      const to = input.response === 'agree' ? 'agreed' : 'rebutted';
      const view = moveFinding(s.db, { auditId: input.auditId, findingId: input.findingId, to, by: 'coder', userId: s.profile.id, comment: input.comment, at: app.now().toISOString() });
      app.audit('audit.respond', view.chartId, { auditId: view.id, findingId: input.findingId, outcome: to });
      return view;
    });
  },
  'audits.decide': (input, app) => {
    const s = app.requireSession();
    return transaction(s.db, () => {
      const to = input.decision === 'uphold' ? 'upheld' : 'withdrawn';
      const view = moveFinding(s.db, { auditId: input.auditId, findingId: input.findingId, to, by: 'auditor', userId: s.profile.id, comment: input.comment, at: app.now().toISOString() });
      app.audit('audit.decide', view.chartId, {
        auditId: view.id,
        findingId: input.findingId,
        outcome: to,
        codesConsidered: view.accuracy?.codesConsidered ?? 0,
        codesAgreed: view.accuracy?.codesAgreed ?? 0,
        changed: view.accuracy?.changed ?? false,
      });
      return view;
    });
  },
  'audits.send': (input, app) => {
    const s = app.requireSession();
    const out = path.resolve(input.path);
    return transaction(s.db, () => {
      const recipient = recipientCard(app, input.recipientId);
      // To a coder: the findings on their charts, to answer. To a supervisor: every audit this auditor
      // committed, so the team's accuracy sits beside its productivity (the supervisor holds the charts).
      const toSupervisor = recipient.role === 'supervisor';
      const audits = toSupervisor
        ? auditsWith(s.db, s.profile.id).filter((a) => a.auditorId === s.profile.id)
        : auditsWith(s.db, recipient.profileId).filter((a) => a.coderId === recipient.profileId);
      if (audits.length === 0) throw new AppFailure('NOT_FOUND', toSupervisor ? 'You have no committed audits to send.' : 'You have no committed audits of that coder’s charts to send.');
      const made = makeWorkPackage(s.db, app.content(), { self: ownKeys(app), recipient, chartIds: [], expiresDays: input.expiresDays, now: app.now(), audits });
      writePackageFile(out, made.bytes);
      app.audit('package.create', null, { packageId: made.header.packageId, recipientId: recipient.profileId, seq: made.header.seq, expiresAt: made.header.expiresAt, charts: 0, audits: audits.length });
      return { path: out, audits: audits.length };
    });
  },
};
