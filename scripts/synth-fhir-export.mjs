#!/usr/bin/env node
// A synthetic FHIR R4 Bulk Data export for the import bench and for trying CodeDesk at volume:
// made-up patients, clinicians and facilities (no PHI), five notes per encounter.
//
//   node scripts/synth-fhir-export.mjs [--encounters 10000] [--out DIR] [--seed S]
//
// Writes DIR/<Type>.000.ndjson for Patient, Encounter, DocumentReference, DiagnosticReport,
// Organization, Practitioner, Location, Coverage, Condition and Procedure, and prints the line
// count of each file and the time taken as one JSON object. The same seed gives the same bytes.
// The generator lives in scripts/synth-fhir/.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateExport } from './synth-fhir/generate.mjs';

export { generateExport, RESOURCE_TYPES } from './synth-fhir/generate.mjs';
export { NAME_SYLLABLES, isSyllableName } from './synth-fhir/names.mjs';
export { makePdf } from './synth-fhir/pdf-templates.mjs';

async function main() {
  const { values } = parseArgs({
    options: { encounters: { type: 'string', default: '10000' }, out: { type: 'string', default: 'synth-fhir-export' }, seed: { type: 'string', default: 'codedesk' } },
  });
  const encounters = Number(values.encounters);
  if (!Number.isInteger(encounters) || encounters < 1) {
    process.stderr.write('usage: node scripts/synth-fhir-export.mjs [--encounters N] [--out DIR] [--seed S]\n');
    process.exit(2);
  }
  const started = performance.now();
  const files = await generateExport({ encounters, out: path.resolve(values.out), seed: values.seed });
  const seconds = Math.round((performance.now() - started) / 10) / 100;
  process.stdout.write(`${JSON.stringify({ out: path.resolve(values.out), seed: values.seed, encounters, seconds, files })}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
