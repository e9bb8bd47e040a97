/**
 * Small ICD-10-PCS XML files in the official layouts (written here, not copied): tables,
 * index and definitions, plus builders for broken variants.
 */

export interface FixtureAxis {
  pos: number;
  title: string;
  labels: [string, string][];
  definition?: string;
}

export interface FixtureTable {
  axes: FixtureAxis[];
  rows: FixtureAxis[][];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const axis = (pos: number, title: string, labels: [string, string][], definition?: string): FixtureAxis =>
  definition === undefined ? { pos, title, labels } : { pos, title, labels, definition };

const row = (body: [string, string][], approach: [string, string][], device: [string, string][], qualifier: [string, string][]) => [
  axis(4, 'Body Part', body),
  axis(5, 'Approach', approach),
  axis(6, 'Device', device),
  axis(7, 'Qualifier', qualifier),
];

const MS: [string, string] = ['0', 'Medical and Surgical'];
const GI: [string, string] = ['D', 'Gastrointestinal System'];
const OPEN: [string, string] = ['0', 'Open'];
const PERC: [string, string] = ['3', 'Percutaneous'];
const PERC_ENDO: [string, string] = ['4', 'Percutaneous Endoscopic'];
const VIA: [string, string] = ['7', 'Via Natural or Artificial Opening'];
const VIA_ENDO: [string, string] = ['8', 'Via Natural or Artificial Opening Endoscopic'];
const NO_DEVICE: [string, string] = ['Z', 'No Device'];
const NO_QUAL: [string, string] = ['Z', 'No Qualifier'];
const DIAG: [string, string] = ['X', 'Diagnostic'];
const APPENDIX: [string, string] = ['J', 'Appendix'];
const ASC_COLON: [string, string] = ['K', 'Ascending Colon'];
const ESO_UPPER: [string, string] = ['1', 'Esophagus, Upper'];
const ESO_MIDDLE: [string, string] = ['2', 'Esophagus, Middle'];

/** Two tables of section 0 with overlapping body parts, and one (XW0) whose value 8 has two labels. */
export const TABLES: FixtureTable[] = [
  {
    axes: [
      axis(1, 'Section', [MS]),
      axis(2, 'Body System', [GI]),
      axis(3, 'Operation', [['T', 'Resection']], 'Cutting out or off, without replacement, all of a body part'),
    ],
    rows: [
      row([APPENDIX, ASC_COLON], [OPEN, PERC_ENDO, VIA, VIA_ENDO], [NO_DEVICE], [NO_QUAL]),
      row([ESO_UPPER, ESO_MIDDLE], [OPEN, PERC_ENDO], [NO_DEVICE], [NO_QUAL]),
    ],
  },
  {
    axes: [
      axis(1, 'Section', [MS]),
      axis(2, 'Body System', [GI]),
      axis(3, 'Operation', [['B', 'Excision']], 'Cutting out or off, without replacement, a portion of a body part'),
    ],
    rows: [
      row([ESO_UPPER, APPENDIX], [OPEN, PERC, PERC_ENDO], [NO_DEVICE], [DIAG, NO_QUAL]),
      row([APPENDIX, ASC_COLON], [VIA, VIA_ENDO], [NO_DEVICE], [DIAG, NO_QUAL]),
    ],
  },
  {
    axes: [
      axis(1, 'Section', [['X', 'New Technology']]),
      axis(2, 'Body System', [['W', 'Anatomical Regions']]),
      axis(3, 'Operation', [['0', 'Introduction']], 'Putting in or on a therapeutic, diagnostic, nutritional, physiological, or prophylactic substance except blood or blood products'),
    ],
    rows: [
      row([['3', 'Peripheral Vein']], [PERC], [['8', 'Lurbinectedin']], [['7', 'New Technology Group 7']]),
      row([['3', 'Peripheral Vein'], ['4', 'Central Vein']], [PERC], [['8', 'Treosulfan']], [['8', 'New Technology Group 8']]),
    ],
  },
];

/** Every code the fixture tables define (the Cartesian product of each row). */
export function fixtureCodes(tables: readonly FixtureTable[] = TABLES): string[] {
  const codes: string[] = [];
  for (const t of tables) {
    const prefix = t.axes.map((a) => a.labels[0]?.[0]).join('');
    for (const r of t.rows) {
      let out = [prefix];
      for (const a of r) out = out.flatMap((p) => a.labels.map(([v]) => p + v));
      codes.push(...out);
    }
  }
  return codes.sort();
}

function axisXml(a: FixtureAxis, indent: string): string {
  const labels = a.labels.map(([code, text]) => `${indent}  <label code="${code}">${esc(text)}</label>\n`).join('');
  const def = a.definition === undefined ? '' : `${indent}  <definition>${esc(a.definition)}</definition>\n`;
  return `${indent}<axis pos="${a.pos}" values="${a.labels.length}">\n${indent}  <title>${a.title}</title>\n${labels}${def}${indent}</axis>\n`;
}

export function tablesXml(tables: readonly FixtureTable[] = TABLES, year = 2026, eol = '\n'): string {
  const body = tables
    .map((t) => {
      const rows = t.rows
        .map((r) => {
          const count = r.reduce((n, a) => n * a.labels.length, 1);
          return `    <pcsRow codes="${count}">\n${r.map((a) => axisXml(a, '      ')).join('')}    </pcsRow>\n`;
        })
        .join('');
      return `  <pcsTable>\n${t.axes.map((a) => axisXml(a, '    ')).join('')}${rows}  </pcsTable>\n`;
    })
    .join('');
  const xml = `<?xml version="1.0" encoding="utf-8"?>\n<ICD10PCS.tabular>\n  <version>${year}</version>\n  <title>${year} ICD-10-PCS Tables</title>\n${body}</ICD10PCS.tabular>\n`;
  return eol === '\n' ? xml : xml.replace(/\n/g, eol);
}

export function definitionsXml(year = 2026): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<ICD10PCS.definitions>
  <version>${year}</version>
  <title>${year} ICD-10-PCS Definitions</title>
  <section code="0">
    <title>Medical and Surgical</title>
    <axis pos="3">
      <title>Operation</title>
      <terms>
        <title>Excision</title>
        <definition>Cutting out or off, without replacement, a portion of a body part</definition>
        <explanation>The qualifier DIAGNOSTIC is used to identify excision procedures that are biopsies</explanation>
        <includes>Partial nephrectomy, liver biopsy</includes>
      </terms>
    </axis>
    <axis pos="4">
      <title>Body Part</title>
      <terms>
        <title>Appendix</title>
        <includes>Vermiform appendix</includes>
      </terms>
      <terms>
        <title>Esophagus, Upper</title>
        <title>Esophagus, Middle</title>
        <includes>Cervical esophagus</includes>
        <includes>Thoracic esophagus</includes>
      </terms>
    </axis>
    <axis pos="5">
      <title>Approach</title>
      <terms>
        <title>Percutaneous Endoscopic</title>
        <definition>Entry, by puncture or minor incision, of instrumentation through the skin or any mucous membrane and any other body layers necessary to reach and visualize the site of the procedure</definition>
      </terms>
    </axis>
  </section>
  <deviceAggregation>
    <aggregate>
      <device>Autologous Arterial Tissue</device>
      <operation>All applicable</operation>
      <bodySys>Heart and Great Vessels</bodySys>
      <bodySys>Lower Arteries</bodySys>
      <parent value="7">Autologous Tissue Substitute</parent>
    </aggregate>
  </deviceAggregation>
</ICD10PCS.definitions>
`;
}

export function indexXml(year = 2025): string {
  return `<?xml version="1.0" encoding="utf-8"?>\r
<ICD10PCS.index>\r
  <version>${year}</version>\r
  <title>${year} ICD-10-PCS Index</title>\r
  <letter>\r
    <title>A</title>\r
    <mainTerm>\r
      <title>Abdominal cavity</title>\r
      <use>Peritoneal Cavity</use>\r
    </mainTerm>\r
    <mainTerm>\r
      <title>Activa PC neurostimulator</title>\r
      <use>Stimulator Generator, Multiple Array in<tab>0JH</tab></use>\r
    </mainTerm>\r
    <mainTerm>\r
      <title>Appendectomy</title>\r
      <term level="1">\r
        <see>Excision, Appendix<codes>0DBJ</codes></see>\r
      </term>\r
      <term level="1">\r
        <see>Resection, Appendix<codes>0DTJ</codes></see>\r
      </term>\r
    </mainTerm>\r
  </letter>\r
  <letter>\r
    <title>E</title>\r
    <mainTerm>\r
      <title>Esophagectomy</title>\r
      <see>Resection, Gastrointestinal System<tab>0DT</tab></see>\r
    </mainTerm>\r
    <mainTerm>\r
      <title>Excision</title>\r
      <term level="1">\r
        <title>Appendix</title>\r
        <codes>0DBJ</codes>\r
        <term level="2">\r
          <title>Diagnostic, open</title>\r
          <code>0DBJ0ZX</code>\r
        </term>\r
      </term>\r
      <term level="1">\r
        <see>Destruction</see>\r
      </term>\r
    </mainTerm>\r
  </letter>\r
</ICD10PCS.index>\r
`;
}
