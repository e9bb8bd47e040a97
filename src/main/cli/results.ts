/**
 * `results export` and `results decrypt`. The export passphrase is not the profile's: it is
 * handed to whoever opens the file, so it comes from its own source (--export-passphrase-file
 * or CODEDESK_EXPORT_PASSPHRASE), like the profile passphrase today (the CLI never prompts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { EXPORT_FORMATS, EXPORT_FORMAT_LABELS, type ExportFormat } from '../../shared/results';
import { call, parse, unlock, type Command } from './command-kit';
import { CliExit, EXIT, printJson } from './io';
import { printText } from './terminal-text';

function exportPassphrase(file: string | undefined): string | undefined {
  if (file) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      throw new CliExit(EXIT.badInput, 'Cannot read the export passphrase file.');
    }
    const first = text.split(/\r?\n/)[0] ?? '';
    if (!first) throw new CliExit(EXIT.badInput, 'The export passphrase file is empty.');
    return first;
  }
  return process.env.CODEDESK_EXPORT_PASSPHRASE || undefined;
}

const NO_PASSPHRASE =
  'No export passphrase: set CODEDESK_EXPORT_PASSPHRASE or pass --export-passphrase-file FILE (or --plain to write a file anyone can read).';

export const RESULT_COMMANDS: Record<string, Command> = {
  'results export': {
    usage:
      'results export --format fhir|hl7|csv --out PATH [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--plain | --export-passphrase-file FILE] [--user NAME] [--json]',
    async run({ app, args }) {
      const { values } = parse(args, {
        user: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        plain: { type: 'boolean' },
        'export-passphrase-file': { type: 'string' },
      });
      if (!values.format || !(EXPORT_FORMATS as readonly string[]).includes(values.format)) {
        throw new CliExit(EXIT.badInput, `--format must be one of ${EXPORT_FORMATS.join(', ')}.`);
      }
      if (!values.out) throw new CliExit(EXIT.badInput, 'Missing --out PATH.');
      const plain = values.plain ?? false;
      const passphrase = exportPassphrase(values['export-passphrase-file']);
      if (plain && values['export-passphrase-file']) throw new CliExit(EXIT.badInput, '--plain takes no export passphrase: choose one or the other.');
      if (!plain && !passphrase) throw new CliExit(EXIT.badInput, NO_PASSPHRASE);
      await unlock(app, values.user, values['passphrase-file']);
      const out = await call(app, 'results.export', {
        format: values.format as ExportFormat,
        path: path.resolve(values.out),
        selection: { ...(values.since ? { since: values.since } : {}), ...(values.until ? { until: values.until } : {}) },
        plain,
        ...(plain ? {} : { passphrase }),
      });
      if (values.json) printJson(out);
      else {
        const how = out.encrypted
          ? 'encrypted (open it with codedesk results decrypt and the export passphrase)'
          : 'PLAIN: anyone who has the file can read it';
        printText(`Wrote ${out.charts} charts (${out.codes} codes) as ${EXPORT_FORMAT_LABELS[out.format]} to ${out.path}, ${how}.\n`);
      }
    },
  },
  'results decrypt': {
    usage: 'results decrypt FILE --out PATH [--export-passphrase-file FILE] [--json]',
    async run({ app, args }) {
      const { values, positionals } = parse(args, { out: { type: 'string' }, 'export-passphrase-file': { type: 'string' } });
      if (positionals.length !== 1) throw new CliExit(EXIT.badInput, 'Name one encrypted export: results decrypt FILE --out PATH.');
      if (!values.out) throw new CliExit(EXIT.badInput, 'Missing --out PATH.');
      const passphrase = exportPassphrase(values['export-passphrase-file']);
      if (!passphrase) throw new CliExit(EXIT.badInput, 'No export passphrase: set CODEDESK_EXPORT_PASSPHRASE or pass --export-passphrase-file FILE.');
      const out = await call(app, 'results.decrypt', { path: path.resolve(positionals[0]!), out: path.resolve(values.out), passphrase });
      if (values.json) printJson(out);
      else printText(`Opened into ${out.path} (${out.bytes} bytes). It is plain text now: anyone who has it can read it.\n`);
    },
  },
};
