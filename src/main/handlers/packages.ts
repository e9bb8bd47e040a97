/**
 * Work and result packages, profile cards and conflicts. Each change commits in one
 * transaction with its audit entry; a package file is written inside that transaction, so a
 * failed write leaves no "sent" record behind.
 */
import path from 'node:path';
import type { ProfileCardInfo } from '../../shared/packages';
import { AppFailure } from '../../shared/result';
import type { CodeDeskApp } from '../app';
import { transaction } from '../services/db/transaction';
import { values } from '../services/db/rows';
import { listPinned, pinCard, readCardFile, writeCardFile } from '../services/packages/card';
import { listConflicts, resolveConflict } from '../services/packages/conflicts';
import { ensureProfileKeys } from '../services/packages/keys';
import { cardInfo, ownCard, publishOwnCardAt } from '../services/packages/own-card';
import { listLog } from '../services/packages/package-log';
import { readPackageFile, writePackageFile } from '../services/packages/package-file';
import { applyResultPackage, makeResultPackage } from '../services/packages/result-package';
import { localCard, trustedCard } from '../services/packages/trust';
import { makeWorkPackage, openWorkPackage, type Self } from '../services/packages/work-package';
import { listProfiles } from '../services/users/profiles';
import type { HandlerTable } from './types';

type PackageMethods =
  | 'profiles.exportCard'
  | 'profiles.importCard'
  | 'packages.recipients'
  | 'packages.create'
  | 'packages.open'
  | 'packages.result'
  | 'packages.apply'
  | 'packages.log'
  | 'packages.conflicts'
  | 'packages.resolve';

/**
 * The unlocked profile with its keys, made now when it has none (audited), and its card.json
 * kept current so other profiles on this computer can package for it. Call inside a transaction.
 */
export function ownKeys(app: CodeDeskApp): Self {
  const s = app.requireSession();
  const { keys, created } = ensureProfileKeys(s.db, s.profile.id, app.now());
  if (created) app.audit('profile.keys_create', null, { fingerprint: keys.fingerprint });
  publishOwnCardAt(app.home, ownCard(s.profile, keys));
  return { id: s.profile.id, displayName: s.profile.displayName, keys };
}

export function recipientCard(app: CodeDeskApp, profileId: string) {
  const s = app.requireSession();
  const card = trustedCard(s.db, app.home, profileId, app.now());
  if (card) return card;
  const onThisComputer = listProfiles(app.home).some((p) => p.id === profileId);
  throw new AppFailure(
    'NOT_FOUND',
    onThisComputer
      ? 'That profile has no package keys yet: it gets them when it next unlocks CodeDesk.'
      : 'No profile with that id is known here: import its profile card first.',
  );
}

const resolved = (file: string): string => path.resolve(file);

export const packageHandlers: HandlerTable<PackageMethods> = {
  'profiles.exportCard': (input, app) => {
    const s = app.requireSession();
    return transaction(s.db, () => {
      const self = ownKeys(app);
      const card = ownCard(s.profile, self.keys);
      writeCardFile(resolved(input.path), card);
      app.audit('profile.card_export', null, { fingerprint: card.fingerprint });
      return { ...cardInfo(card, 'local'), path: resolved(input.path) };
    });
  },
  'profiles.importCard': (input, app) => {
    const s = app.requireSession();
    const card = readCardFile(resolved(input.path));
    if (card.profileId === s.profile.id) throw new AppFailure('BAD_INPUT', 'This is your own profile card.');
    return transaction(s.db, () => {
      const newlyPinned = pinCard(s.db, card, 'card', app.now());
      app.audit('profile.card_import', null, { profileId: card.profileId, fingerprint: card.fingerprint, newlyPinned });
      return { card: cardInfo(card, 'card'), newlyPinned };
    });
  },
  'packages.recipients': (_input, app) => {
    const s = app.requireSession();
    const self = transaction(s.db, () => ownKeys(app));
    const pinned = listPinned(s.db);
    const known = new Set(pinned.map((p) => p.profileId));
    const local: ProfileCardInfo[] = [];
    for (const p of listProfiles(app.home)) {
      if (p.id === s.profile.id || known.has(p.id)) continue;
      const card = localCard(app.home, p.id);
      if (card) local.push(cardInfo(card, 'local'));
    }
    return {
      self: cardInfo(ownCard(s.profile, self.keys), 'local'),
      recipients: [...pinned, ...local].sort((a, b) => a.displayName.localeCompare(b.displayName)),
    };
  },
  'packages.create': (input, app) => {
    const s = app.requireSession();
    const out = resolved(input.path);
    const created = transaction(s.db, () => {
      const self = ownKeys(app);
      const recipient = recipientCard(app, input.recipientId);
      const chartIds = input.chartIds ?? values<string>(s.db, 'SELECT id FROM charts WHERE status = ? ORDER BY id LIMIT 2001', input.status!);
      const made = makeWorkPackage(s.db, app.content(), { self, recipient, chartIds, expiresDays: input.expiresDays, now: app.now() });
      writePackageFile(out, made.bytes);
      app.audit('package.create', null, { packageId: made.header.packageId, recipientId: recipient.profileId, seq: made.header.seq, expiresAt: made.header.expiresAt, charts: made.body.charts.length });
      // Each chart's own history says where it went.
      for (const c of made.body.charts) app.audit('package.create', c.id, { packageId: made.header.packageId, recipientId: recipient.profileId });
      return {
        packageId: made.header.packageId,
        path: out,
        bytes: made.bytes.length,
        charts: made.body.charts.length,
        seq: made.header.seq,
        expiresAt: made.header.expiresAt,
        codeSets: made.body.codeSets,
        recipient: cardInfo(recipient, 'local'),
      };
    });
    app.events.emit('charts.changed', { chartId: null });
    return created;
  },
  'packages.open': (input, app) => {
    const s = app.requireSession();
    const file = readPackageFile(resolved(input.path));
    const opened = transaction(s.db, () => {
      // A supervisor does not code: from a package they take an auditor's audits only.
      const outcome = openWorkPackage(s.db, app.content(), { home: app.home, self: ownKeys(app), file, now: app.now(), auditsOnly: s.profile.role === 'supervisor' });
      if (!outcome.alreadyOpened) {
        app.audit('package.open', null, { packageId: outcome.packageId, senderId: outcome.sender.profileId, charts: outcome.charts, missingCodeSets: outcome.missingCodeSets.length });
        for (const chartId of outcome.chartIds) app.audit('package.open', chartId, { packageId: outcome.packageId, assignedAt: outcome.assignedAt });
      }
      return outcome;
    });
    if (!opened.alreadyOpened) app.events.emit('charts.changed', { chartId: null });
    return opened;
  },
  'packages.result': (input, app) => {
    const s = app.requireSession();
    const out = resolved(input.path);
    return transaction(s.db, () => {
      const self = ownKeys(app);
      const issuer = recipientCard(app, input.recipientId);
      const made = makeResultPackage(s.db, { self, issuer, expiresDays: input.expiresDays, now: app.now() });
      writePackageFile(out, made.bytes);
      app.audit('package.result', null, { packageId: made.header.packageId, recipientId: issuer.profileId, seq: made.header.seq, charts: made.body.charts.length, activity: made.body.activity.length });
      return { packageId: made.header.packageId, path: out, bytes: made.bytes.length, charts: made.body.charts.length, seq: made.header.seq, activity: made.body.activity.length };
    });
  },
  'packages.apply': (input, app) => {
    const s = app.requireSession();
    const file = readPackageFile(resolved(input.path));
    const applied = transaction(s.db, () => {
      const outcome = applyResultPackage(s.db, { home: app.home, self: ownKeys(app), file, now: app.now() });
      if (!outcome.alreadyApplied) {
        app.audit('package.apply', null, { packageId: outcome.packageId, seq: outcome.seq, applied: outcome.applied.length, conflicts: outcome.conflicts.length, unchanged: outcome.unchanged, activity: outcome.activity });
        for (const chartId of outcome.applied) app.audit('package.apply', chartId, { packageId: outcome.packageId, outcome: 'applied' });
        for (const chartId of outcome.conflicts) app.audit('package.apply', chartId, { packageId: outcome.packageId, outcome: 'conflict' });
      }
      return outcome;
    });
    if (!applied.alreadyApplied) app.events.emit('charts.changed', { chartId: null });
    return applied;
  },
  'packages.log': (_input, app) => {
    const s = app.requireSession();
    return listLog(s.db, s.profile.id);
  },
  'packages.conflicts': (_input, app) => listConflicts(app.requireSession().db),
  'packages.resolve': (input, app) => {
    const s = app.requireSession();
    const chartId = transaction(s.db, () => {
      const id = resolveConflict(s.db, { id: input.conflictId, keep: input.keep, by: s.profile.id, at: app.now().toISOString() });
      app.audit('package.resolve', id, { conflictId: input.conflictId, keep: input.keep });
      return id;
    });
    app.events.emit('charts.changed', { chartId });
    return { chartId };
  },
};
