/** What an import path holds, told from its content: bundle JSON, NDJSON, a bulk folder or zip, HL7 v2. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectSource } from '../../../src/main/services/interchange/detect';
import { tempDir } from '../helpers/temp';
import { SYNTHEA, zipFolder } from './fhir/helpers';

function write(name: string, text: string): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  return file;
}

describe('detectSource', () => {
  it('tells a pretty or one-line JSON bundle from NDJSON, whatever the file is called', () => {
    expect(detectSource(write('a.json', '{\n  "resourceType": "Bundle"\n}\n'))).toBe('fhir-json');
    expect(detectSource(write('a.ndjson', '{"resourceType":"Bundle","type":"collection"}\n'))).toBe('fhir-json');
    expect(detectSource(write('a.txt', '{"resourceType":"Patient"}\n{"resourceType":"Patient"}\n'))).toBe('fhir-ndjson');
    expect(detectSource(path.join(SYNTHEA, 'Encounter.000.ndjson'))).toBe('fhir-ndjson');
    // A first line longer than the sniffed head (a base64 note) is judged by its .ndjson name.
    expect(detectSource(path.join(SYNTHEA, 'DocumentReference.000.ndjson'))).toBe('fhir-ndjson');
  });

  it('knows a bulk folder, a zip and HL7 v2, and refuses anything else naming the file', async () => {
    expect(detectSource(SYNTHEA)).toBe('fhir-bulk-folder');
    expect(detectSource(await zipFolder(SYNTHEA))).toBe('fhir-bulk-zip');
    expect(detectSource(write('adt.hl7', 'MSH|^~\\&|A|B|C|D|202603010000||ADT^A01|1|P|2.5\r'))).toBe('hl7v2');
    const hl7Folder = tempDir();
    fs.writeFileSync(path.join(hl7Folder, 'a01.hl7'), 'MSH|^~\\&|A|B|C|D|202603010000||ADT^A01|1|P|2.5\r');
    expect(detectSource(hl7Folder)).toBe('hl7v2');
    expect(() => detectSource(tempDir())).toThrow(/holds neither \.ndjson files nor HL7 v2 files/);
    expect(() => detectSource(write('notes.txt', 'Just some text'))).toThrow(/notes\.txt is not a FHIR or HL7 v2 export/);
    expect(() => detectSource(write('list.json', '[{"resourceType":"Patient"}]'))).toThrow('list.json is not a FHIR or HL7 v2 export: it is a JSON array, not a FHIR resource or Bundle.');
  });
});
