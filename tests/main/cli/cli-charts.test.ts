/** `codedesk charts import` and `charts list`: JSON shapes, exit 2 for a file that is no export, the status filter. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyItems } from '../../../src/main/services/interchange/ingest/apply-items';
import { chartIdCandidates } from '../../../src/main/services/interchange/ingest/policy';
import { importText } from '../../../src/main/cli/chart-commands';
import { must, PASSPHRASE, testApp } from '../helpers/app';
import { REPO_ROOT, tempDir } from '../helpers/temp';
import { chartItem, encounter, stream } from '../interchange/ingest/items';
import { cliBundle } from '../helpers/cli-bundle';

const BIN = cliBundle();
const TINY_BUNDLE = path.join(REPO_ROOT, 'tests', 'fixtures', 'interchange', 'tiny-bundle.json');

function codedesk(args: string[]) {
  const res = spawnSync(process.execPath, [BIN, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, CODEDESK_LOG: 'silent', CODEDESK_PASSPHRASE: PASSPHRASE },
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

/** A home with a coder profile, the demo's 44 charts, and two imported ones, one of them flagged. */
async function homeWithCharts(): Promise<{ home: string; flaggedId: string }> {
  const home = tempDir('codedesk-cli-charts-');
  const app = testApp(home);
  await must(app, 'profiles.create', { displayName: 'Dana Coder', role: 'coder', passphrase: PASSPHRASE });
  await must(app, 'demo.load', {});
  const ingest = (items: ReturnType<typeof chartItem>[]) =>
    applyItems(app.session!.db, stream(items), { now: app.now, assignee: 'Dana Coder', audit: (b) => app.audit('charts.import', null, { ...b }) });
  await ingest([chartItem(encounter('e1')), chartItem(encounter('e2'))]);
  const flaggedId = chartIdCandidates(encounter('e1'))[0]!;
  app.session!.db.prepare("UPDATE charts SET status = 'submitted' WHERE id = ?").run(flaggedId);
  await ingest([chartItem(encounter('e1', { payer: 'Aetna' }))]);
  app.close();
  return { home, flaggedId };
}

describe('codedesk charts', () => {
  it('import: exit 2 naming the file when a path is not FHIR or HL7 v2 at all, and nothing is imported', async () => {
    const { home } = await homeWithCharts();
    const file = path.join(tempDir(), 'roster.xlsx');
    fs.writeFileSync(file, Buffer.from('not an export at all'));
    const out = codedesk(['--home', home, 'charts', 'import', file, '--json']);
    expect(out.status).toBe(2);
    expect(out.stderr.trim()).toBe('codedesk: roster.xlsx is not a FHIR or HL7 v2 export: it is neither JSON nor HL7 v2 (no MSH segment).');
    expect(out.stdout).toBe('');
    expect(codedesk(['--home', home, 'charts', 'import', file, '--ambulatory', 'clinic']).status).toBe(2);
    expect(JSON.parse(codedesk(['--home', home, 'charts', 'list', '--json']).stdout).total).toBe(46);
  });

  it('list: {"total","rows"} with no patient names, filtered by --status, the flag on a chart whose source changed after submit', async () => {
    const { home, flaggedId } = await homeWithCharts();
    const all = codedesk(['--home', home, 'charts', 'list', '--json']);
    expect(all.status).toBe(0);
    const listed = JSON.parse(all.stdout);
    expect(Object.keys(listed)).toEqual(['total', 'rows']);
    expect(listed.total).toBe(46);
    expect(listed.rows).toHaveLength(46);
    expect(all.stdout).not.toMatch(/patientName|Test, Pat/);
    const submitted = JSON.parse(codedesk(['--home', home, 'charts', 'list', '--status', 'submitted', '--json']).stdout);
    expect(submitted).toEqual({ total: 1, rows: [expect.objectContaining({ id: flaggedId, status: 'submitted', sourceChanged: true })] });
    const text = codedesk(['--home', home, 'charts', 'list', '--status', 'submitted']);
    // Due three days after it arrived (today), the discharge being older.
    expect(text.stdout).toMatch(new RegExp(`${flaggedId}\tsubmitted\tinpatient\t2026-03-04\t\\d{4}-\\d{2}-\\d{2}\tMedicare\tsource changed after submit`));
    const bad = codedesk(['--home', home, 'charts', 'list', '--status', 'done']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--status must be one of new, in_progress, on_hold, submitted/);
  });

  it('import without --json: counts, then each refusal by file, line and reason under the per-resource note', () => {
    const text = importText({
      created: 2,
      updated: 1,
      unchanged: 5,
      flagged: 1,
      documents: { created: 3, updated: 0, unchanged: 9, flagged: 1 },
      refused: [{ file: 'DocumentReference.000.ndjson', line: 12, reason: 'document for an encounter not imported: Encounter/x' }],
      note: 'refusals are per resource; the rest of each file was imported',
    });
    expect(text).toBe(
      [
        'Charts: 2 created, 1 updated, 5 unchanged, 1 flagged (source changed after submit; nothing applied).',
        'Documents: 3 created, 0 updated, 9 unchanged, 1 waiting with a flagged chart.',
        'Refused 1 (refusals are per resource; the rest of each file was imported):',
        '  DocumentReference.000.ndjson:12  document for an encounter not imported: Encounter/x',
        '',
      ].join('\n'),
    );
  });

  // Runs once the FHIR reader is merged (the stub throws 'not built yet' until then).
  it('import --json of a small FHIR bundle prints the counts, then the same bundle again is all unchanged', async () => {
    const home = tempDir('codedesk-cli-import-');
    const app = testApp(home);
    await must(app, 'profiles.create', { displayName: 'Dana Coder', role: 'coder', passphrase: PASSPHRASE });
    app.close();
    const first = codedesk(['--home', home, 'charts', 'import', TINY_BUNDLE, '--json']);
    expect(first.status).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(Object.keys(summary).slice(0, 4)).toEqual(['created', 'updated', 'unchanged', 'refused']);
    expect(summary).toMatchObject({ created: 2, updated: 0, unchanged: 0, refused: [] });
    const again = JSON.parse(codedesk(['--home', home, 'charts', 'import', TINY_BUNDLE, '--json']).stdout);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, refused: [] });
  });
});
