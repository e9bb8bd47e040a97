/**
 * The CLI's commands, each a thin shell over the same api.ts the other hosts use.
 * Grammar: codedesk <group> <command> [args] [--flags]
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROLES, CODE_SYSTEMS } from '../../shared/domain';
import type { EventMap, MethodInput } from '../../shared/contract';
import type { AnyEventListener } from '../events';
import { call, chooseProfile, parse, unlock, type Command } from './command-kit';
import { CliExit, EXIT, printJson, readPassphrase } from './io';
import { printText, terminalSafe } from './terminal-text';

/** One progress line for a terminal: file, percent, lines, and whether the index is being built. */
export function progressLine(p: EventMap['import.progress']): string {
  const pct = p.totalLines ? Math.floor((100 * p.line) / p.totalLines) : 0;
  if (p.step === 'checking') return `${path.basename(p.path)}: checking against the official releases`;
  if (p.step === 'search') return 'preparing search over the new codes';
  const stage = p.step === 'indexing' ? ', building the search index' : '';
  return `${path.basename(p.path)}: ${pct}% (${p.line} of ${p.totalLines} lines${stage})`;
}

const showProgress: AnyEventListener = (name, payload) => {
  if (name !== 'import.progress') return;
  process.stderr.write(`\r${terminalSafe(progressLine(payload as EventMap['import.progress']))}`);
};

export const COMMANDS: Record<string, Command> = {
  'workspace create': {
    usage: 'workspace create --user NAME --role coder|auditor|supervisor',
    async run({ app, args }) {
      const { values } = parse(args, { user: { type: 'string' }, role: { type: 'string' } });
      if (!values.user) throw new CliExit(EXIT.badInput, 'Missing --user NAME.');
      const role = values.role ?? 'coder';
      if (!(ROLES as readonly string[]).includes(role)) throw new CliExit(EXIT.badInput, `--role must be one of ${ROLES.join(', ')}.`);
      const out = await call(app, 'profiles.create', {
        displayName: values.user,
        role: role as (typeof ROLES)[number],
        passphrase: readPassphrase(values['passphrase-file']),
      });
      if (values.json) printJson(out);
      else {
        printText(`Created profile ${out.profile.displayName} (${out.profile.role}), id ${out.profile.id}.\n`);
        printText(`Recovery key (shown once, keep it offline): ${out.recoveryKey}\n`);
      }
    },
  },
  'profiles list': {
    usage: 'profiles list [--json]',
    async run({ app, args }) {
      const { values } = parse(args, {});
      const profiles = await call(app, 'profiles.list', {});
      if (values.json) printJson(profiles);
      else for (const p of profiles) printText(`${p.id}\t${p.displayName}\t${p.role}\n`);
    },
  },
  'codes import': {
    usage: 'codes import PATH... [--allow-unverified] [--json]',
    async run({ app, args }) {
      const { values, positionals } = parse(args, { 'allow-unverified': { type: 'boolean' } });
      if (positionals.length === 0) throw new CliExit(EXIT.badInput, 'Name at least one file or folder to import.');
      // Progress on a terminal only: scripts read the summary, not a stream of counters.
      const off = process.stderr.isTTY && !values.json ? app.events.on(showProgress) : null;
      const input = { paths: positionals.map((p) => path.resolve(p)), allowUnverified: values['allow-unverified'] ?? false };
      const summary = await call(app, 'codes.import', input).finally(() => {
        off?.();
        if (off) process.stderr.write('\n');
      });
      if (values.json) printJson(summary);
      else {
        for (const f of summary.files) {
          const notes = `${f.replaced ? ' (replaced)' : ''}${f.verified ? '' : ' (unverified: matches no known official release)'}`;
          printText(`${path.basename(f.path)}: ${f.system} ${f.label}, ${f.codes} codes${notes}\n`);
        }
        for (const f of summary.skipped) printText(`${path.basename(f.path)}: skipped, ${f.reason}\n`);
        printText(`${summary.totalCodes} codes in ${summary.seconds.toFixed(1)} s\n`);
      }
    },
  },
  'codes search': {
    usage: 'codes search QUERY [--system icd10cm|icd10pcs|hcpcs|cpt] [--date YYYY-MM-DD] [--limit N] [--json]',
    async run({ app, args }) {
      const { values, positionals } = parse(args, { system: { type: 'string' }, date: { type: 'string' }, limit: { type: 'string' } });
      const query = positionals.join(' ').trim();
      if (!query) throw new CliExit(EXIT.badInput, 'Give a search query.');
      if (values.system && !(CODE_SYSTEMS as readonly string[]).includes(values.system)) {
        throw new CliExit(EXIT.badInput, `--system must be one of ${CODE_SYSTEMS.join(', ')}.`);
      }
      const limit = values.limit === undefined ? 25 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new CliExit(EXIT.badInput, '--limit must be a whole number from 1 to 200.');
      const out = await call(app, 'codes.search', {
        query,
        limit,
        ...(values.system ? { system: values.system as (typeof CODE_SYSTEMS)[number] } : {}),
        ...(values.date ? { date: values.date } : {}),
      });
      if (values.json) printJson({ query: out.query, results: out.results });
      else for (const r of out.results) printText(`${r.code.padEnd(9)} ${r.billable ? ' ' : 'H'} ${r.title}\n`);
    },
  },
  'claim check': {
    usage: 'claim check FILE.json [--json]',
    async run({ app, args }) {
      const { values, positionals } = parse(args, {});
      const file = positionals[0];
      if (!file || positionals.length > 1) throw new CliExit(EXIT.badInput, 'Name one claim file: claim check FILE.json.');
      let claim: unknown;
      try {
        claim = JSON.parse(fs.readFileSync(path.resolve(file), 'utf8'));
      } catch (e) {
        const what = e instanceof SyntaxError ? 'is not valid JSON' : 'cannot be read';
        throw new CliExit(EXIT.badInput, `${path.basename(file)} ${what}.`);
      }
      const out = await call(app, 'claim.check', claim as MethodInput<'claim.check'>);
      if (values.json) printJson(out);
      else if (out.findings.length === 0) printText('No findings.\n');
      else for (const f of out.findings) printText(`${f.severity.padEnd(7)} ${f.edit}  ${f.codes.join(', ')}  ${f.message}  [${f.source}]\n`);
      // Exit 3: checked, with errors (2 stays "the claim itself is malformed"); warnings alone exit 0.
      const errors = out.findings.filter((f) => f.severity === 'error').length;
      if (errors > 0) throw new CliExit(EXIT.findings, `The claim has ${errors} error finding(s).`);
    },
  },
  'codes show': {
    usage: 'codes show CODE [--system icd10cm|icd10pcs|hcpcs|cpt] [--date YYYY-MM-DD] [--json]',
    async run({ app, args }) {
      const { values, positionals } = parse(args, { system: { type: 'string' }, date: { type: 'string' } });
      if (positionals.length !== 1) throw new CliExit(EXIT.badInput, 'Give one code to show.');
      if (values.system && !(CODE_SYSTEMS as readonly string[]).includes(values.system)) {
        throw new CliExit(EXIT.badInput, `--system must be one of ${CODE_SYSTEMS.join(', ')}.`);
      }
      const detail = await call(app, 'codes.show', {
        code: positionals[0]!,
        ...(values.system ? { system: values.system as (typeof CODE_SYSTEMS)[number] } : {}),
        ...(values.date ? { date: values.date } : {}),
      });
      if (values.json) {
        printJson(detail);
        return;
      }
      const out = [`${detail.code}${detail.billable ? '' : ' (header, not billable)'}  ${detail.title}`];
      out.push(...detail.hierarchy.map((h) => `  in ${h.level} ${h.code}: ${h.title}`));
      const source = detail.notesSource;
      if (source) out.push(`Notes from the Tabular List ${source.label}${source.fallback ? ' (the newest imported, not the year of the date)' : ''}:`);
      out.push(...detail.notes.map((n) => `  ${n.kind}${n.inherited ? ` (from ${n.from})` : ''}: ${n.text}`));
      if (detail.sevenChr) out.push(`7th characters (from ${detail.sevenChr.from}):`, ...detail.sevenChr.definitions.map((d) => `  ${d.char}  ${d.title}`));
      if (detail.children.length > 0) out.push('Codes below:');
      out.push(...detail.children.map((c) => `  ${c.code.padEnd(9)} ${c.billable ? ' ' : 'H'} ${c.title}`));
      printText(`${out.join('\n')}\n`);
    },
  },
  'demo load': {
    usage: 'demo load [--user NAME]',
    async run({ app, args }) {
      const { values } = parse(args, { user: { type: 'string' } });
      await unlock(app, values.user, values['passphrase-file']);
      const out = await call(app, 'demo.load', {});
      if (values.json) printJson(out);
      else printText(`Loaded ${out.charts} demo charts, ${out.codes} demo codes and ${out.editRows} demo edit-table rows.\n`);
    },
  },
  'workspace backup': {
    usage: 'workspace backup --out FILE [--user NAME] [--json]',
    async run({ app, args }) {
      const { values } = parse(args, { user: { type: 'string' }, out: { type: 'string' } });
      if (!values.out) throw new CliExit(EXIT.badInput, 'Missing --out FILE.');
      await unlock(app, values.user, values['passphrase-file']);
      const out = await call(app, 'workspace.backup', { path: path.resolve(values.out) });
      if (values.json) printJson(out);
      else printText(`Backup written and verified: ${out.path} (${out.bytes} bytes, audit entry ${out.headSeq}).\n`);
    },
  },
  'workspace restore': {
    usage: 'workspace restore FILE [--user NAME] [--json]',
    async run({ app, args }) {
      const { values, positionals } = parse(args, { user: { type: 'string' } });
      if (positionals.length !== 1) throw new CliExit(EXIT.badInput, 'Name one backup file: workspace restore FILE.');
      const profile = await chooseProfile(app, values.user);
      const out = await call(app, 'workspace.restore', {
        profileId: profile.id,
        passphrase: readPassphrase(values['passphrase-file']),
        path: path.resolve(positionals[0]!),
      });
      if (values.json) printJson(out);
      else {
        printText(`Restored. ${out.entriesGivenUp} audit entries after the backup are given up; the restore is on the trail.\n`);
        if (out.replacedFile) printText(`The replaced workspace is kept beside it as ${out.replacedFile}.\n`);
      }
    },
  },
  'audit reanchor': {
    usage: 'audit reanchor [--user NAME]',
    async run({ app, args }) {
      const { values } = parse(args, { user: { type: 'string' } });
      await unlock(app, values.user, values['passphrase-file']);
      await call(app, 'audit.reanchor', {});
      printText('The finding is on the audit trail and the seal now follows the trail as it is.\n');
    },
  },
  'audit verify': {
    usage: 'audit verify [--user NAME] [--json]',
    async run({ app, args }) {
      const { values } = parse(args, { user: { type: 'string' } });
      await unlock(app, values.user, values['passphrase-file']);
      const report = await call(app, 'audit.verify', {});
      if (values.json) printJson(report);
      else if (report.ok) printText(`Audit trail intact: ${report.entries} entries.\n`);
      else for (const p of report.problems) printText(`entry ${p.seq}: ${p.kind}: ${p.message}\n`);
      if (!report.ok) throw new CliExit(EXIT.failed, `The audit trail has ${report.problems.length} problem(s).`);
    },
  },
};
