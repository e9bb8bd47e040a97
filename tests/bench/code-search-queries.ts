/**
 * What coders type into the code picker: exact codes (dotted, undotted, any case), code
 * prefixes while typing, words, word prefixes and several words in any order.
 */
export const CODE_SEARCH_QUERIES: readonly string[] = [
  // Exact codes, as written on charts.
  'E11.65', 'E11.22', 'I10', 'J44.1', 'J18.9', 'N17.9', 'N18.30', 'I50.9', 'I48.91', 'A41.9',
  'S72.001A', 'T36.0X1A', 'Z79.4', 'F32.A', 'K21.9', 'R07.9', 'M54.50', 'E78.5', 'B88.01', 'U07.1',
  // Undotted and lower case.
  'e1165', 'i10', 'j441', 'n179', 's72001a', 'z794', 'r079', 'k219', 'a419', 'e785',
  // Code prefixes, as typed character by character.
  'e', 'e1', 'e11', 'e11.', 'e11.6', 'e11.64', 's72', 's72.0', 's72.00', 'i', 'i5', 'i50', 'i50.', 'j4', 'j44',
  'z', 'z7', 'z79', 'm54', 'm54.5', 'f3', 'f32', 'r0', 't36', 't36.0x',
  // Words and word prefixes.
  'd', 'di', 'dia', 'diab', 'diabetes', 'hypert', 'hypertension', 'pneum', 'pneumonia', 'sepsis',
  'fracture', 'femur', 'asthma', 'copd', 'depress', 'anxiety', 'obesity', 'anemia', 'cellulitis', 'syncope',
  'unspecified', 'left', 'chest', 'pain', 'fall', 'encounter', 'migraine', 'dementia', 'gout', 'uti',
  // Several words, any order, partly typed.
  'diab kidn', 'kidn diab', 'type 2 diab', 'type 2 diabetes hyperglyc', 'chronic kidney disease stage 3',
  'chr kid dis', 'acute resp fail', 'acute respiratory failure with hypoxia', 'heart failure', 'congestive heart',
  'atrial fib', 'chest pain', 'low back pain', 'frac of left fem', 'fracture neck femur right', 'open fract',
  'pressure ulcer sacr stage 3', 'urinary tract infection', 'copd exacerbation', 'chronic obstr pulm',
  'major depressive disorder recurrent', 'alcohol dependence', 'opioid abuse', 'long term use insulin',
  'hypert heart ckd', 'sepsis due to e coli', 'pneumonia unspecified organism', 'acute kidney failure',
  'initial encounter', 'subsequent encounter routine healing', 'bitten by dog', 'fall from ladder',
  'personal history of nicotine', 'body mass index 40', 'vitamin d deficiency', 'iron deficiency anemia',
];
