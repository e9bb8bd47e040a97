/**
 * Work packages, result packages and profile cards on the command line:
 *   codedesk package create --charts ID,ID|--status S --to PROFILE|--card FILE [--expires DAYS] --out FILE
 *   codedesk package open FILE
 *   codedesk package result --to PROFILE [--expires DAYS] --out FILE
 *   codedesk package apply FILE
 *   codedesk package conflicts / package resolve ID --keep home|package
 *   codedesk profile card --out FILE / profile import-card FILE
 */
import path from 'node:path';
import { CHART_STATUSES, type ChartStatus } from '../../shared/domain';
import { PACKAGE_EXPIRY_DAYS, type ProfileCardInfo } from '../../shared/packages';
import type { CodeDeskApp } from '../app';
import { call, parse, unlock, type CommandContext } from './command-kit';
import { CliExit, EXIT, printJson } from './io';
import { printText } from './terminal-text';

type Command = { usage: string; run(ctx: CommandContext): Promise<void> };

const userOption = { user: { type: 'string' } } as const;

function expiresDays(text: string | undefined): number {
  if (text === undefined) return PACKAGE_EXPIRY_DAYS.default;
  const days = Number(text);
  if (!Number.isInteger(days) || days < PACKAGE_EXPIRY_DAYS.min || days > PACKAGE_EXPIRY_DAYS.max) {
    throw new CliExit(EXIT.badInput, `--expires must be a whole number of days from ${PACKAGE_EXPIRY_DAYS.min} to ${PACKAGE_EXPIRY_DAYS.max}.`);
  }
  return days;
}

/** The profile named by --to (display name or id) among those packages can go to, or the one a --card file names (pinned now). */
async function recipient(app: CodeDeskApp, to: string | undefined, card: string | undefined): Promise<ProfileCardInfo> {
  if ((to === undefined) === (card === undefined)) throw new CliExit(EXIT.badInput, 'Name the recipient: --to PROFILE or --card FILE.');
  if (card) {
    const imported = await call(app, 'profiles.importCard', { path: path.resolve(card) });
    printText(`Pinned ${imported.card.displayName}'s card, fingerprint ${imported.card.fingerprint}: compare it with them.\n`);
    return imported.card;
  }
  const { recipients } = await call(app, 'packages.recipients', {});
  const found = recipients.filter((r) => r.displayName === to || r.profileId === to);
  if (found.length !== 1) throw new CliExit(EXIT.badInput, found.length ? 'Several profiles have that name: give the id.' : 'No profile with that name or id can receive packages here.');
  return found[0]!;
}

function oneFile(positionals: string[], what: string): string {
  if (positionals.length !== 1) throw new CliExit(EXIT.badInput, `Name one ${what} file.`);
  return path.resolve(positionals[0]!);
}

export const PACKAGE_COMMANDS: Record<string, Command> = {
  'package create': {
    usage: 'package create --charts ID,ID|--status S --to PROFILE|--card FILE [--expires DAYS] --out FILE [--user NAME] [--json]',
    async run({ app, args }) {
      const { values } = parse(args, { ...userOption, charts: { type: 'string' }, status: { type: 'string' }, to: { type: 'string' }, card: { type: 'string' }, expires: { type: 'string' }, out: { type: 'string' } });
      if (!values.out) throw new CliExit(EXIT.badInput, 'Missing --out FILE.');
      if ((values.charts === undefined) === (values.status === undefined)) throw new CliExit(EXIT.badInput, 'Name the charts: --charts ID,ID or --status S.');
      if (values.status !== undefined && !(CHART_STATUSES as readonly string[]).includes(values.status)) {
        throw new CliExit(EXIT.badInput, `--status must be one of ${CHART_STATUSES.join(', ')}.`);
      }
      const days = expiresDays(values.expires);
      await unlock(app, values.user, values['passphrase-file']);
      const to = await recipient(app, values.to, values.card);
      const out = await call(app, 'packages.create', {
        ...(values.charts !== undefined ? { chartIds: values.charts.split(',').map((c) => c.trim()).filter(Boolean) } : { status: values.status as ChartStatus }),
        recipientId: to.profileId,
        expiresDays: days,
        path: path.resolve(values.out),
      });
      if (values.json) printJson(out);
      else printText(`Package for ${out.recipient.displayName}: ${out.charts} charts, ${out.bytes} bytes, expires ${out.expiresAt.slice(0, 10)}, written to ${out.path}.\n`);
    },
  },
  'package open': {
    usage: 'package open FILE [--user NAME] [--json]',
    async run({ app, args }) {
      const { values, positionals } = parse(args, userOption);
      const file = oneFile(positionals, 'package');
      await unlock(app, values.user, values['passphrase-file']);
      const out = await call(app, 'packages.open', { path: file });
      if (values.json) printJson(out);
      else {
        printText(out.alreadyOpened ? 'This package was opened before: nothing changed.\n' : `Opened ${out.charts} charts from ${out.sender.displayName}.${out.audits ? ` ${out.audits} audit(s) of your charts to answer.` : ''}\n`);
        for (const m of out.missingCodeSets) printText(`Missing code set: ${m.system} ${m.label}. Import it before coding these charts.\n`);
      }
    },
  },
  'package result': {
    usage: 'package result --to PROFILE|--card FILE [--expires DAYS] --out FILE [--user NAME] [--json]',
    async run({ app, args }) {
      const { values } = parse(args, { ...userOption, to: { type: 'string' }, card: { type: 'string' }, expires: { type: 'string' }, out: { type: 'string' } });
      if (!values.out) throw new CliExit(EXIT.badInput, 'Missing --out FILE.');
      const days = expiresDays(values.expires);
      await unlock(app, values.user, values['passphrase-file']);
      const to = await recipient(app, values.to, values.card);
      const out = await call(app, 'packages.result', { recipientId: to.profileId, expiresDays: days, path: path.resolve(values.out) });
      if (values.json) printJson(out);
      else printText(`Result package number ${out.seq} for ${to.displayName}: ${out.charts} charts, ${out.activity} activity entries, written to ${out.path}.\n`);
    },
  },
  'package apply': {
    usage: 'package apply FILE [--user NAME] [--json]',
    async run({ app, args }) {
      const { values, positionals } = parse(args, userOption);
      const file = oneFile(positionals, 'result package');
      await unlock(app, values.user, values['passphrase-file']);
      const out = await call(app, 'packages.apply', { path: file });
      if (values.json) printJson(out);
      else if (out.alreadyApplied) printText('This result package was applied before: nothing changed.\n');
      else {
        printText(`Applied result number ${out.seq}: ${out.applied.length} charts updated, ${out.unchanged} unchanged, ${out.conflicts.length} conflicts.\n`);
        if (out.conflicts.length) printText(`Conflicts to resolve (package conflicts): ${out.conflicts.join(', ')}\n`);
      }
    },
  },
  'package conflicts': {
    usage: 'package conflicts [--user NAME] [--json]',
    async run({ app, args }) {
      const { values } = parse(args, userOption);
      await unlock(app, values.user, values['passphrase-file']);
      const out = await call(app, 'packages.conflicts', {});
      if (values.json) printJson(out);
      else for (const c of out) printText(`${c.id}\t${c.chartId}\tfrom ${c.from}\thome ${c.home.status} v${c.home.version}\tpackage ${c.package.status} v${c.package.version}\n`);
    },
  },
  'package resolve': {
    usage: 'package resolve CONFLICT_ID --keep home|package [--user NAME]',
    async run({ app, args }) {
      const { values, positionals } = parse(args, { ...userOption, keep: { type: 'string' } });
      const id = Number(positionals[0]);
      if (positionals.length !== 1 || !Number.isInteger(id) || id < 1) throw new CliExit(EXIT.badInput, 'Name one conflict by its number (package conflicts).');
      if (values.keep !== 'home' && values.keep !== 'package') throw new CliExit(EXIT.badInput, '--keep must be home or package.');
      await unlock(app, values.user, values['passphrase-file']);
      const out = await call(app, 'packages.resolve', { conflictId: id, keep: values.keep });
      printText(`Resolved: ${out.chartId} keeps the ${values.keep === 'home' ? 'home' : 'package'} version.\n`);
    },
  },
  'profile card': {
    usage: 'profile card --out FILE [--user NAME] [--json]',
    async run({ app, args }) {
      const { values } = parse(args, { ...userOption, out: { type: 'string' } });
      if (!values.out) throw new CliExit(EXIT.badInput, 'Missing --out FILE.');
      await unlock(app, values.user, values['passphrase-file']);
      const out = await call(app, 'profiles.exportCard', { path: path.resolve(values.out) });
      if (values.json) printJson(out);
      else printText(`Card of ${out.displayName} written to ${out.path}.\nFingerprint: ${out.fingerprint}\n`);
    },
  },
  'profile import-card': {
    usage: 'profile import-card FILE [--user NAME] [--json]',
    async run({ app, args }) {
      const { values, positionals } = parse(args, userOption);
      const file = oneFile(positionals, 'card');
      await unlock(app, values.user, values['passphrase-file']);
      const out = await call(app, 'profiles.importCard', { path: file });
      if (values.json) printJson(out);
      else printText(`${out.newlyPinned ? 'Pinned' : 'Already pinned'}: ${out.card.displayName} (${out.card.role}).\nFingerprint: ${out.card.fingerprint}\nCompare it with them by phone or in person before sending them charts.\n`);
    },
  },
};
