import { describe, expect, it } from 'vitest';
import { DEFAULT_CHART_LAYOUT } from '../../../src/shared/layout';
import { run } from '../../../src/main/services/db/rows';
import { call, must, PASSPHRASE, testApp } from '../helpers/app';

const wide = { recordsPct: 58, detailPct: 18, detailCollapsed: true };

describe('screen preferences (pane widths) in the encrypted workspace', () => {
  it('start at the default, are kept per user across a lock and a restart, and stay unaudited', async () => {
    const app = testApp();
    const { profile } = await must(app, 'profiles.create', { displayName: 'Dana', role: 'coder', passphrase: PASSPHRASE });
    expect(await must(app, 'preferences.get', {})).toEqual({ chartLayout: DEFAULT_CHART_LAYOUT });
    const auditBefore = app.session!.db.prepare('SELECT count(*) AS n FROM audit_log').get();
    expect(await must(app, 'preferences.set', { chartLayout: wide })).toEqual({ chartLayout: wide });
    expect(app.session!.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(auditBefore);

    await must(app, 'session.lock', {});
    expect(await call(app, 'preferences.get', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    await must(app, 'session.unlock', { profileId: profile.id, passphrase: PASSPHRASE });
    expect((await must(app, 'preferences.get', {})).chartLayout).toEqual(wide);

    // A restart: a new app on the same home.
    const home = app.home;
    app.close();
    const again = testApp(home);
    await must(again, 'session.unlock', { profileId: profile.id, passphrase: PASSPHRASE });
    expect((await must(again, 'preferences.get', {})).chartLayout).toEqual(wide);

    // Another profile on this device has its own.
    await must(again, 'session.lock', {});
    await must(again, 'profiles.create', { displayName: 'Sam', role: 'coder', passphrase: PASSPHRASE });
    expect((await must(again, 'preferences.get', {})).chartLayout).toEqual(DEFAULT_CHART_LAYOUT);
  });

  it('refuses widths out of range with a clear error and keeps the saved layout', async () => {
    const app = testApp();
    await must(app, 'profiles.create', { displayName: 'Dana', role: 'coder', passphrase: PASSPHRASE });
    await must(app, 'preferences.set', { chartLayout: wide });
    const bad = await call(app, 'preferences.set', { chartLayout: { ...wide, recordsPct: 99 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('chartLayout.recordsPct') } });
    expect((await must(app, 'preferences.get', {})).chartLayout).toEqual(wide);
  });

  it('keeps the coding pane at its minimum when records and detail together are too wide', async () => {
    const app = testApp();
    await must(app, 'profiles.create', { displayName: 'Dana', role: 'coder', passphrase: PASSPHRASE });
    const kept = await must(app, 'preferences.set', { chartLayout: { recordsPct: 70, detailPct: 40, detailCollapsed: false } });
    expect(kept.chartLayout).toEqual({ recordsPct: 62, detailPct: 14, detailCollapsed: false });
  });

  it('a damaged stored value reads as the default instead of failing the chart screen', async () => {
    const app = testApp();
    await must(app, 'profiles.create', { displayName: 'Dana', role: 'coder', passphrase: PASSPHRASE });
    run(app.session!.db, "INSERT INTO settings(key, value) VALUES ('ui.chart_layout', '{not json')");
    expect((await must(app, 'preferences.get', {})).chartLayout).toEqual(DEFAULT_CHART_LAYOUT);
  });
});
