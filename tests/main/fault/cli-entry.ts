/** What bin/codedesk.mjs runs, minus tsx: bundled by cli-failures.test.ts for its many short runs. */
import { main } from '../../../src/main/cli/main';

await main(process.argv.slice(2));
