/**
 * Query templates for the documentation gaps coders meet most. Each is a starting point: the coder
 * adds the indicators from the chart and removes any option those indicators do not support (a
 * templated option that is not clinically credible for this patient leads as much as a missing one).
 * The questions name no diagnosis and no consequence; the options are the clinically distinct
 * answers ICD-10-CM/PCS separate, and "Other" and "Clinically undetermined" are added to each.
 */
import { QUERY_TEMPLATE_IDS, type QueryDraft, type QueryFormat, type QueryTemplateId } from './queries';

export interface QueryTemplate {
  id: QueryTemplateId;
  label: string;
  format: QueryFormat;
  question: string;
  /** The clinically supported options; the fixed ones are added when shown. */
  options: readonly string[];
  /** What to look for in the record and cite as indicators. */
  indicatorHints: readonly string[];
}

const ASK = 'Based on the clinical indicators below, please clarify';

const HEART_FAILURE_ACUITY = ['Acute', 'Chronic', 'Acute on chronic'] as const;
const HEART_FAILURE_TYPE = ['systolic (HFrEF)', 'diastolic (HFpEF)', 'combined systolic and diastolic'] as const;

export const QUERY_TEMPLATES: Readonly<Record<QueryTemplateId, QueryTemplate>> = {
  sepsis: {
    id: 'sepsis',
    label: 'Sepsis',
    format: 'multiple_choice',
    question: `${ASK} the condition being evaluated and treated.`,
    options: [
      'Sepsis, with the source of infection (please specify)',
      'Severe sepsis, with the associated acute organ dysfunction (please specify)',
      'Septic shock',
      'Localized infection without sepsis (please specify)',
      'Systemic inflammatory response syndrome (SIRS) of non-infectious origin',
    ],
    indicatorHints: [
      'Temperature above 38.3 °C or below 36 °C',
      'Heart rate above 90; respiratory rate above 20',
      'WBC above 12,000 or below 4,000 per µL, or bands above 10%',
      'Lactate above 2 mmol/L; hypotension or vasopressors',
      'New organ dysfunction (creatinine, bilirubin, platelets, mental status) or a SOFA rise of 2 or more',
      'Suspected or confirmed source of infection; cultures; IV antibiotics and fluid boluses',
    ],
  },
  malnutrition: {
    id: 'malnutrition',
    label: 'Malnutrition',
    format: 'multiple_choice',
    question: `${ASK} the patient's nutritional status.`,
    options: [
      'Mild protein-calorie malnutrition',
      'Moderate protein-calorie malnutrition',
      'Severe protein-calorie malnutrition',
      'Cachexia (please specify the underlying condition)',
      'Underweight without malnutrition',
    ],
    indicatorHints: [
      'Dietitian assessment and the criteria it applies (ASPEN/AND or GLIM)',
      'Energy intake below estimated needs, and for how long',
      'Weight loss: percentage and period',
      'Loss of subcutaneous fat or muscle mass on examination; reduced grip strength',
      'Fluid accumulation that may mask weight loss; BMI',
      'Nutrition treatment: supplements, tube feeding, parenteral nutrition',
    ],
  },
  acute_respiratory_failure: {
    id: 'acute_respiratory_failure',
    label: 'Acute respiratory failure',
    format: 'multiple_choice',
    question: `${ASK} the respiratory condition being treated.`,
    options: [
      'Acute respiratory failure with hypoxia',
      'Acute respiratory failure with hypercapnia',
      'Acute respiratory failure with hypoxia and hypercapnia',
      'Acute on chronic respiratory failure (please specify hypoxia, hypercapnia or both)',
      'Hypoxemia without respiratory failure',
    ],
    indicatorHints: [
      'SpO2 below 91% on room air; PaO2 below 60 mmHg or P/F ratio below 300',
      'PaCO2 above 50 mmHg with pH below 7.35',
      'Respiratory rate above 28, accessory muscle use, unable to speak in full sentences',
      'Oxygen given: flow rate, high-flow nasal cannula, BiPAP or CPAP, intubation',
      'Baseline: home oxygen, known chronic CO2 retention',
    ],
  },
  heart_failure: {
    id: 'heart_failure',
    label: 'Heart failure type and acuity',
    format: 'multiple_choice',
    question: `${ASK} the type and acuity of the heart failure.`,
    options: HEART_FAILURE_ACUITY.flatMap((acuity) => HEART_FAILURE_TYPE.map((type) => `${acuity} ${type} heart failure`)),
    indicatorHints: [
      'Ejection fraction on the latest echocardiogram',
      'BNP or NT-proBNP, against the baseline when known',
      'IV diuretics, or a change in the home diuretic dose',
      'Dyspnea, orthopnea, edema, jugular venous distension, crackles; weight gain',
      'Chest x-ray: pulmonary edema, vascular congestion, effusions',
      'Home heart failure medicines',
    ],
  },
  anemia_type: {
    id: 'anemia_type',
    label: 'Anemia type',
    format: 'multiple_choice',
    question: `${ASK} the type of anemia.`,
    options: [
      'Acute blood loss anemia',
      'Chronic blood loss anemia',
      'Iron deficiency anemia',
      'Vitamin B12 or folate deficiency anemia',
      'Anemia of chronic disease (please specify the disease)',
      'Anemia in chronic kidney disease',
      'Anemia due to antineoplastic chemotherapy',
    ],
    indicatorHints: [
      "Hemoglobin and hematocrit: values, trend and the patient's baseline",
      'MCV, iron studies, ferritin, vitamin B12 and folate levels',
      'Blood loss: estimated blood loss, gastrointestinal bleeding, hematuria',
      'Transfusions; iron, B12 or folate replacement',
      'Chronic kidney disease stage, chemotherapy, chronic inflammatory disease',
    ],
  },
  encephalopathy: {
    id: 'encephalopathy',
    label: 'Encephalopathy',
    format: 'multiple_choice',
    question: `${ASK} the condition causing the change in mental status.`,
    options: [
      'Metabolic encephalopathy (please specify the cause)',
      'Toxic encephalopathy (please specify the agent)',
      'Toxic metabolic encephalopathy',
      'Hepatic encephalopathy',
      'Delirium without encephalopathy (please specify the cause)',
    ],
    indicatorHints: [
      'Change from baseline mental status: confusion, disorientation, lethargy, Glasgow Coma Scale',
      'Positive CAM or other delirium screen',
      'Sodium, glucose, BUN and creatinine, ammonia, blood gases',
      'Infection or sepsis; medicines, drug levels, toxicology screen, alcohol',
      'Head CT or MRI findings',
      'Whether mental status improved as the cause was treated',
    ],
  },
  pressure_injury_stage: {
    id: 'pressure_injury_stage',
    label: 'Pressure injury stage',
    format: 'multiple_choice',
    question: `${ASK} the stage of the pressure injury at the site described.`,
    options: [
      'Stage 1: non-blanchable erythema of intact skin',
      'Stage 2: partial-thickness skin loss with exposed dermis',
      'Stage 3: full-thickness skin loss; subcutaneous fat may be visible',
      'Stage 4: full-thickness skin and tissue loss with exposed fascia, muscle, tendon, ligament, cartilage or bone',
      'Unstageable: full-thickness loss obscured by slough or eschar',
      'Deep tissue pressure injury: persistent non-blanchable deep red, maroon or purple discoloration',
    ],
    indicatorHints: [
      'Wound care or nursing assessment: depth, tissue exposed, wound bed',
      'Slough or eschar covering the wound bed',
      'Site and laterality',
      'Stages that differ between notes (a wound nurse’s stage may be coded; differing notes need a query)',
      'Date first noted, for present on admission',
    ],
  },
  debridement_depth: {
    id: 'debridement_depth',
    label: 'Debridement depth',
    format: 'multiple_choice',
    question: `${ASK} the deepest layer of tissue removed during the debridement.`,
    options: ['Skin only (epidermis and/or dermis)', 'Subcutaneous tissue', 'Muscle and/or fascia', 'Bone'],
    indicatorHints: [
      'Instrument used: scalpel, curette, scissors, rongeur',
      'Tissue removed, layer by layer, as the procedure note describes it',
      'Whether tissue was cut away (excisional) or removed by brushing, irrigation or scrubbing (non-excisional)',
      'Wound size and depth before and after; pathology specimen',
      'Site and laterality',
    ],
  },
};

/** The templates in the order a picker lists them. */
export const QUERY_TEMPLATE_LIST: readonly QueryTemplate[] = QUERY_TEMPLATE_IDS.map((id) => QUERY_TEMPLATES[id]);

/** A new draft from a template: its question and options, no indicators yet. */
export function draftFromTemplate(id: QueryTemplateId, chartId: string, addressedTo = ''): QueryDraft {
  const template = QUERY_TEMPLATES[id];
  return {
    chartId,
    topic: id,
    question: template.question,
    format: template.format,
    options: template.format === 'multiple_choice' ? [...template.options] : [],
    yesNoPurpose: null,
    indicators: [],
    addressedTo,
  };
}
