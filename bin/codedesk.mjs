#!/usr/bin/env node
// The codedesk CLI. Runs the TypeScript sources through tsx, so it works right after npm install.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/main/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
