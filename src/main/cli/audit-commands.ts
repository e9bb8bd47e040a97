/** `audit sample`: an auditor's seeded sample of submitted charts, the same for the same seed and charts. */
import { call, parse, unlock, type Command } from './command-kit';
import { CliExit, EXIT, printJson } from './io';
import { printText } from './terminal-text';

export const AUDIT_COMMANDS: Record<string, Command> = {
  'audit sample': {
    usage: 'audit sample --size N|N% [--seed S] [--strata none|coder|setting] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--user NAME] [--json]',
    async run({ app, args }) {
      const { values } = parse(args, {
        user: { type: 'string' },
        size: { type: 'string' },
        seed: { type: 'string' },
        strata: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
      });
      const size = /^(\d+(?:\.\d+)?)%$/.exec(values.size ?? '');
      const count = /^\d+$/.test(values.size ?? '') ? Number(values.size) : null;
      if (!size && count === null) throw new CliExit(EXIT.badInput, '--size must be a count (e.g. 30) or a percent (e.g. 5%).');
      const strata = values.strata ?? 'none';
      if (!['none', 'coder', 'setting'].includes(strata)) throw new CliExit(EXIT.badInput, '--strata must be none, coder or setting.');
      await unlock(app, values.user, values['passphrase-file']);
      const drawn = await call(app, 'audits.sample', {
        size: size ? { percent: Number(size[1]) } : { count: count as number },
        strata: strata as 'none' | 'coder' | 'setting',
        ...(values.seed ? { seed: values.seed } : {}),
        ...(values.from ? { from: values.from } : {}),
        ...(values.to ? { to: values.to } : {}),
      });
      if (values.json) printJson(drawn);
      else {
        printText(`Sample of ${drawn.chartIds.length} from ${drawn.population} submitted charts, seed ${drawn.seed} (the same seed on the same charts draws the same sample):\n`);
        printText(`${drawn.chartIds.join('\n')}\n`);
      }
    },
  },
};
