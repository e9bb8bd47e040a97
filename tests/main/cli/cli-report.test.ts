/** `codedesk report productivity` through the real bin: the supervisor's export, and each refusal in one line. */
import fs from 'node:fs';
import path from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { must } from '../helpers/app';
import { codedesk } from '../helpers/cli';
import { codeAndSubmit, file, IP_CODING, sendWork, twoProfiles } from '../packages/two-profiles';

describe('codedesk report productivity', () => {
  it('writes the team’s XLSX and CSV for a supervisor and refuses a coder, a reversed range and a bad format', { timeout: 120_000 }, async () => {
    const t = await twoProfiles();
    await must(t.coder, 'packages.open', { path: await sendWork(t) });
    await codeAndSubmit(t.coder, 'IP-260102', IP_CODING);
    await must(t.coder, 'packages.result', { recipientId: t.leadId, expiresDays: 14, path: file(t, 'result.cdpkg') });
    await must(t.lead, 'packages.apply', { path: file(t, 'result.cdpkg') });
    t.lead.close();
    t.coder.close();
    const today = new Date().toISOString().slice(0, 10);

    const xlsx = path.join(t.files, 'team.xlsx');
    const made = codedesk(t.home, ['report', 'productivity', '--user', 'Lee Lead', '--from', today, '--to', today, '--format', 'xlsx', '--out', xlsx]);
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    expect(made.stdout).toMatch(/^Wrote the productivity report for .* as XLSX to /);
    const sheets = await readXlsxFile(fs.readFileSync(xlsx));
    const coders = sheets.find((s) => s.sheet === 'Coders')!.data;
    expect(coders.find((r) => r[1] === 'Dana Coder')?.[2]).toBe(1);

    const csv = path.join(t.files, 'team.csv');
    const json = JSON.parse(codedesk(t.home, ['report', 'productivity', '--user', 'Lee Lead', '--from', today, '--to', today, '--format', 'csv', '--out', csv, '--json']).stdout);
    expect(json).toMatchObject({ format: 'csv', rows: 1, path: csv });

    const coder = codedesk(t.home, ['report', 'productivity', '--user', 'Dana Coder', '--from', today, '--to', today, '--format', 'csv', '--out', path.join(t.files, 'c.csv')]);
    expect(coder.status).toBe(2);
    expect(coder.stderr).toMatch(/coder role may not/);
    const reversed = codedesk(t.home, ['report', 'productivity', '--user', 'Lee Lead', '--from', '2026-09-07', '--to', '2026-09-01', '--format', 'csv', '--out', path.join(t.files, 'r.csv')]);
    expect(reversed.status).toBe(2);
    expect(reversed.stderr.trim().split('\n')).toHaveLength(1);
    expect(reversed.stderr).toMatch(/reversed/);
    expect(codedesk(t.home, ['report', 'productivity', '--user', 'Lee Lead', '--from', today, '--to', today, '--format', 'pdf', '--out', path.join(t.files, 'x.pdf')]).stderr).toMatch(/--format must be/);
    expect(fs.readdirSync(t.files).sort()).toEqual(['result.cdpkg', 'team.csv', 'team.xlsx', 'work.cdpkg']);
  });
});
