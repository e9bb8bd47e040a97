// The text of a generated note: sections by note kind, each filled with sentences until the note
// reaches its drawn length (1–8 KB, most 2–4 KB, as clinical notes run), as plain text or HTML.
import { S } from './sentences.mjs';

/** [heading, sentence maker, grows when the note needs length]. */
const SECTIONS = {
  hp: [['Chief Complaint', S.complaint, false], ['History of Present Illness', S.hpi, true], ['Review of Systems', S.ros, true], ['Past Medical History', S.pmh, true], ['Medications', S.meds, true], ['Allergies', S.allergies, false], ['Social History', S.social, false], ['Physical Exam', S.vitals, false], ['Exam', S.exam, true], ['Labs', S.labs, true], ['Assessment and Plan', S.assessment, true]],
  progress: [['Subjective', S.hpi, true], ['Objective', S.vitals, false], ['Exam', S.exam, true], ['Data', S.labs, true], ['Assessment and Plan', S.assessment, true]],
  discharge: [['Admission Diagnosis', S.complaint, false], ['Hospital Course', S.course, true], ['Procedures', S.imaging, true], ['Discharge Medications', S.meds, true], ['Follow-up', S.assessment, true]],
  operative: [['Indications', S.hpi, true], ['Operative Report', S.operative, true], ['Findings', S.imaging, true], ['Postoperative Plan', S.assessment, true]],
  ed: [['Chief Complaint', S.complaint, false], ['History of Present Illness', S.hpi, true], ['Review of Systems', S.ros, true], ['Vital Signs', S.vitals, false], ['Physical Exam', S.exam, true], ['ED Course', S.labs, true], ['Imaging', S.imaging, true], ['Medical Decision Making', S.assessment, true]],
  nurse: [['Nursing Note', S.nursing, true], ['Vital Signs', S.vitals, true]],
  procedure: [['Indication', S.complaint, false], ['History', S.hpi, true], ['Procedure Note', S.operative, true], ['Plan', S.assessment, true]],
  consult: [['Reason for Consultation', S.complaint, false], ['History', S.hpi, true], ['Medications', S.meds, true], ['Exam', S.exam, true], ['Recommendations', S.assessment, true]],
  imaging: [['Clinical Indication', S.complaint, false], ['Technique and Findings', S.imaging, true], ['Impression', S.impression, true]],
  lab: [['Specimen', S.specimen, true], ['Results', S.labs, true], ['Interpretation', S.impression, true]],
};

/** Most notes 2–4 KB, a few long ones; discharge summaries and operative notes run longer. */
export function drawLength(random, kind) {
  const base = 1100 + Math.pow(random.next(), 1.8) * 6700;
  return Math.min(8000, Math.round(kind === 'discharge' || kind === 'operative' ? base * 1.3 : base));
}

/** One section as it fills: templates not used yet (a one-template pool repeats, with new lines). */
function sectionFiller(random, pool, context) {
  const unused = pool.map((_, i) => i);
  const lines = [];
  const order = [];
  const seen = new Set();
  return {
    lines,
    /** Adds a sentence and returns its length, or 0 when the section has nothing new to say. */
    add() {
      if (pool.length > 1) {
        if (unused.length === 0) return 0;
        const [index] = unused.splice(random.int(unused.length), 1);
        const sentence = pool[index](random, context);
        // Kept in template order, so a paragraph reads in the order its templates are written.
        const at = order.findIndex((o) => o > index);
        lines.splice(at < 0 ? lines.length : at, 0, sentence);
        order.splice(at < 0 ? order.length : at, 0, index);
        return sentence.length + 1;
      }
      for (let attempt = 0; attempt < 4; attempt++) {
        const sentence = pool[0](random, context);
        const key = sentence.split(',')[0];
        if (seen.has(key)) continue;
        seen.add(key);
        lines.push(sentence);
        return sentence.length + 1;
      }
      return 0;
    },
  };
}

/**
 * Sections of one note: every section gets a sentence, then growing sections get more until the
 * note reaches `target` characters or has nothing new to say (then it is shorter).
 */
export function composeNote(random, kind, context, target) {
  const plan = SECTIONS[kind];
  const fillers = plan.map(([, pool]) => sectionFiller(random, pool, context));
  let size = plan.reduce((n, [heading], i) => n + heading.length + 4 + fillers[i].add(), 0);
  let growing = plan.map((p, i) => (p[2] ? i : -1)).filter((i) => i >= 0);
  while (size < target && growing.length > 0) {
    const i = random.pick(growing);
    const added = fillers[i].add();
    if (added === 0) growing = growing.filter((g) => g !== i);
    size += added;
  }
  return plan.map(([heading], i) => ({ heading, lines: fillers[i].lines }));
}

const listLine = (text) => text.startsWith('- ');

/** The identification block EHR prints put above a note, and the signature below it. */
const headerLines = (h) => [`Patient: ${h.patient}    MRN: ${h.mrn}    DOB: ${h.birthDate}`, `Visit: ${h.visit}    Facility: ${h.facility}`, `Author: ${h.author}    Date of service: ${h.date}`];
const signature = (h) => `Electronically signed by ${h.author} on ${h.signed}. Portions of this note were dictated with speech recognition software; minor transcription errors may be present.`;

export function renderPlain(title, header, sections) {
  const parts = [`\n${header.date}\n\n# ${title}\n${headerLines(header).join('\n')}\n`];
  for (const s of sections) {
    const joined = s.lines.every(listLine) ? s.lines.join('\n') : s.lines.join(' ');
    parts.push(`\n## ${s.heading}\n${joined}\n`);
  }
  parts.push(`\n${signature(header)}\n`);
  return parts.join('');
}

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A plain HTML note as EHR viewers export them: headings, paragraphs, lists, no scripts. */
export function renderHtml(title, header, sections) {
  const parts = [`<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>\n<h1>${escapeHtml(title)}</h1>\n<table class="note-header">${headerLines(header).map((l) => `<tr><td>${escapeHtml(l)}</td></tr>`).join('')}</table>\n`];
  for (const s of sections) {
    parts.push(`<h2>${escapeHtml(s.heading)}</h2>\n`);
    if (s.lines.every(listLine)) parts.push(`<ul>${s.lines.map((l) => `<li>${escapeHtml(l.slice(2))}</li>`).join('')}</ul>\n`);
    else parts.push(`<p>${escapeHtml(s.lines.join(' '))}</p>\n`);
  }
  parts.push(`<p class="signature">${escapeHtml(signature(header))}</p>\n</body></html>\n`);
  return parts.join('');
}
