/**
 * `codedesk` command-line host. Exit 0 on success, 2 on bad input, 3 when `claim check` finds
 * errors, 1 on other failures; a failure is one line on stderr, never a stack trace. The log
 * (timings, warnings) reaches stderr only with --verbose.
 */
import { CodeDeskApp } from '../app';
import { muteLog } from '../log';
import { resolveHome, resourcesDir } from '../paths';
import { COMMANDS as CORE_COMMANDS } from './commands';
import { CHART_COMMANDS } from './chart-commands';
import { PACKAGE_COMMANDS } from './package-commands';
import { AUDIT_COMMANDS } from './audit-commands';
import { REPORT_COMMANDS } from './report-commands';
import { RESULT_COMMANDS } from './results';
import { CliExit, EXIT } from './io';
import { terminalSafe } from './terminal-text';
import { HUB_USAGE, runHubCommand } from '../hub/cli';

const COMMANDS = { ...CORE_COMMANDS, ...CHART_COMMANDS, ...RESULT_COMMANDS, ...PACKAGE_COMMANDS, ...REPORT_COMMANDS, ...AUDIT_COMMANDS };

const UNEXPECTED = 'unexpected failure; nothing was changed that was not already saved.';

function usage(): string {
  return ['Usage: codedesk [--home DIR] [--verbose] <command>', ...Object.values(COMMANDS).map((c) => `  codedesk ${c.usage}`), ...HUB_USAGE.map((u) => `  codedesk ${u}`)].join('\n');
}

/** --home and --verbose may stand anywhere; everything else belongs to the command. */
function takeGlobals(argv: string[]): { home: string | undefined; verbose: boolean; rest: string[] } {
  const rest: string[] = [];
  let home: string | undefined;
  let verbose = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--verbose') verbose = true;
    else if (a === '--home') {
      home = argv[++i];
      if (!home) throw new CliExit(EXIT.badInput, '--home needs a folder.');
    } else if (a.startsWith('--home=')) home = a.slice(7);
    else rest.push(a);
  }
  return { home, verbose, rest };
}

export async function runCli(argv: string[]): Promise<number> {
  let app: CodeDeskApp | null = null;
  try {
    const { home, verbose, rest } = takeGlobals(argv);
    // Scripts read stdout and one-line reasons on stderr: log lines only when asked for.
    muteLog(!verbose);
    if (rest.length === 0 || rest[0] === '--help' || rest[0] === '-h' || rest[0] === 'help') {
      process.stdout.write(`${usage()}\n`);
      return EXIT.ok;
    }
    // The hub is a server over PostgreSQL: no local workspace to open.
    if (rest[0] === 'hub') return await runHubCommand(rest.slice(1));
    const name = rest.slice(0, 2).join(' ');
    const command = COMMANDS[name];
    if (!command) throw new CliExit(EXIT.badInput, `Unknown command "${name}". Run codedesk --help.`);
    app = new CodeDeskApp({ home: resolveHome(home), resourcesDir: resourcesDir() });
    await command.run({ app, args: rest.slice(2) });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CliExit) {
      process.stderr.write(`codedesk: ${terminalSafe(e.message)}\n`);
      return e.status;
    }
    process.stderr.write(`codedesk: ${UNEXPECTED}\n`);
    return EXIT.failed;
  } finally {
    app?.close();
    muteLog(false);
  }
}

/** Ends the process with one line, whatever state the streams are in. */
function die(message: string): never {
  try {
    process.stderr.write(`codedesk: ${message}\n`);
  } catch {
    // stderr is gone too: the exit status still says it failed.
  }
  process.exit(EXIT.failed);
}

/**
 * The process around runCli, as bin/codedesk.mjs runs it. A reader that goes away
 * (`codedesk … | head -1`) makes stdout emit EPIPE after the write returned, which would
 * otherwise crash with a stack trace; anything else that escapes ends with one line too.
 */
export async function main(argv: string[]): Promise<void> {
  process.stdout.on('error', (error: NodeJS.ErrnoException) =>
    die(error.code === 'EPIPE' ? 'the output was closed before it was all written.' : 'cannot write the output.'),
  );
  process.stderr.on('error', () => process.exit(EXIT.failed));
  process.on('uncaughtException', () => die(UNEXPECTED));
  process.on('unhandledRejection', () => die(UNEXPECTED));
  process.exitCode = await runCli(argv);
}
