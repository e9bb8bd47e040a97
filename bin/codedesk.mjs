#!/usr/bin/env node
// The codedesk CLI. Runs the TypeScript sources through tsx, so it works right after npm install.
// A start that fails (a broken install) is one line on stderr too, not a stack trace.
try {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/main/cli/main.ts');
  await main(process.argv.slice(2));
} catch (error) {
  const reason = String(error instanceof Error ? error.message : error).split('\n')[0];
  process.stderr.write(`codedesk: cannot start: ${reason}\n`);
  process.exitCode = 1;
}
