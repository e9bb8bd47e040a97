// Sentence templates for the generated notes, by section: each makes one clinical-sounding
// sentence about the encounter in `c` (fields set in generate.mjs), varied by the seed. A
// one-template pool makes list lines (medications, history).
import { ALLERGIES, MEDICATIONS, PAST_HISTORY } from './vocab.mjs';

/** 'Pneumonia (disorder)' → 'pneumonia'. */
export const plain = (display) => display.replace(/ \((disorder|finding|procedure|injury|situation)\)$/, '').replace(/^[A-Z](?=[a-z])/, (ch) => ch.toLowerCase());
const num = (r, lo, hi, digits = 0) => (lo + r.next() * (hi - lo)).toFixed(digits);

export const S = {
  complaint: [(r, c) => `${c.Pronoun} presents with ${c.complaint}.`, (r, c) => `Chief complaint: ${c.complaint}.`, (r, c) => `"${c.complaint[0].toUpperCase()}${c.complaint.slice(1)}," per the patient.`],
  hpi: [
    (r, c) => `${c.name} is a ${c.age}-year-old ${c.sex} with a history of ${c.history} who reports ${c.complaint} for the past ${r.between(1, 14)} days.`,
    (r) => `Symptoms began ${r.between(2, 72)} hours before arrival and have been ${r.pick(['progressively worse', 'intermittent', 'constant', 'worse with exertion'])}.`,
    (r, c) => `${c.Pronoun} denies ${r.pick(['recent travel', 'sick contacts', 'chest pain', 'hemoptysis', 'melena', 'syncope'])} and ${r.pick(['recent antibiotic use', 'fevers at home', 'weight loss', 'night sweats'])}.`,
    (r, c) => `${c.Pronoun} tried ${r.pick(['acetaminophen', 'ibuprofen', 'rest and fluids', 'an extra dose of the home inhaler'])} at home without relief.`,
    (r) => `Family member at bedside confirms the history; baseline ${r.pick(['independent in all activities of daily living', 'walks with a cane', 'uses a walker at home', 'lives alone and drives'])}.`,
    (r) => `Review of outside records shows a similar episode ${r.between(2, 11)} months ago treated as an outpatient.`,
    (r) => `Associated symptoms include ${r.pick(['nausea', 'poor oral intake', 'generalized weakness', 'mild headache'])} and ${r.pick(['decreased urine output', 'two episodes of loose stool', 'chills', 'poor sleep'])}.`,
    (r) => `EMS reports ${r.pick(['a blood glucose of ' + r.between(60, 420), 'an initial blood pressure of ' + r.between(96, 196) + '/' + r.between(48, 94), 'oxygen saturation of ' + r.between(84, 95) + '% on room air'])} at the scene.`,
    (r) => `Last seen by the primary care clinician ${r.between(1, 10)} weeks ago, when ${r.pick(['the blood pressure medication was increased', 'labs were unremarkable', 'a referral was placed', 'no changes were made'])}.`,
    (r, c) => `${c.Pronoun} rates the discomfort ${r.between(2, 10)} out of 10, ${r.pick(['worse with movement', 'better when sitting up', 'not changed by position', 'worse at night'])}.`,
    (r) => `Medication adherence is ${r.pick(['good by report', 'uncertain; pill bottles were not brought', 'poor due to cost', 'managed by a family member'])}.`,
  ],
  ros: [
    (r) => `Constitutional: ${r.pick(['positive for fatigue', 'negative for fever or chills', 'positive for decreased appetite'])}.`,
    (r) => `Cardiovascular: ${r.pick(['negative for chest pain', 'positive for palpitations', 'positive for lower extremity edema'])}.`,
    (r) => `Respiratory: ${r.pick(['positive for cough', 'negative for wheezing', 'positive for dyspnea on exertion'])}.`,
    (r) => `Gastrointestinal: ${r.pick(['negative for nausea or vomiting', 'positive for abdominal pain', 'negative for blood in stool'])}.`,
    (r) => `Genitourinary: ${r.pick(['negative for dysuria', 'positive for frequency', 'negative for hematuria'])}.`,
    (r) => `Neurological: ${r.pick(['negative for focal weakness', 'positive for dizziness', 'negative for headache'])}. All other systems reviewed and negative.`,
  ],
  pmh: [(r, c) => `- ${r.chance(0.3) ? r.pick(c.problems) : r.pick(PAST_HISTORY)}${r.chance(0.3) ? `, diagnosed ${r.between(2, 25)} years ago` : ''}`],
  meds: [(r) => `- ${r.pick(MEDICATIONS)}`],
  allergies: [(r) => r.pick(ALLERGIES)],
  social: [
    (r, c) => `${c.Pronoun} ${r.pick(['has never smoked', 'quit smoking 10 years ago', 'smokes half a pack per day', 'uses smokeless tobacco'])} and drinks alcohol ${r.pick(['rarely', 'socially', 'two drinks per day', 'never'])}.`,
    (r) => `Lives ${r.pick(['with a spouse', 'alone', 'with an adult daughter', 'in an assisted living facility'])}; ${r.pick(['retired', 'works full time', 'works part time', 'on disability'])}.`,
  ],
  vitals: [(r) => `BP ${r.between(98, 178)}/${r.between(56, 98)}, HR ${r.between(58, 124)}, RR ${r.between(12, 26)}, T ${num(r, 36.1, 39.4, 1)} C, SpO2 ${r.between(88, 100)}% on ${r.pick(['room air', '2 L nasal cannula', '4 L nasal cannula'])}.`],
  exam: [
    (r) => `General: ${r.pick(['alert and oriented, in no acute distress', 'ill-appearing, mildly diaphoretic', 'uncomfortable, lying still'])}.`,
    (r) => `HEENT: ${r.pick(['mucous membranes dry', 'oropharynx clear', 'no scleral icterus'])}. Neck supple, no JVD.`,
    (r) => `Lungs: ${r.pick(['clear to auscultation bilaterally', 'crackles at the right base', 'diffuse expiratory wheezes', 'decreased breath sounds on the left'])}.`,
    (r) => `Heart: ${r.pick(['regular rate and rhythm, no murmur', 'irregularly irregular rhythm', 'tachycardic, 2/6 systolic murmur at the apex'])}.`,
    (r) => `Abdomen: ${r.pick(['soft, non-tender, non-distended', 'tender in the right lower quadrant with guarding', 'mild epigastric tenderness, no rebound'])}.`,
    (r) => `Extremities: ${r.pick(['no edema', '2+ pitting edema to the knees', 'left leg shortened and externally rotated'])}. Skin warm and dry.`,
    (r) => `Neuro: ${r.pick(['no focal deficits', 'right arm drift, mild dysarthria', 'oriented to person and place only'])}.`,
    (r) => `Psych: ${r.pick(['appropriate mood and affect', 'anxious but cooperative', 'flat affect'])}. Lymph: no cervical or axillary adenopathy.`,
    (r) => `Musculoskeletal: ${r.pick(['full range of motion in all extremities', 'tenderness over the distal radius', 'crepitus of the right knee with effusion'])}.`,
  ],
  labs: [
    (r) => `WBC ${num(r, 3.8, 18.5, 1)}, hemoglobin ${num(r, 8.4, 15.9, 1)}, platelets ${r.between(110, 420)}.`,
    (r) => `Sodium ${r.between(128, 146)}, potassium ${num(r, 3.1, 5.6, 1)}, creatinine ${num(r, 0.6, 3.4, 2)}, BUN ${r.between(8, 64)}, glucose ${r.between(74, 388)}.`,
    (r) => `Troponin ${r.pick(['< 0.01', '0.04', '0.32', '1.8'])} ng/mL; BNP ${r.between(40, 2400)} pg/mL; lactate ${num(r, 0.8, 4.6, 1)} mmol/L.`,
    (r) => `Urinalysis: ${r.pick(['positive leukocyte esterase and nitrites', 'negative', 'trace protein, no blood'])}. Hemoglobin A1c ${num(r, 5.4, 11.2, 1)}%.`,
    (r) => `INR ${num(r, 0.9, 3.4, 1)}, PTT ${r.between(24, 48)} seconds; magnesium ${num(r, 1.4, 2.6, 1)}, phosphorus ${num(r, 2.1, 5.2, 1)}.`,
    (r) => `Blood cultures ${r.pick(['pending', 'no growth at 48 hours', 'positive for gram-positive cocci in clusters in 1 of 2 sets'])}; procalcitonin ${num(r, 0.05, 8.2, 2)}.`,
    (r) => `AST ${r.between(14, 210)}, ALT ${r.between(10, 240)}, alkaline phosphatase ${r.between(40, 380)}, total bilirubin ${num(r, 0.2, 3.8, 1)}, albumin ${num(r, 2.2, 4.6, 1)}.`,
  ],
  imaging: [
    (r) => `Chest radiograph: ${r.pick(['right lower lobe consolidation', 'no acute cardiopulmonary process', 'cardiomegaly with small bilateral effusions', 'hyperinflation without focal opacity'])}.`,
    (r) => `CT ${r.pick(['abdomen and pelvis with contrast', 'head without contrast', 'chest angiogram'])}: ${r.pick(['no acute abnormality', 'dilated appendix with periappendiceal stranding', 'no pulmonary embolism', 'chronic small-vessel ischemic change'])}.`,
    (r) => `ECG: ${r.pick(['sinus rhythm, rate 78, no ST changes', 'atrial fibrillation with rapid ventricular response', 'sinus tachycardia, nonspecific T-wave changes'])}.`,
    (r) => `Ultrasound ${r.pick(['right upper quadrant', 'renal', 'lower extremity venous duplex'])}: ${r.pick(['gallbladder wall thickening with pericholecystic fluid', 'mild hydronephrosis on the right', 'no deep vein thrombosis', 'unremarkable study'])}.`,
    (r) => `Technique: ${r.pick(['frontal and lateral views', 'axial images with coronal and sagittal reformats', 'real-time grayscale and color Doppler imaging'])}; ${r.pick(['no prior studies for comparison', 'compared with the prior study', 'limited by patient motion'])}.`,
    (r) => `Lines and tubes: ${r.pick(['none', 'right internal jugular catheter tip at the cavoatrial junction', 'nasogastric tube tip in the stomach'])}. Bones: ${r.pick(['no acute fracture', 'degenerative change of the spine', 'osteopenia'])}.`,
  ],
  specimen: [
    (r) => `Specimen: venous blood, collected ${String(r.between(0, 23)).padStart(2, '0')}:${r.pick(['05', '20', '35', '50'])}, received in the laboratory ${r.between(10, 55)} minutes later.`,
    (r) => `Specimen condition: ${r.pick(['acceptable', 'slightly hemolyzed; potassium may be falsely elevated', 'acceptable, lipemic'])}.`,
    () => `Performing laboratory: hospital core laboratory; results verified by the technologist on duty.`,
  ],
  impression: [
    (r, c) => `Findings are most consistent with ${c.problem}.`,
    (r) => `Comparison with prior study from ${r.between(1, 12)} months ago shows ${r.pick(['interval improvement', 'no significant change', 'new findings as above'])}.`,
    (r) => `Recommend ${r.pick(['clinical correlation', 'follow-up imaging in 6 weeks', 'no further imaging at this time'])}.`,
    (r) => `Critical result ${r.pick(['called to the ordering clinician and read back', 'not present', 'communicated to the charge nurse'])} at ${String(r.between(0, 23)).padStart(2, '0')}:${r.pick(['10', '25', '40', '55'])}.`,
  ],
  assessment: [
    (r, c) => `1. ${c.Problem}: ${r.pick(['improving on current therapy', 'new diagnosis this visit', 'acute on chronic', 'stable'])}.`,
    (r, c) => `2. ${c.Other}: ${r.pick(['continue home regimen', 'monitor', 'adjust dose as below', 'outpatient follow-up'])}.`,
    (r) => `Plan: ${r.pick(['continue', 'start', 'hold'])} ${r.pick(MEDICATIONS)}; ${r.pick(['repeat labs in the morning', 'physical therapy evaluation', 'diet as tolerated', 'strict intake and output'])}.`,
    (r) => `Discussed the plan with the patient, who ${r.pick(['agrees', 'asked appropriate questions and agrees', 'would like to discuss with family'])}.`,
    (r) => `Disposition: ${r.pick(['admit to medicine', 'discharge home with follow-up in one week', 'observation overnight', 'home with home health services'])}.`,
    (r) => `3. ${r.pick(['Hyperlipidemia', 'Hypokalemia', 'Acute kidney injury on chronic kidney disease', 'Deconditioning', 'Tobacco use'])}: ${r.pick(['continue statin', 'replete and recheck', 'hold nephrotoxins, gentle fluids', 'physical therapy', 'counseled on cessation for 5 minutes'])}.`,
    (r) => `DVT prophylaxis with ${r.pick(['enoxaparin', 'sequential compression devices', 'heparin subcutaneously'])}; code status ${r.pick(['full code', 'DNR/DNI, confirmed with the patient', 'full code, discussed with family'])}.`,
    (r) => `Return precautions reviewed: ${r.pick(['worsening shortness of breath', 'fever over 38.5 C', 'chest pain', 'inability to keep fluids down'])} or any new concern.`,
  ],
  course: [
    (r, c) => `The patient was admitted for ${c.problem} and treated with ${r.pick(MEDICATIONS)}.`,
    (r, c) => `On hospital day ${r.between(2, 5)} ${c.pronoun} ${r.pick(['was weaned to room air', 'was afebrile and tolerating a diet', 'developed transient delirium, which resolved', 'required one unit of packed red cells'])}.`,
    (r) => `${r.pick(['Cardiology', 'Nephrology', 'Infectious disease', 'Physical therapy'])} was consulted and recommended ${r.pick(['continuing the current plan', 'echocardiography', 'renal dosing of medications', 'discharge with a walker'])}.`,
    (r, c) => `Length of stay was ${c.days} days; ${c.pronoun} was discharged in ${r.pick(['stable', 'good', 'improved'])} condition.`,
    (r) => `Antibiotics were narrowed to ${r.pick(['cefpodoxime', 'amoxicillin-clavulanate', 'doxycycline', 'cephalexin'])} once cultures returned, to complete a ${r.between(5, 14)}-day course.`,
    (r) => `Renal function ${r.pick(['returned to baseline with fluids', 'remained at baseline', 'worsened transiently with diuresis'])}; creatinine at discharge ${num(r, 0.7, 2.9, 2)}.`,
    (r) => `Pain was controlled with ${r.pick(['oral acetaminophen and oxycodone as needed', 'scheduled acetaminophen', 'a patient-controlled analgesia pump, then oral agents'])}.`,
    (r) => `Discharge instructions reviewed with the patient and ${r.pick(['spouse', 'daughter', 'son', 'caregiver'])}; follow-up with ${r.pick(['primary care', 'cardiology', 'the surgical clinic', 'nephrology'])} in ${r.between(1, 3)} weeks.`,
  ],
  operative: [
    (r, c) => `Preoperative diagnosis: ${c.problem}. Postoperative diagnosis: same.`,
    (r, c) => `Procedure: ${c.procedure}. Anesthesia: ${r.pick(['general endotracheal', 'spinal', 'monitored anesthesia care'])}. Estimated blood loss ${r.between(5, 450)} mL.`,
    (r) => `The patient was brought to the operating room and placed ${r.pick(['supine', 'in the lateral decubitus position'])}; the field was prepped and draped in sterile fashion.`,
    (r) => `A time-out confirmed the patient, procedure and site. ${r.pick(['Dissection proceeded without difficulty', 'Dense adhesions were taken down sharply', 'Hemostasis was obtained with electrocautery'])}.`,
    (r) => `Specimens: ${r.pick(['appendix to pathology', 'gallbladder to pathology', 'none'])}. Complications: none. The patient tolerated the procedure well.`,
  ],
  nursing: [
    (r) => `Patient resting in bed, call light within reach; pain ${r.between(0, 8)}/10, ${r.pick(['medicated per order', 'repositioned', 'declined medication'])}.`,
    (r, c) => `Assessed ${c.pronoun === 'she' ? 'her' : 'him'} at ${String(r.between(0, 23)).padStart(2, '0')}:${r.pick(['00', '15', '30', '45'])}; ${r.pick(['skin intact', 'dressing clean, dry and intact', 'IV site without redness'])}.`,
    (r) => `Fall precautions in place; ${r.pick(['ambulated in the hall with assistance', 'up to chair for meals', 'bed alarm on'])}.`,
    (r) => `Education given on ${r.pick(['medications', 'diet', 'wound care', 'when to call the clinic'])}; patient verbalized understanding.`,
    (r) => `Intake ${r.between(600, 2400)} mL, output ${r.between(400, 2600)} mL over the shift; ${r.pick(['voiding without difficulty', 'Foley catheter draining clear yellow urine', 'bedside commode with assistance'])}.`,
    (r) => `Blood glucose ${r.between(80, 340)} mg/dL before ${r.pick(['breakfast', 'lunch', 'dinner', 'bedtime'])}; ${r.pick(['sliding scale insulin given per protocol', 'no coverage needed', 'provider notified'])}.`,
    (r) => `Braden score ${r.between(12, 22)}; ${r.pick(['turned every 2 hours', 'heels offloaded', 'no pressure injury noted'])}. Family updated by phone.`,
  ],
};
