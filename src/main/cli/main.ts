/** `codedesk` command-line host. Exit 0 on success, 2 on bad input, 1 on other failures. */
import { CodeDeskApp } from '../app';
import { resolveHome, resourcesDir } from '../paths';
import { COMMANDS } from './commands';
import { CliExit, EXIT } from './io';
import { terminalSafe } from './terminal-text';

function usage(): string {
  return ['Usage: codedesk [--home DIR] <command>', ...Object.values(COMMANDS).map((c) => `  codedesk ${c.usage}`)].join('\n');
}

/** --home may stand anywhere; everything else belongs to the command. */
function takeHome(argv: string[]): { home: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let home: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--home') {
      home = argv[++i];
      if (!home) throw new CliExit(EXIT.badInput, '--home needs a folder.');
    } else if (a.startsWith('--home=')) home = a.slice(7);
    else rest.push(a);
  }
  return { home, rest };
}

export async function runCli(argv: string[]): Promise<number> {
  let app: CodeDeskApp | null = null;
  try {
    const { home, rest } = takeHome(argv);
    if (rest.length === 0 || rest[0] === '--help' || rest[0] === '-h' || rest[0] === 'help') {
      process.stdout.write(`${usage()}\n`);
      return EXIT.ok;
    }
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
    process.stderr.write('codedesk: unexpected failure; nothing was changed that was not already saved.\n');
    return EXIT.failed;
  } finally {
    app?.close();
  }
}
