/**
 * `report productivity`: the supervisor's productivity export from the command line, the same
 * report and the same file as the screen's Export (and on the audit trail the same way).
 */
import path from 'node:path';
import { call, parse, unlock, type Command } from './command-kit';
import { CliExit, EXIT, printJson } from './io';
import { printText } from './terminal-text';

const FORMATS = ['csv', 'xlsx'] as const;

export const REPORT_COMMANDS: Record<string, Command> = {
  'report productivity': {
    usage: 'report productivity --from YYYY-MM-DD --to YYYY-MM-DD --format csv|xlsx --out PATH [--coder PROFILE_ID] [--user NAME] [--json]',
    async run({ app, args }) {
      const { values } = parse(args, {
        user: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        coder: { type: 'string' },
      });
      if (!values.from || !values.to) throw new CliExit(EXIT.badInput, 'Give the period: --from YYYY-MM-DD --to YYYY-MM-DD.');
      const format = values.format;
      if (!format || !(FORMATS as readonly string[]).includes(format)) throw new CliExit(EXIT.badInput, `--format must be one of ${FORMATS.join(', ')}.`);
      if (!values.out) throw new CliExit(EXIT.badInput, 'Missing --out PATH.');
      await unlock(app, values.user, values['passphrase-file']);
      const out = await call(app, 'reports.exportProductivity', {
        from: values.from,
        to: values.to,
        format: format as (typeof FORMATS)[number],
        path: path.resolve(values.out),
        ...(values.coder ? { coderId: values.coder } : {}),
      });
      if (values.json) printJson(out);
      else printText(`Wrote the productivity report for ${values.from} to ${values.to} (${out.rows} day rows, ${out.bytes} bytes) as ${out.format.toUpperCase()} to ${out.path}.\n`);
    },
  },
};
