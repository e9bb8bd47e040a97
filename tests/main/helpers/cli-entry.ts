/** What bin/codedesk.mjs runs, minus tsx: bundled by cli-bundle.ts for the tests' many short runs. */
import { main } from '../../../src/main/cli/main';

await main(process.argv.slice(2));
