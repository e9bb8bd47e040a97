import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PhraseSource } from '../../../../src/main/services/codesets/search/vocabulary/phrases';
import { parsePhraseTsv, parseRootTsv } from '../../../../src/main/services/codesets/search/vocabulary/procedure-tsv';
import {
  bundledProcedureWords,
  procedureWords,
} from '../../../../src/main/services/codesets/search/vocabulary/procedure-words';
import { wordsOf } from '../../../../src/main/services/codesets/search/title-words';
import { failureOf } from '../../codesets/helpers';
import { CODESETS, RESOURCES } from '../../helpers/temp';
import { PCS_ORDER, requireRealFiles } from '../real-files';

const ROOTS = [
  'suffix\tectomy\texcision\tDefinitions (Excision)',
  'suffix\tectomy\tresection\tDefinitions (Resection)',
  'suffix\tstomy\tbypass\tDefinitions (Bypass)',
  'suffix\tscopy\tinspection\tDefinitions (Inspection)',
  'suffix\tcentesis\tdrainage\tDefinitions (Drainage)',
  'suffix\tlithotomy\textirpation\tDefinitions (Extirpation)',
  'suffix\ttomy\tdrainage\tDefinitions (Drainage)',
  'form\tcholecyst\tgallbladder\tterminology',
  'form\tcyst\tbladder\tterminology',
  'form\tsalping\tfallopian tube\tterminology',
  'form\toophor\tovary\tterminology',
  'form\tgastr\tstomach\tterminology',
  'form\tjejun\tjejunum\tterminology',
  'form\tarthr\tjoint\tterminology',
  'form\tthorac\tpleural cavity\tterminology',
  'form\tparathyroid\tparathyroid gland\tterminology',
  'form\tappend\tappendix\tterminology',
  'form\tcholedoch\tcommon bile duct\tterminology',
].join('\n');

const PHRASES = [
  '# comment',
  'lap\tpercutaneous endoscopic\tclinical usage',
  'lap chole\tresection gallbladder percutaneous endoscopic\tclinical usage',
  'I&D\tdrainage\tclinical usage',
  'appendectomy\tresection appendix\tIndex',
  'hardware\tinternal fixation device\tdevice key',
].join('\n');

function source(): PhraseSource {
  return procedureWords(parsePhraseTsv(PHRASES), parseRootTsv(ROOTS));
}

/** Readings at a position as "length: words | words". */
function at(src: PhraseSource, typed: string, position = 0): string[] {
  return src.phrasesAt(wordsOf(typed), position).map((m) => `${m.length}: ${m.readings.map((r) => r.words.join(' ')).join(' | ')}`);
}

describe('procedure words from the phrase table', () => {
  it('reads abbreviations, longest phrase first, with label and cited source', () => {
    const src = source();
    expect(at(src, 'lap chole')).toEqual(['2: resection gallbladder percutaneous endoscopic', '1: percutaneous endoscopic']);
    expect(at(src, 'lap appy')).toEqual(['1: percutaneous endoscopic']);
    const [match] = src.phrasesAt(['lap', 'chole'], 0);
    expect(match?.readings[0]?.label).toBe('lap chole: resection gallbladder percutaneous endoscopic');
    expect(match?.readings[0]?.source).toBe('procedures.tsv: clinical usage');
  });

  it('matches phrases anywhere in the typed words, as wordsOf splits them ("I&D" is "i d")', () => {
    const src = source();
    expect(at(src, 'I&D abscess')).toEqual(['2: drainage']);
    expect(at(src, 'removal of hardware left tibia', 2)).toEqual(['1: internal fixation device']);
    expect(at(src, 'removal of hardware left tibia', 0)).toEqual([]);
    expect(src.phrasesAt(['lap'], 1)).toEqual([]);
  });

  it('prefers the table over word formation for the same word', () => {
    expect(at(source(), 'appendectomy')).toEqual(['1: resection appendix']);
  });

  it('refuses bad lines with their line number', () => {
    expect(failureOf(() => parsePhraseTsv('ok\tfine\tsrc\nbad\tno source\n')).detail).toMatchObject({ line: 2 });
    expect(failureOf(() => parsePhraseTsv('tka\ttka\tsrc\n')).message).toContain('means itself');
    expect(failureOf(() => parsePhraseTsv('a b c d e\tx\tsrc\n')).message).toContain('more than 4');
    expect(failureOf(() => parsePhraseTsv('x\ty\tsrc\nX\ty\tother\n')).message).toContain('repeats');
    expect(failureOf(() => parseRootTsv('infix\tx\thalf\tsrc\n')).message).toContain('kind');
    expect(failureOf(() => parseRootTsv('prefix\themi\thalf\tsrc\n')).message).toContain('"-"');
    expect(failureOf(() => parseRootTsv('form\tCyst\tbladder\tsrc\n')).message).toContain('lower-case');
  });
});

describe('procedure words formed from a combining form and a suffix', () => {
  it('reads the suffix as root operations and the form as the body part', () => {
    expect(at(source(), 'cholecystectomy')).toEqual(['1: excision gallbladder | resection gallbladder']);
    expect(at(source(), 'cystoscopy')).toEqual(['1: inspection bladder']);
  });

  it('takes the longest form ("cholecyst", not "chole" + "cyst") and skips the linking vowel', () => {
    expect(at(source(), 'arthroscopy')).toEqual(['1: inspection joint']);
    expect(at(source(), 'choledocholithotomy')).toEqual(['1: extirpation common bile duct']);
  });

  it('joins the body parts of a -stomy in one reading (a bypass from one to the other)', () => {
    expect(at(source(), 'gastrojejunostomy')).toEqual(['1: bypass stomach jejunum']);
  });

  it('reads a form the suffix clips ("thora(c)centesis") but not a look-alike ("para" of paralysis)', () => {
    expect(at(source(), 'thoracentesis')).toEqual(['1: drainage pleural cavity']);
    const src = procedureWords([], parseRootTsv(`${ROOTS}\nsuffix\tlysis\trelease\tDefinitions (Release)`));
    expect(at(src, 'paralysis')).toEqual([]);
  });

  it('reads hyphenated names split by wordsOf as one phrase, one reading per body part', () => {
    expect(wordsOf('salpingo-oophorectomy')).toEqual(['salpingo', 'oophorectomy']);
    expect(at(source(), 'salpingo-oophorectomy')).toEqual([
      '2: excision fallopian tube | excision ovary | resection fallopian tube | resection ovary',
    ]);
    expect(at(source(), 'salpingo-oophorectomy', 1)).toEqual(['1: excision ovary | resection ovary']);
    const [first] = source().phrasesAt(['salpingo', 'oophorectomy'], 0);
    expect(first?.readings[0]?.label).toBe('salpingo-oophorectomy: excision fallopian tube');
    expect(first?.readings[0]?.source).toBe('procedure-roots.tsv: -ectomy: Definitions (Excision); salping-: terminology');
  });

  it('reads the stem after a prefix that changes no axis ("hemi-thyroid-ectomy")', () => {
    const withPrefix = procedureWords([], parseRootTsv(`${ROOTS}\nform\tthyroid\tthyroid gland\tterminology\nprefix\themi\t-\tterminology`));
    expect(at(withPrefix, 'hemithyroidectomy')).toEqual(['1: excision thyroid gland | resection thyroid gland']);
    expect(at(procedureWords([], parseRootTsv(`${ROOTS}\nform\tthyroid\tthyroid gland\tterminology`)), 'hemithyroidectomy')).toEqual([]);
  });

  it('leaves words that are not operation names alone', () => {
    for (const word of ['cyst', 'ectomy', 'salpingo', 'anatomy', 'dialysis', 'gallbladder', 'xyzectomy']) {
      expect(at(source(), word)).toEqual([]);
    }
  });
});

describe('the bundled procedure vocabulary', () => {
  const bundled = bundledProcedureWords();

  it('reads operative wording coders meet', () => {
    expect(at(bundled, 'lap chole')[0]).toBe('2: resection gallbladder percutaneous endoscopic');
    expect(at(bundled, 'ORIF distal radius')[0]).toBe('1: reposition internal fixation device open');
    expect(at(bundled, 'TKA right')[0]).toBe('1: replacement knee joint | replacement knee joint synthetic substitute');
    expect(at(bundled, 'PICC placement')).toEqual(['1: infusion device superior vena cava percutaneous']);
    expect(at(bundled, 'PICC placement', 1)).toEqual(['1: insertion']);
    expect(at(bundled, 'excisional debridement')[0]).toBe('2: excision');
    expect(at(bundled, 'CABG x3 LIMA to LAD', 1)).toEqual(['1: three arteries']);
    expect(at(bundled, 'CABG x3 LIMA to LAD', 2)).toEqual(['1: left internal mammary']);
    expect(at(bundled, 'EGD with biopsy', 2)[0]).toContain('excision diagnostic');
    expect(at(bundled, 'I&D abscess')).toEqual(['2: drainage']);
    expect(at(bundled, 'C-section')).toEqual(['2: extraction products of conception']);
    expect(at(bundled, 's/p L TKA', 3)).toEqual(['1: replacement knee joint | replacement knee joint synthetic substitute']);
  });

  it('reads operation names it has no line for from their parts', () => {
    expect(at(bundled, 'salpingo-oophorectomy')[0]).toContain('resection fallopian tube | resection ovary');
    expect(at(bundled, 'herniorrhaphy')[0]).toContain('repair inguinal region');
    expect(at(bundled, 'arthrodesis')).toEqual(['1: fusion joint']);
    expect(at(bundled, 'colostomy')[0]).toContain('bypass colon');
    expect(at(bundled, 'nephrolithotomy')).toEqual(['1: extirpation kidney']);
    expect(at(bundled, 'hemicolectomy')[0]).toContain('resection colon');
  });

  it('cites a known kind of source on every line', () => {
    const known = /^(clinical usage|standard medical terminology|ICD-10-PCS (Definitions 2026|Index 2025|Tables 2026|Official Guidelines))/;
    const dir = path.join(RESOURCES, 'search', 'vocabulary');
    for (const entry of parsePhraseTsv(fs.readFileSync(path.join(dir, 'procedures.tsv'), 'utf8'))) {
      expect(entry.source, entry.typedText).toMatch(known);
    }
    for (const entry of parseRootTsv(fs.readFileSync(path.join(dir, 'procedure-roots.tsv'), 'utf8'))) {
      expect(entry.source, entry.form).toMatch(known);
    }
  });
});

describe('the bundled procedure vocabulary against the FY2026 ICD-10-PCS order file', () => {
  requireRealFiles();
  /** Long titles (from column 78), as title words. */
  const titles = fs
    .readFileSync(PCS_ORDER, 'latin1')
    .split(/\r?\n/)
    .filter((line) => line.length > 77)
    .map((line) => wordsOf(line.slice(77)).join(' '));
  const titleWords = new Set(titles.flatMap((title) => title.split(' ')));
  const dir = path.join(RESOURCES, 'search', 'vocabulary');
  const phrases = parsePhraseTsv(fs.readFileSync(path.join(dir, 'procedures.tsv'), 'utf8'));
  const roots = parseRootTsv(fs.readFileSync(path.join(dir, 'procedure-roots.tsv'), 'utf8'));

  it('uses only words of PCS long titles in every meaning', () => {
    const missing = [...phrases, ...roots].flatMap((e) => e.meaning.filter((w) => !titleWords.has(w)).map((w) => `${e.meaningText}: ${w}`));
    expect(missing).toEqual([]);
  });

  it('reads every suffix as the words that begin PCS titles (root operations and imaging types)', () => {
    const starts = new Set(titles.map((title) => title.split(' ').slice(0, 2).join(' ')).concat(titles.map((t) => t.split(' ')[0] ?? '')));
    const missing = roots.filter((e) => e.kind === 'suffix' && !starts.has(e.meaning.join(' '))).map((e) => `${e.form}: ${e.meaningText}`);
    expect(missing).toEqual([]);
  });

  it('reads every combining form as a body part named in a PCS title (the words side by side)', () => {
    const corpus = titles.map((title) => ` ${title} `).join('\n');
    const missing = roots
      .filter((e) => e.kind === 'form' && !corpus.includes(` ${e.meaning.join(' ')} `))
      .map((e) => `${e.form}: ${e.meaningText}`);
    expect(missing).toEqual([]);
  });
});

describe('the bundled procedure vocabulary against the FY2025 ICD-10-PCS Index', () => {
  const PCS_INDEX = path.join(CODESETS, 'icd10pcs', 'fy2025', 'icd10pcs_index_2025.xml');

  /**
   * One-word Index main terms that send to root operations ("Cholecystectomy: see Excision,
   * Gallbladder; see Resection, Gallbladder"): where the vocabulary reads the word, some reading
   * starts with one of those operations. Known exceptions: ECMO titles name the function
   * ("Extracorporeal Oxygenation"), not the operation (Performance); a tympanogram is a hearing
   * test, not an X-ray; a vasovasostomy reconnects (Repair) rather than reroutes.
   */
  it('reads operation names with a root operation the Index sends them to', () => {
    const xml = fs.readFileSync(PCS_INDEX, 'utf8');
    const source = bundledProcedureWords();
    const disagree: string[] = [];
    let agree = 0;
    for (const [, block = ''] of xml.matchAll(/<mainTerm>([\s\S]*?)<\/mainTerm>/g)) {
      const title = /<title>([^<]*)<\/title>/.exec(block)?.[1] ?? '';
      if (!/^[A-Za-z]+$/.test(title)) continue;
      const operations = new Set([...block.matchAll(/<see>([^<,]*)/g)].map((m) => wordsOf(m[1] ?? '')[0]));
      if (operations.size === 0) continue;
      const words = wordsOf(title);
      const match = source.phrasesAt(words, 0).find((m) => m.length === words.length);
      if (!match) continue;
      if (match.readings.some((r) => operations.has(r.words[0]))) agree++;
      else disagree.push(title);
    }
    expect(disagree).toEqual(['ECMO', 'Tympanogram', 'Vasovasostomy']);
    expect(agree).toBeGreaterThan(400);
  });
});
