// Writes a synthetic FHIR R4 Bulk Data export: one NDJSON file per resource type, N encounters
// with five documents each, every byte decided by the seed (same seed, same files).
import fs from 'node:fs';
import path from 'node:path';
import { makePdfTemplates } from './pdf-templates.mjs';
import { createRandom } from './random.mjs';
import { facilityName, makeAddress, makeName, makePhone, makeTown, payerName } from './names.mjs';
import { composeNote, drawLength, renderHtml, renderPlain } from './notes.mjs';
import { plain } from './sentences.mjs';
import * as R from './resources.mjs';
import { CONDITIONS, DOC_PLANS, DOC_TYPES, PROCEDURES } from './vocab.mjs';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Services fall between 5 January and 31 October 2026 (FY2026 code sets, mostly). */
const FIRST_DAY = Date.UTC(2026, 0, 5);
const SERVICE_DAYS = 300;
const CLASS_MIX = [['AMB', 50], ['IMP', 24], ['EMER', 23], ['HH', 2], ['VR', 1]];
const FORMAT_MIX = [['text', 90], ['html', 6], ['pdf', 4]];
const PLANS = [['1', 'MEDICARE'], ['2', 'MEDICAID'], ['5', 'PRIVATE HEALTH INSURANCE'], ['5', 'PRIVATE HEALTH INSURANCE'], ['3', 'OTHER GOVERNMENT']];
export const RESOURCE_TYPES = ['Patient', 'Encounter', 'DocumentReference', 'DiagnosticReport', 'Organization', 'Practitioner', 'Location', 'Coverage', 'Condition', 'Procedure'];

/** Local wall-clock time as an instant with its offset (US Eastern, daylight time March–October). */
function stamp(ms) {
  const month = new Date(ms).getUTCMonth();
  return `${new Date(ms).toISOString().slice(0, 19)}${month >= 2 && month <= 9 ? '-04:00' : '-05:00'}`;
}
const authorName = (p) => `${p.name[0].given[0]} ${p.name[0].family}, MD`;
const day = (ms) => new Date(ms).toISOString().slice(0, 10);

/** Buffered line writer: one write per few MB keeps 300 MB of NDJSON fast. */
function ndjsonWriter(file) {
  const fd = fs.openSync(file, 'w');
  let lines = [];
  let size = 0;
  let count = 0;
  const flush = () => {
    if (lines.length) fs.writeSync(fd, `${lines.join('\n')}\n`);
    lines = [];
    size = 0;
  };
  return {
    write(resource) {
      const text = JSON.stringify(resource);
      lines.push(text);
      size += text.length;
      count++;
      if (size > 4_000_000) flush();
    },
    close() { flush(); fs.closeSync(fd); return count; },
  };
}

function makeDirectory(r) {
  const facilities = Array.from({ length: 12 }, () => {
    const town = makeTown(r);
    const org = R.organization({ id: r.uuid(), name: facilityName(r, town), type: 'prov', address: makeAddress(r, town), phone: makePhone(r) });
    const loc = R.location({ id: r.uuid(), name: org.name, org, address: makeAddress(r, town), phone: makePhone(r) });
    return { org, loc, town };
  });
  const payers = Array.from({ length: 6 }, (_, i) => {
    const town = makeTown(r);
    return { org: R.organization({ id: r.uuid(), name: payerName(r, town), type: 'pay', address: makeAddress(r, town), phone: makePhone(r) }), plan: PLANS[i % PLANS.length] };
  });
  const clinicians = Array.from({ length: 80 }, (_, i) =>
    R.practitioner({ id: r.uuid(), npi: `9999${String(100000 + i * 7919).slice(-6)}`, given: makeName(r), family: makeName(r), gender: r.pick(['female', 'male']), address: makeAddress(r, facilities[i % 12].town) }));
  return { facilities, payers, clinicians };
}

function makePatient(r, index, dir) {
  const gender = r.weighted([['female', 49], ['male', 49], ['unknown', 2]]);
  const town = r.pick(dir.facilities).town;
  const birth = Date.UTC(1932 + Math.floor(Math.pow(r.next(), 0.7) * 92), r.int(12), r.between(1, 28));
  const given = r.chance(0.4) ? [makeName(r), makeName(r)] : [makeName(r)];
  return R.patient({ id: r.uuid(), mrn: `M${String(index + 1).padStart(7, '0')}`, given, family: makeName(r), gender, birthDate: day(birth), address: makeAddress(r, town), phone: makePhone(r) });
}

const CONDITIONS_BY_CLASS = Object.fromEntries(Object.keys(DOC_PLANS).map((cls) => [cls, CONDITIONS.filter((c) => c[3].split(' ').includes(cls))]));

function ageAt(birthDate, ms) {
  const b = new Date(`${birthDate}T00:00:00Z`);
  const at = new Date(ms);
  let age = at.getUTCFullYear() - b.getUTCFullYear();
  if (at.getUTCMonth() < b.getUTCMonth() || (at.getUTCMonth() === b.getUTCMonth() && at.getUTCDate() < b.getUTCDate())) age--;
  return Math.max(0, age);
}

function period(r, cls) {
  const startDay = FIRST_DAY + r.int(SERVICE_DAYS) * DAY;
  const hour = cls === 'AMB' || cls === 'HH' || cls === 'VR' ? r.between(8, 16) : r.int(24);
  const start = startDay + hour * HOUR + r.int(60) * 60_000;
  const length = { IMP: r.between(1, 9) * DAY + r.int(10) * HOUR, EMER: r.between(2, 9) * HOUR, AMB: r.between(20, 60) * 60_000, HH: r.between(45, 90) * 60_000, VR: r.between(15, 30) * 60_000 }[cls];
  return { start, end: start + length };
}

/** Everything one encounter contributes, written through `out`. */
function writeEncounter(r, index, ctx, out) {
  const { dir, patients, pdfs } = ctx;
  const cls = r.weighted(CLASS_MIX);
  const pat = index < patients.length ? patients[index] : r.pick(patients);
  const when = period(r, cls);
  const span = { start: stamp(when.start), end: stamp(when.end) };
  const site = r.pick(cls === 'HH' || cls === 'VR' ? dir.facilities.slice(8) : dir.facilities.slice(0, 10));
  const attending = r.pick(dir.clinicians);
  const suited = CONDITIONS_BY_CLASS[cls];
  const conds = Array.from({ length: r.between(1, 3) }, () => r.pick(suited));
  const surgical = cls === 'IMP' && r.chance(0.5);
  const procs = surgical ? [r.pick(PROCEDURES.filter((p) => p[2]))] : cls !== 'HH' && r.chance(0.35) ? [r.pick(PROCEDURES.filter((p) => !p[2]))] : [];
  const enc = R.encounter({ id: r.uuid(), visit: `V26${String(index + 1).padStart(6, '0')}`, cls, patient: pat, period: span, attending, location: site.loc, facility: site.org, reason: conds[0] });
  out.Encounter.write(enc);
  for (const c of conds) out.Condition.write(R.condition({ id: r.uuid(), patientId: pat.id, encounterId: enc.id, code: c, date: span.start }));
  for (const p of procs) out.Procedure.write(R.procedure({ id: r.uuid(), patientId: pat.id, encounterId: enc.id, code: p, period: { start: span.start, end: stamp(when.start + HOUR) }, location: site.loc }));

  const female = pat.gender === 'female';
  const who = pat.gender === 'unknown' ? ['the patient', 'The patient'] : female ? ['she', 'She'] : ['he', 'He'];
  const problems = conds.map((c) => plain(c[1]));
  const note = {
    name: `${pat.name[0].given[0]} ${pat.name[0].family}`, age: ageAt(pat.birthDate, when.start), sex: pat.gender === 'unknown' ? 'patient' : pat.gender,
    pronoun: who[0], Pronoun: who[1], complaint: conds[0][2], problem: problems[0], Problem: conds[0][1].replace(/ \(.*\)$/, ''),
    Other: (conds.find((c) => c !== conds[0]) ?? CONDITIONS.find((c) => c !== conds[0]))[1].replace(/ \(.*\)$/, ''), problems, history: problems.slice(1).join(', ') || 'hypertension',
    procedure: procs[0] ? plain(procs[0][1]) : 'bedside procedure as described', days: Math.max(1, Math.round((when.end - when.start) / DAY)),
  };
  const chartHeader = { patient: `${pat.name[0].family}, ${pat.name[0].given.join(' ')}`, mrn: pat.identifier[0].value, birthDate: pat.birthDate, visit: enc.identifier[0].value, facility: site.org.name };
  const plan = DOC_PLANS[cls].map((slot, i) => (i === 3 && surgical ? 'operative' : slot));
  const steps = plan.length - 1;
  plan.forEach((slot, i) => {
    const type = DOC_TYPES[slot];
    const at = stamp(when.start + Math.round(((when.end - when.start) * i) / steps));
    const format = r.weighted(FORMAT_MIX);
    const author = slot === 'consult' || slot === 'nurse' ? r.pick(dir.clinicians) : attending;
    let contentType = 'text/plain; charset=utf-8';
    let bytes;
    if (format === 'pdf') {
      contentType = 'application/pdf';
      bytes = r.pick(pdfs).bytes;
    } else {
      const header = { ...chartHeader, author: authorName(author), date: at.slice(0, 10), signed: `${at.slice(0, 10)} ${at.slice(11, 16)}` };
      const sections = composeNote(r, type[2], note, drawLength(r, type[2]));
      const text = format === 'html' ? renderHtml(type[1], header, sections) : renderPlain(type[1], header, sections);
      if (format === 'html') contentType = 'text/html; charset=utf-8';
      bytes = Buffer.from(text, 'utf8');
    }
    const common = { id: r.uuid(), type, patientId: pat.id, date: at, author, facility: site.org, encounterId: enc.id, contentType, bytes };
    if (slot === 'lab' && r.chance(0.5)) out.DiagnosticReport.write(R.diagnosticReport(common));
    else out.DocumentReference.write(R.documentReference({ ...common, period: span }));
  });
}

/**
 * Writes `<out>/<Type>.000.ndjson` for every type in RESOURCE_TYPES. Returns the line count of
 * each file. `out` must not hold an earlier export (files are overwritten, others left alone).
 */
export async function generateExport({ encounters = 10_000, out, seed = 'codedesk' }) {
  if (!Number.isInteger(encounters) || encounters < 1) throw new RangeError('encounters must be a whole number of at least 1');
  fs.mkdirSync(out, { recursive: true });
  const r = createRandom(seed);
  const pdfs = await makePdfTemplates();
  const writers = Object.fromEntries(RESOURCE_TYPES.map((t) => [t, ndjsonWriter(path.join(out, `${t}.000.ndjson`))]));
  let counts = {};
  try {
    const dir = makeDirectory(r);
    for (const f of dir.facilities) { writers.Organization.write(f.org); writers.Location.write(f.loc); }
    for (const p of dir.payers) writers.Organization.write(p.org);
    for (const c of dir.clinicians) writers.Practitioner.write(c);
    const patients = Array.from({ length: Math.max(1, Math.ceil(encounters / 4)) }, (_, i) => makePatient(r, i, dir));
    for (const p of patients) {
      writers.Patient.write(p);
      // Most patients have a payer on file; the rest are self-pay (no Coverage).
      if (r.chance(0.92)) {
        const payer = r.pick(dir.payers);
        writers.Coverage.write(R.coverage({ id: r.uuid(), patientId: p.id, payer: payer.org, plan: payer.plan, memberId: `${payer.plan[1][0]}${r.digits(9)}`, start: '2025-01-01' }));
      }
    }
    const ctx = { dir, patients, pdfs };
    for (let i = 0; i < encounters; i++) writeEncounter(r, i, ctx, writers);
  } finally {
    counts = Object.fromEntries(Object.entries(writers).map(([t, w]) => [t, w.close()]));
  }
  return counts;
}
