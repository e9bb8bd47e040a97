// Clinical vocabulary for the generated notes and hints: SNOMED CT codes as source systems
// send them (never ICD-10: the coder assigns those), LOINC document types, common drugs.

/** [SNOMED code, display, what the patient says, suits settings]. */
export const CONDITIONS = [
  ['233604007', 'Pneumonia (disorder)', 'fever, productive cough and shortness of breath', 'IMP EMER'],
  ['84114007', 'Heart failure (disorder)', 'worsening leg swelling and shortness of breath lying flat', 'IMP EMER'],
  ['49436004', 'Atrial fibrillation (disorder)', 'palpitations and lightheadedness', 'IMP EMER AMB'],
  ['44054006', 'Diabetes mellitus type 2 (disorder)', 'thirst, frequent urination and fatigue', 'AMB HH VR'],
  ['38341003', 'Hypertensive disorder, systemic arterial (disorder)', 'headaches and elevated home blood pressure readings', 'AMB VR HH'],
  ['13645005', 'Chronic obstructive lung disease (disorder)', 'increased sputum and wheezing', 'IMP EMER AMB HH'],
  ['68566005', 'Urinary tract infectious disease (disorder)', 'burning with urination and urinary frequency', 'EMER AMB VR'],
  ['91302008', 'Sepsis (disorder)', 'fever, chills and confusion', 'IMP'],
  ['22298006', 'Myocardial infarction (disorder)', 'crushing substernal chest pain radiating to the left arm', 'IMP EMER'],
  ['230690007', 'Cerebrovascular accident (disorder)', 'sudden weakness of the right arm and slurred speech', 'IMP EMER'],
  ['74400008', 'Appendicitis (disorder)', 'right lower quadrant abdominal pain with nausea', 'IMP EMER'],
  ['235595009', 'Gastroesophageal reflux disease (disorder)', 'burning epigastric pain after meals', 'AMB VR'],
  ['431855005', 'Chronic kidney disease stage 1 (disorder)', 'fatigue and ankle swelling', 'AMB HH'],
  ['433144002', 'Chronic kidney disease stage 3 (disorder)', 'fatigue and decreased appetite', 'AMB HH IMP'],
  ['195967001', 'Asthma (disorder)', 'wheezing and chest tightness at night', 'EMER AMB VR'],
  ['40055000', 'Chronic sinusitis (disorder)', 'facial pressure and nasal congestion', 'AMB VR'],
  ['263102004', 'Fracture subluxation of wrist (injury)', 'wrist pain and swelling after a fall on an outstretched hand', 'EMER AMB'],
  ['359817006', 'Closed fracture of hip (disorder)', 'left hip pain and inability to bear weight after a fall', 'IMP EMER'],
  ['239873007', 'Osteoarthritis of knee (disorder)', 'chronic right knee pain limiting walking', 'AMB IMP'],
  ['35489007', 'Depressive disorder (disorder)', 'low mood and poor sleep', 'AMB VR'],
  ['128613002', 'Seizure disorder (disorder)', 'a witnessed episode of shaking and confusion', 'EMER IMP'],
  ['45816000', 'Pyelonephritis (disorder)', 'flank pain, fever and vomiting', 'IMP EMER'],
  ['386661006', 'Fever (finding)', 'fever and body aches', 'EMER VR'],
  ['162864005', 'Body mass index 30+ - obesity (finding)', 'weight gain and knee pain', 'AMB HH'],
];

/** [SNOMED code, display, surgical (gets an operative report)]. */
export const PROCEDURES = [
  ['80146002', 'Excision of appendix (procedure)', true],
  ['38102005', 'Cholecystectomy (procedure)', true],
  ['52734007', 'Total replacement of hip (procedure)', true],
  ['609588000', 'Total knee replacement (procedure)', true],
  ['232717009', 'Coronary artery bypass grafting (procedure)', true],
  ['73761001', 'Colonoscopy (procedure)', false],
  ['40701008', 'Echocardiography (procedure)', false],
  ['29303009', 'Electrocardiographic procedure (procedure)', false],
  ['168537006', 'Plain chest X-ray (procedure)', false],
  ['430193006', 'Medication reconciliation (procedure)', false],
  ['18286008', 'Catheter ablation of tissue of heart (procedure)', false],
  ['77477000', 'Computerized axial tomography (procedure)', false],
];

/** Bulk-export document types: [LOINC, display, kind of note]. */
export const DOC_TYPES = {
  hp: ['34117-2', 'History and physical note', 'hp'],
  progress: ['11506-3', 'Progress note', 'progress'],
  discharge: ['18842-5', 'Discharge summary', 'discharge'],
  operative: ['11504-8', 'Surgical operation note', 'operative'],
  ed: ['34111-5', 'Emergency department note', 'ed'],
  nurse: ['34746-8', 'Nurse note', 'nurse'],
  procedure: ['28570-0', 'Procedure note', 'procedure'],
  consult: ['11488-4', 'Consult note', 'consult'],
  imaging: ['18748-4', 'Diagnostic imaging study', 'imaging'],
  lab: ['11502-2', 'Laboratory report', 'lab'],
  careplan: ['18776-5', 'Plan of care note', 'progress'],
};

/** The five documents of an encounter, by class (the lab slot may be a DiagnosticReport). */
export const DOC_PLANS = {
  IMP: ['hp', 'progress', 'progress', 'consult', 'discharge'],
  EMER: ['ed', 'nurse', 'imaging', 'lab', 'progress'],
  AMB: ['progress', 'procedure', 'imaging', 'lab', 'consult'],
  HH: ['nurse', 'nurse', 'careplan', 'progress', 'lab'],
  VR: ['progress', 'consult', 'lab', 'nurse', 'careplan'],
};

export const MEDICATIONS = [
  'metformin 500 mg by mouth twice daily', 'lisinopril 10 mg by mouth daily', 'atorvastatin 40 mg by mouth at bedtime',
  'metoprolol succinate 50 mg by mouth daily', 'apixaban 5 mg by mouth twice daily', 'furosemide 40 mg by mouth daily',
  'albuterol inhaler 2 puffs every 4 hours as needed', 'tiotropium 18 mcg inhaled daily', 'insulin glargine 20 units at bedtime',
  'amlodipine 5 mg by mouth daily', 'omeprazole 20 mg by mouth daily', 'sertraline 50 mg by mouth daily',
  'levothyroxine 75 mcg by mouth daily', 'acetaminophen 650 mg every 6 hours as needed', 'gabapentin 300 mg at bedtime',
  'ceftriaxone 1 g IV every 24 hours', 'piperacillin-tazobactam 3.375 g IV every 8 hours', 'enoxaparin 40 mg subcutaneously daily',
  'levetiracetam 500 mg by mouth twice daily', 'nitrofurantoin 100 mg by mouth twice daily', 'prednisone 40 mg by mouth daily',
];

export const ALLERGIES = ['No known drug allergies.', 'Penicillin (rash).', 'Sulfa drugs (hives).', 'Codeine (nausea).', 'Latex (contact dermatitis).', 'Iodinated contrast (itching).'];

export const PAST_HISTORY = [
  'Hyperlipidemia', 'Osteoarthritis of both knees', 'Hypothyroidism', 'Prior appendectomy in childhood', 'Benign prostatic hyperplasia',
  'Gout', 'Obstructive sleep apnea on CPAP', 'Anemia of chronic disease', 'Migraine without aura', 'Cataract surgery, both eyes',
  'Peripheral neuropathy', 'Diverticulosis', 'Tobacco use disorder, in remission', 'Remote deep vein thrombosis', 'Glaucoma',
];
