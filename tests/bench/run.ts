/**
 * `npm run bench`: runs every bench module in turn and prints ONE JSON object on stdout
 * (nothing else goes there), e.g. {"codeSearch": {...}, "importCm": {...}}. Add a figure by
 * adding a module to BENCHES; name modules as arguments to run only those. Failures go to stderr with a non-zero exit code.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchModule } from './bench-module';
import { auditDiffBench } from './audit-diff.bench';
import { auditedWriteBench } from './audited-write.bench';
import { claimCheckBench } from './claim-check.bench';
import { codeSearchBench } from './code-search.bench';
import { documentBytesBench } from './document-bytes.bench';
import { exportBench } from './export.bench';
import { faultKillBench } from './fault-kill.bench';
import { fhirImportBench } from './fhir-import.bench';
import { hubBench } from './hub.bench';
import { importAllBench } from './import-all.bench';
import { importMemoryBench } from './import-memory.bench';
import { indexTablesBench } from './index-tables.bench';
import { packagesBench } from './packages.bench';
import { pcsBench } from './pcs.bench';
import { productivityBench } from './productivity.bench';
import { queueBench } from './queue.bench';
import { searchDuringImportBench } from './search-during-import.bench';
import { searchPeersBench } from './search-peers.bench';
import { searchUnseenBench } from './search-unseen.bench';
import { tabularImportBench } from './tabular-import.bench';
import { uiSearchBench } from './ui-search.bench';
import { unlockCostBench } from './unlock-cost.bench';

const BENCHES: readonly BenchModule[] = [codeSearchBench, queueBench, auditedWriteBench, pcsBench, tabularImportBench, indexTablesBench, importAllBench, importMemoryBench, uiSearchBench, claimCheckBench, searchPeersBench, searchUnseenBench, unlockCostBench, faultKillBench, searchDuringImportBench, documentBytesBench, exportBench, fhirImportBench, packagesBench, productivityBench, auditDiffBench, hubBench];

async function main(): Promise<void> {
  const repoRoot = path.resolve(import.meta.dirname, '..', '..');
  const figures: Record<string, unknown> = {};
  // `npm run bench -- claimCheck searchPeers` runs only the named modules (for working on one figure).
  const only = process.argv.slice(2);
  const selected = only.length === 0 ? BENCHES : BENCHES.filter((b) => only.includes(b.name));
  if (selected.length === 0) throw new Error(`no bench named ${only.join(', ')}; known: ${BENCHES.map((b) => b.name).join(', ')}`);
  for (const bench of selected) {
    const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), `codedesk-bench-${bench.name}-`));
    try {
      Object.assign(figures, await bench.run({ repoRoot, tempDir }));
    } finally {
      fs.rmSync(tempDir, { recursive: true, force: true });
    }
  }
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
