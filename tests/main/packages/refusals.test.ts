/**
 * Every way a package is refused: a flipped byte anywhere, a cut file, another profile's
 * package, an expired one, an unknown sender, a swapped card, a replayed or out-of-order
 * result, a result naming charts never sent. Each with a clear PHI-free message, and nothing
 * changed: no chart, no log row, no audit entry.
 */
import fs from 'node:fs';
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CodeDeskApp } from '../../../src/main/app';
import type { CodeDeskApp as App } from '../../../src/main/app';
import { insertCharts } from '../../../src/main/services/charts/demo';
import { makeCard, writeCardFile } from '../../../src/main/services/packages/card';
import { rawPublic } from '../../../src/main/services/packages/keys';
import { call, must, PASSPHRASE, testApp } from '../helpers/app';
import { chart, RESOURCES } from '../helpers/temp';
import { codeAndSubmit, file, IP_CODING, saveCoding, sendWork, twoProfiles, type TwoProfiles } from './two-profiles';

const count = (app: App, sql: string): number => app.session!.db.prepare(sql).pluck().get() as number;
const snapshot = (app: App) => ({
  charts: count(app, 'SELECT count(*) FROM charts'),
  log: count(app, 'SELECT count(*) FROM package_log'),
  audit: count(app, 'SELECT count(*) FROM audit_log'),
  submissions: count(app, 'SELECT count(*) FROM submissions'),
  codings: count(app, 'SELECT count(*) FROM codings'),
});

async function refused(app: App, method: 'packages.open' | 'packages.apply', path: string, message: RegExp, code = 'PACKAGE_REFUSED'): Promise<void> {
  const before = snapshot(app);
  const result = await call(app, method, { path });
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  expect(result.error.message).toMatch(message);
  expect(result.error.message).not.toMatch(/Patient|Dana|Lee/); // no names, no chart content
  expect(snapshot(app)).toEqual(before);
}

function altered(t: TwoProfiles, source: string, name: string, change: (b: Buffer) => Buffer): string {
  const out = file(t, name);
  fs.writeFileSync(out, change(Buffer.from(fs.readFileSync(source))));
  return out;
}

const flip = (at: (b: Buffer) => number) => (b: Buffer) => {
  const i = at(b);
  b[i] = b[i]! ^ 0x01;
  return b;
};

/** An app for the same home whose clock reads `days` ahead, unlocked as `profileId`. */
async function later(t: TwoProfiles, profileId: string, days: number): Promise<App> {
  const app = new CodeDeskApp({ home: t.home, resourcesDir: RESOURCES, now: () => new Date(Date.now() + days * 86_400_000) });
  await must(app, 'session.unlock', { profileId, passphrase: PASSPHRASE });
  return app;
}

describe('a work package is refused, and nothing is opened, when', () => {
  it('any byte is flipped (magic, header, body, tag, signature) or the file is cut short', async () => {
    const t = await twoProfiles();
    const work = await sendWork(t);
    const cases: [string, (b: Buffer) => Buffer][] = [
      ['magic', flip(() => 2)],
      ['header length', flip(() => 11)],
      ['header', flip(() => 40)],
      ['body', flip((b) => Math.floor(b.length / 2))],
      ['tag', flip((b) => b.length - 70)],
      ['signature', flip((b) => b.length - 1)],
      ['cut', (b) => b.subarray(0, b.length - 100)],
      ['cut to the header', (b) => b.subarray(0, 200)],
      ['empty', () => Buffer.alloc(0)],
    ];
    for (const [name, change] of cases) {
      await refused(t.coder, 'packages.open', altered(t, work, `${name}.cdpkg`, change), /damaged|altered|not a CodeDesk package|cut short/);
    }
    // The untouched file still opens: the refusals were about the bytes, not the profile.
    expect((await must(t.coder, 'packages.open', { path: work })).charts).toBe(3);
  });

  it('it is for another profile, or it is a result package', async () => {
    const t = await twoProfiles();
    const work = await sendWork(t);
    const other = testApp(t.home);
    await must(other, 'profiles.create', { displayName: 'Sam Second', role: 'coder', passphrase: PASSPHRASE });
    await refused(other, 'packages.open', work, /for another profile/);
    await refused(t.lead, 'packages.apply', work, /work package: open it/);
  });

  it('it has expired (by the opener’s clock)', async () => {
    const t = await twoProfiles();
    const work = await sendWork(t, 'work.cdpkg', ['IP-260102'], 1);
    t.coder.lock('manual');
    const coder = await later(t, t.coderId, 2);
    try {
      await refused(coder, 'packages.open', work, /expired on \d{4}-\d{2}-\d{2}/);
    } finally {
      coder.close();
    }
  });

  it('the sender is unknown here (another computer) until its card is imported, and a card with other keys for a pinned profile is refused', async () => {
    const t = await twoProfiles();
    const away = testApp();
    await must(away, 'profiles.create', { displayName: 'Dana Away', role: 'coder', passphrase: PASSPHRASE });
    const card = file(t, 'dana.card.json');
    const exported = await must(away, 'profiles.exportCard', { path: card });
    expect(exported.fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    const imported = await must(t.lead, 'profiles.importCard', { path: card });
    expect(imported).toMatchObject({ newlyPinned: true, card: { displayName: 'Dana Away', fingerprint: exported.fingerprint } });

    const work = file(t, 'away.cdpkg');
    await must(t.lead, 'packages.create', { chartIds: ['IP-260102'], recipientId: exported.profileId, expiresDays: 14, path: work });
    await refused(away, 'packages.open', work, /does not know: import its profile card/);
    const leadCard = file(t, 'lee.card.json');
    await must(t.lead, 'profiles.exportCard', { path: leadCard });
    await must(away, 'profiles.importCard', { path: leadCard });
    expect((await must(away, 'packages.open', { path: work })).charts).toBe(1);

    // Someone swaps in a card with their own keys under Lee's id: refused, the pin stays.
    const x = crypto.generateKeyPairSync('x25519');
    const ed = crypto.generateKeyPairSync('ed25519');
    const forged = makeCard({ id: t.leadId, displayName: 'Lee Lead', role: 'supervisor' }, rawPublic(x.publicKey), rawPublic(ed.publicKey));
    writeCardFile(file(t, 'forged.card.json'), forged);
    const result = await call(away, 'profiles.importCard', { path: file(t, 'forged.card.json') });
    expect(result.ok ? null : result.error).toMatchObject({ code: 'PACKAGE_REFUSED', message: expect.stringMatching(/different keys/) });
  });

  it('a card file is damaged or not a card', async () => {
    const t = await twoProfiles();
    fs.writeFileSync(file(t, 'junk.json'), '{"format":"codedesk-profile-card"');
    const result = await call(t.lead, 'profiles.importCard', { path: file(t, 'junk.json') });
    expect(result.ok ? null : result.error.code).toBe('BAD_INPUT');
  });
});

describe('a result package is refused, and nothing is applied, when', () => {
  it('it is tampered with or cut short', async () => {
    const t = await twoProfiles();
    await must(t.coder, 'packages.open', { path: await sendWork(t) });
    await codeAndSubmit(t.coder, 'IP-260102', IP_CODING);
    const result = file(t, 'result.cdpkg');
    await must(t.coder, 'packages.result', { recipientId: t.leadId, expiresDays: 14, path: result });
    await refused(t.lead, 'packages.apply', altered(t, result, 'flipped.cdpkg', flip((b) => Math.floor(b.length / 3))), /damaged or was altered/);
    await refused(t.lead, 'packages.apply', altered(t, result, 'cut.cdpkg', (b) => b.subarray(0, b.length - 1)), /damaged or was altered/);
    expect((await must(t.lead, 'packages.apply', { path: result })).applied).toEqual(['IP-260102']);
  });

  it('an older result arrives after a newer one (replay or out of order)', async () => {
    const t = await twoProfiles();
    await must(t.coder, 'packages.open', { path: await sendWork(t) });
    await saveCoding(t.coder, 'IP-260102', IP_CODING);
    await must(t.coder, 'packages.result', { recipientId: t.leadId, expiresDays: 14, path: file(t, 'r1.cdpkg') });
    await codeAndSubmit(t.coder, 'IP-260102', IP_CODING);
    await must(t.coder, 'packages.result', { recipientId: t.leadId, expiresDays: 14, path: file(t, 'r2.cdpkg') });

    expect((await must(t.lead, 'packages.apply', { path: file(t, 'r2.cdpkg') })).seq).toBe(2);
    await refused(t.lead, 'packages.apply', file(t, 'r1.cdpkg'), /number 1\) is older than one already applied .*number 2/);
    expect((await must(t.lead, 'charts.get', { chartId: 'IP-260102' })).status).toBe('submitted');
  });

  it('it names a chart that was never sent to its coder', async () => {
    const t = await twoProfiles();
    await must(t.coder, 'packages.open', { path: await sendWork(t) });
    await saveCoding(t.coder, 'IP-260102', IP_CODING);
    // The coder's workspace claims a chart of its own came from the lead.
    const db = t.coder.session!.db;
    insertCharts(db, [chart({ id: 'XX-000001' })], new Date().toISOString());
    db.prepare("INSERT INTO package_charts(package_id, chart_id, counterpart_id, base_hash) VALUES ('forged', 'XX-000001', ?, ?)").run(t.leadId, '0'.repeat(64));
    await must(t.coder, 'packages.result', { recipientId: t.leadId, expiresDays: 14, path: file(t, 'r.cdpkg') });
    await refused(t.lead, 'packages.apply', file(t, 'r.cdpkg'), /1 chart\(s\) that were never sent/);
    expect((await must(t.lead, 'coding.get', { chartId: 'IP-260102' })).revision).toBe(0);
  });

  it('it has expired', async () => {
    const t = await twoProfiles();
    await must(t.coder, 'packages.open', { path: await sendWork(t) });
    await saveCoding(t.coder, 'IP-260102', IP_CODING);
    await must(t.coder, 'packages.result', { recipientId: t.leadId, expiresDays: 1, path: file(t, 'r.cdpkg') });
    t.lead.lock('manual');
    const lead = await later(t, t.leadId, 3);
    try {
      await refused(lead, 'packages.apply', file(t, 'r.cdpkg'), /expired/);
    } finally {
      lead.close();
    }
  });

  it('the coder’s audit trail ends before the one an earlier result carried (a rolled-back coder workspace)', async () => {
    const t = await twoProfiles();
    await must(t.coder, 'packages.open', { path: await sendWork(t) });
    await saveCoding(t.coder, 'IP-260102', IP_CODING);
    await must(t.coder, 'packages.result', { recipientId: t.leadId, expiresDays: 14, path: file(t, 'r1.cdpkg') });
    await must(t.lead, 'packages.apply', { path: file(t, 'r1.cdpkg') });
    // As if the first result had carried a trail 10,000 entries long.
    t.lead.session!.db.prepare("UPDATE package_log SET summary_json = json_set(summary_json, '$.headSeq', 10000) WHERE direction = 'applied'").run();
    await must(t.coder, 'packages.result', { recipientId: t.leadId, expiresDays: 14, path: file(t, 'r2.cdpkg') });
    await refused(t.lead, 'packages.apply', file(t, 'r2.cdpkg'), /may have been rolled back/);
  });
});
