// A few real PDFs (pdfkit), made once per run and reused by many documents: scanned-looking
// outside records without any patient's name, so one template may stand for many charts.
// CreationDate is fixed so the bytes (and the PDF's file id, derived from it) repeat.
import PDFDocument from 'pdfkit';

const FIXED_DATE = new Date(Date.UTC(2026, 0, 2, 9, 30, 0));

const TEMPLATES = [
  ['Outside Records: Transfer Summary', ['Transferred for a higher level of care after evaluation in a rural emergency department.', 'Received IV fluids and one dose of broad-spectrum antibiotics before transfer.', 'Vital signs stable during transport. Report given to the receiving nurse.']],
  ['Echocardiogram Report', ['Left ventricular ejection fraction estimated at 35 to 40 percent.', 'Moderate mitral regurgitation. Mildly dilated left atrium.', 'No pericardial effusion. Compared with the prior study, function is slightly reduced.']],
  ['Pathology Report', ['Specimen: appendix, appendectomy.', 'Gross: a tan-pink appendix measuring 6.2 cm with a fibrinous serosal exudate.', 'Diagnosis: acute suppurative appendicitis with periappendicitis. No malignancy identified.']],
  ['Outside Laboratory Results', ['Complete blood count: WBC 12.4, hemoglobin 11.1, platelets 302.', 'Comprehensive metabolic panel: sodium 134, potassium 4.9, creatinine 1.8, glucose 212.', 'Hemoglobin A1c 8.9 percent. Lipid panel: LDL 141.']],
  ['Cardiology Consultation Letter', ['Thank you for referring this patient with paroxysmal atrial fibrillation.', 'Recommend anticoagulation with apixaban and rate control with metoprolol.', 'Follow up in the arrhythmia clinic in six weeks with an ambulatory monitor.']],
  ['Physical Therapy Evaluation', ['Gait: antalgic, ambulates 150 feet with a front-wheeled walker and contact guard.', 'Strength 4 of 5 in the affected lower extremity. Fall risk: high.', 'Plan: therapy three times weekly for four weeks; home exercise program given.']],
];

/** One real PDF (fixed dates, so the same text gives the same bytes): a title and paragraphs. */
export function makePdf(title, paragraphs) {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'LETTER', margin: 56, info: { Title: title, CreationDate: FIXED_DATE, ModDate: FIXED_DATE } });
    const chunks = [];
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(16).text(title);
    doc.moveDown().fontSize(10).text('Scanned from an outside facility. Patient identifiers verified at the receiving facility.');
    for (const p of paragraphs) doc.moveDown().fontSize(11).text(p);
    doc.end();
  });
}

/** [{title, bytes}] — each a complete PDF beginning with %PDF-. */
export async function makePdfTemplates() {
  return Promise.all(TEMPLATES.map(async ([title, paragraphs]) => ({ title, bytes: await makePdf(title, paragraphs) })));
}
