/**
 * The structured health history (intake) a client gives before treatment, and the controlled vocabularies
 * its answers use. Pure definitions, no I/O. The screening rules (screening-rules.ts) read these answers.
 */

/** A calendar date as 'YYYY-MM-DD' (the clinic's date). */
export type IsoDate = string;

/**
 * Free text naming a body region, as the therapist or client writes it ("left calf", "right shoulder").
 * A shared body-region vocabulary may narrow this later; screening only repeats it in alerts.
 */
export type BodyRegionLabel = string;

export type ConditionDefinition = {
  readonly code: string;
  readonly label: string;
  /** Other words clients and referrals use, for intake search. */
  readonly aliases?: readonly string[];
};

/**
 * Conditions the intake asks about. It covers every trigger of the contraindication table and the
 * gentle-treatment populations (reference section C), plus common conditions that need no precaution
 * but belong in the history.
 */
export const CONDITIONS = [
  // Circulation and blood
  { code: 'dvt', label: 'Deep vein thrombosis (blood clot)', aliases: ['DVT', 'blood clot', 'thrombosis'] },
  {
    code: 'thrombophlebitis',
    label: 'Thrombophlebitis / phlebitis',
    aliases: ['phlebitis', 'inflamed vein'],
  },
  {
    code: 'thrombosis_risk',
    label: 'Raised risk of blood clots (e.g. during cancer treatment)',
    aliases: ['clot risk', 'DVT risk'],
  },
  {
    code: 'bleeding_disorder',
    label: 'Bleeding disorder',
    aliases: ['hemophilia', 'von Willebrand disease'],
  },
  { code: 'thrombocytopenia', label: 'Low platelet count (thrombocytopenia)', aliases: ['low platelets'] },
  { code: 'neutropenia', label: 'Low white cell count (neutropenia)', aliases: ['low white blood cells'] },
  { code: 'varicose_veins', label: 'Varicose veins' },
  { code: 'aneurysm', label: 'Aneurysm' },
  {
    code: 'arteriosclerosis',
    label: 'Arteriosclerosis / peripheral artery disease',
    aliases: ['hardening of the arteries', 'PAD'],
  },
  {
    code: 'circulatory_insufficiency',
    label: 'Poor circulation (circulatory insufficiency)',
    aliases: ['poor circulation', 'peripheral vascular disease'],
  },
  { code: 'raynauds', label: "Raynaud's phenomenon", aliases: ['Raynaud', 'Raynaud’s'] },
  { code: 'cold_urticaria', label: 'Cold urticaria (hives from cold)', aliases: ['cold hives'] },
  { code: 'cryoglobulinemia', label: 'Cryoglobulinemia', aliases: ['cryoglobulinaemia'] },
  {
    code: 'cold_hemoglobinuria',
    label: 'Paroxysmal cold hemoglobinuria',
    aliases: ['paroxysmal cold haemoglobinuria', 'PCH'],
  },
  // Heart, lungs, kidneys, blood pressure
  { code: 'uncontrolled_hypertension', label: 'High blood pressure, severe or uncontrolled' },
  {
    code: 'hypertension_controlled',
    label: 'High blood pressure, controlled',
    aliases: ['hypertension', 'high blood pressure'],
  },
  { code: 'heart_failure', label: 'Heart failure / cardiac edema', aliases: ['CHF', 'cardiac oedema'] },
  {
    code: 'heart_disease',
    label: 'Other heart problem',
    aliases: ['heart condition', 'arrhythmia', 'angina', 'coronary artery disease'],
  },
  {
    code: 'cardiopulmonary_disease_severe',
    label: 'Severe heart or lung disease',
    aliases: ['severe COPD', 'severe cardiopulmonary disease'],
  },
  {
    code: 'renal_insufficiency',
    label: 'Kidney disease / renal insufficiency',
    aliases: ['kidney failure', 'CKD'],
  },
  { code: 'asthma', label: 'Asthma' },
  // Infection, fever, acute illness
  { code: 'fever', label: 'Fever' },
  {
    code: 'acute_infection',
    label: 'Acute infection or contagious illness',
    aliases: ['flu', 'common cold', 'covid', 'contagious illness'],
  },
  {
    code: 'skin_infection_local',
    label: 'Skin infection in one area (e.g. shingles, ringworm, athlete’s foot)',
    aliases: ['shingles', 'ringworm', "athlete's foot", 'cellulitis'],
  },
  {
    code: 'unexplained_pain',
    label: 'Unexplained pain or acute condition not yet seen by a provider',
    aliases: ['undiagnosed pain', 'undiagnosed swelling'],
  },
  // Bone, joint, tissue
  { code: 'fracture_recent', label: 'Recent fracture (broken bone)', aliases: ['broken bone'] },
  { code: 'osteoporosis', label: 'Osteoporosis (weakened bones)', aliases: ['brittle bones', 'osteopenia'] },
  { code: 'osteoarthritis_severe', label: 'Severe osteoarthritis', aliases: ['severe OA'] },
  { code: 'arthritis', label: 'Arthritis (mild or moderate)', aliases: ['osteoarthritis', 'OA'] },
  { code: 'rheumatoid_arthritis', label: 'Rheumatoid arthritis (not flaring)', aliases: ['RA'] },
  {
    code: 'rheumatoid_flare',
    label: 'Acute inflammatory flare (e.g. rheumatoid arthritis flare)',
    aliases: ['RA flare', 'gout flare', 'acute inflammation'],
  },
  { code: 'herniated_disc', label: 'Herniated or bulging disc', aliases: ['slipped disc', 'disc bulge'] },
  { code: 'whiplash', label: 'Whiplash' },
  { code: 'scoliosis', label: 'Scoliosis' },
  { code: 'carpal_tunnel', label: 'Carpal tunnel syndrome' },
  { code: 'fibromyalgia', label: 'Fibromyalgia' },
  // Skin and wounds
  { code: 'open_wound', label: 'Open or healing wound', aliases: ['cut', 'sore', 'incision'] },
  { code: 'burn', label: 'Burn' },
  {
    code: 'fragile_skin',
    label: 'Fragile skin (e.g. from diabetes, steroids or a healing scar)',
    aliases: ['thin skin', 'healing scar'],
  },
  { code: 'dermatomyositis', label: 'Dermatomyositis' },
  // Cancer
  {
    code: 'cancer_active',
    label: 'Cancer, active or in treatment',
    aliases: ['tumor', 'tumour', 'malignancy'],
  },
  {
    code: 'bone_metastasis',
    label: 'Cancer that has spread to bone (bone metastasis)',
    aliases: ['bone mets', 'bone weakened by cancer'],
  },
  { code: 'radiation_area', label: 'Area treated with radiation', aliases: ['radiotherapy site'] },
  {
    code: 'lymph_node_removal',
    label: 'Lymph nodes removed or irradiated (at-risk quadrant)',
    aliases: ['node dissection', 'axillary node removal', 'sentinel node biopsy'],
  },
  { code: 'lymphedema', label: 'Lymphedema', aliases: ['lymphoedema'] },
  // Nerves, metabolism
  {
    code: 'neuropathy',
    label: 'Nerve damage / reduced sensation (neuropathy)',
    aliases: ['numbness', 'peripheral neuropathy', 'diabetic neuropathy'],
  },
  { code: 'diabetes', label: 'Diabetes', aliases: ['type 1 diabetes', 'type 2 diabetes'] },
  { code: 'multiple_sclerosis', label: 'Multiple sclerosis', aliases: ['MS'] },
  { code: 'migraine', label: 'Migraine' },
  // Mental health
  {
    code: 'ptsd',
    label: 'PTSD / history of trauma or abuse',
    aliases: ['post-traumatic stress disorder', 'history of physical abuse'],
  },
  {
    code: 'anxiety_disorder',
    label: 'Anxiety disorder',
    aliases: ['generalized anxiety disorder', 'GAD', 'panic disorder'],
  },
  { code: 'depression', label: 'Depression' },
] as const satisfies readonly ConditionDefinition[];

export type ConditionCode = (typeof CONDITIONS)[number]['code'];
export const CONDITION_CODES: readonly ConditionCode[] = CONDITIONS.map((condition) => condition.code);

const CONDITION_LABELS = new Map<string, string>(CONDITIONS.map((c) => [c.code, c.label]));

export function conditionLabel(code: ConditionCode): string {
  return CONDITION_LABELS.get(code) ?? code;
}

export const CONDITION_STATUSES = ['current', 'past'] as const;
export type ConditionStatus = (typeof CONDITION_STATUSES)[number];

/** Medication classes that matter for massage (bleeding, skin, sensation, sedation). */
export const MEDICATION_CLASSES = [
  { code: 'anticoagulant', label: 'Anticoagulant (blood thinner)' },
  { code: 'antiplatelet', label: 'Antiplatelet' },
  { code: 'corticosteroid', label: 'Corticosteroid' },
  { code: 'insulin', label: 'Insulin' },
  { code: 'opioid_analgesic', label: 'Opioid pain reliever' },
  { code: 'muscle_relaxant', label: 'Muscle relaxant' },
  { code: 'nsaid', label: 'NSAID (anti-inflammatory pain reliever)' },
  { code: 'other', label: 'Other' },
] as const;
export type MedicationClass = (typeof MEDICATION_CLASSES)[number]['code'];
export const MEDICATION_CLASS_CODES: readonly MedicationClass[] = MEDICATION_CLASSES.map((m) => m.code);

/** How a medication class reads inside a sentence ("Eliquis 5 mg (anticoagulant)"). */
export const MEDICATION_CLASS_NOUNS: Readonly<Record<MedicationClass, string>> = {
  anticoagulant: 'anticoagulant',
  antiplatelet: 'antiplatelet',
  corticosteroid: 'corticosteroid',
  insulin: 'insulin',
  opioid_analgesic: 'opioid pain reliever',
  muscle_relaxant: 'muscle relaxant',
  nsaid: 'NSAID',
  other: 'other medication',
};

/**
 * Common generic and brand names (US, with a few UK/EU brands) for the classes screening cares about.
 * Aspirin is listed as an antiplatelet: at any dose it slows clotting, which is what matters for pressure.
 */
export const MEDICATION_NAMES: readonly { readonly name: string; readonly class: MedicationClass }[] = [
  ...names('anticoagulant', [
    'warfarin',
    'Coumadin',
    'Jantoven',
    'apixaban',
    'Eliquis',
    'rivaroxaban',
    'Xarelto',
    'dabigatran',
    'Pradaxa',
    'edoxaban',
    'Savaysa',
    'Lixiana',
    'heparin',
    'enoxaparin',
    'Lovenox',
    'Clexane',
    'dalteparin',
    'Fragmin',
    'fondaparinux',
    'Arixtra',
    'acenocoumarol',
    'phenprocoumon',
  ]),
  ...names('antiplatelet', [
    'clopidogrel',
    'Plavix',
    'ticagrelor',
    'Brilinta',
    'prasugrel',
    'Effient',
    'aspirin',
    'dipyridamole',
    'Aggrenox',
    'cilostazol',
    'Pletal',
    'ticlopidine',
  ]),
  ...names('corticosteroid', [
    'prednisone',
    'Deltasone',
    'Rayos',
    'prednisolone',
    'methylprednisolone',
    'Medrol',
    'dexamethasone',
    'Decadron',
    'hydrocortisone',
    'Cortef',
    'cortisone',
    'fludrocortisone',
    'triamcinolone',
    'budesonide',
  ]),
  ...names('insulin', [
    'insulin',
    'glargine',
    'Lantus',
    'Basaglar',
    'Toujeo',
    'Semglee',
    'detemir',
    'Levemir',
    'degludec',
    'Tresiba',
    'lispro',
    'Humalog',
    'aspart',
    'Novolog',
    'NovoRapid',
    'Fiasp',
    'glulisine',
    'Apidra',
    'Humulin',
    'Novolin',
  ]),
  ...names('opioid_analgesic', [
    'oxycodone',
    'OxyContin',
    'Percocet',
    'hydrocodone',
    'Vicodin',
    'Norco',
    'morphine',
    'codeine',
    'tramadol',
    'Ultram',
    'tapentadol',
    'Nucynta',
    'hydromorphone',
    'Dilaudid',
    'fentanyl',
    'Duragesic',
    'methadone',
    'buprenorphine',
    'oxymorphone',
  ]),
  ...names('muscle_relaxant', [
    'cyclobenzaprine',
    'Flexeril',
    'Amrix',
    'methocarbamol',
    'Robaxin',
    'tizanidine',
    'Zanaflex',
    'baclofen',
    'Lioresal',
    'carisoprodol',
    'Soma',
    'metaxalone',
    'Skelaxin',
    'orphenadrine',
    'Norflex',
    'chlorzoxazone',
    'dantrolene',
  ]),
  ...names('nsaid', [
    'ibuprofen',
    'Advil',
    'Motrin',
    'naproxen',
    'Aleve',
    'Naprosyn',
    'diclofenac',
    'Voltaren',
    'celecoxib',
    'Celebrex',
    'meloxicam',
    'Mobic',
    'indomethacin',
    'ketorolac',
    'Toradol',
    'etodolac',
    'nabumetone',
    'ketoprofen',
  ]),
];

function names(medicationClass: MedicationClass, list: readonly string[]) {
  return list.map((name) => ({ name, class: medicationClass }));
}

/** Whole-word, case-insensitive: letters may not touch the name on either side ("Eliquis5mg" matches). */
const NAME_PATTERNS = MEDICATION_NAMES.map((entry) => ({
  class: entry.class,
  pattern: new RegExp(
    `(?<![a-z])${entry.name
      .toLowerCase()
      .split(/\s+/)
      .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\s-]+')}(?![a-z])`,
  ),
}));

/**
 * Every class whose generic or brand name appears in a medication as typed ("Eliquis 5mg", "warfarin +
 * aspirin"), in the order of MEDICATION_CLASSES. Empty when no name is known.
 */
export function medicationClassesIn(text: string): MedicationClass[] {
  const lowered = text.toLowerCase();
  const found = new Set(NAME_PATTERNS.filter((p) => p.pattern.test(lowered)).map((p) => p.class));
  return MEDICATION_CLASS_CODES.filter((code) => found.has(code));
}

/**
 * The class of a medication as typed, so "Eliquis 5mg" is an anticoagulant even when nobody picked the
 * class. When a text names drugs of several classes, the first in MEDICATION_CLASSES wins (the bleeding
 * risks come first). Undefined when no known name appears.
 */
export function classifyMedication(text: string): MedicationClass | undefined {
  return medicationClassesIn(text)[0];
}

export const DEVICES = [
  { code: 'pacemaker', label: 'Pacemaker' },
  { code: 'implanted_defibrillator', label: 'Implanted defibrillator (ICD)' },
  { code: 'insulin_pump', label: 'Insulin pump' },
  { code: 'joint_replacement', label: 'Joint replacement' },
  { code: 'breast_implants', label: 'Breast implants' },
  { code: 'spinal_hardware', label: 'Spinal hardware (rods, screws, fusion)' },
  { code: 'port_catheter', label: 'Port or central line (catheter)' },
  { code: 'other', label: 'Other implant or device' },
] as const;
export type DeviceCode = (typeof DEVICES)[number]['code'];
export const DEVICE_CODES: readonly DeviceCode[] = DEVICES.map((d) => d.code);

const DEVICE_LABELS = new Map<string, string>(DEVICES.map((d) => [d.code, d.label]));
export function deviceLabel(code: DeviceCode): string {
  return DEVICE_LABELS.get(code) ?? code;
}

export const PREGNANCY_STATUSES = ['not_pregnant', 'pregnant', 'not_applicable'] as const;
export type PregnancyStatus = (typeof PREGNANCY_STATUSES)[number];

export const ACTIVITY_LEVELS = [
  { code: 'sedentary', label: 'Sedentary' },
  { code: 'light', label: 'Lightly active' },
  { code: 'moderate', label: 'Moderately active' },
  { code: 'active', label: 'Active' },
  { code: 'athlete', label: 'Athlete' },
] as const;
export type ActivityLevel = (typeof ACTIVITY_LEVELS)[number]['code'];
export const ACTIVITY_LEVEL_CODES: readonly ActivityLevel[] = ACTIVITY_LEVELS.map((a) => a.code);

export type Complaint = { description: string; onsetDate?: IsoDate; region?: BodyRegionLabel };
export type ConditionEntry = {
  condition: ConditionCode;
  status: ConditionStatus;
  region?: BodyRegionLabel;
  note?: string;
};
export type MedicationEntry = {
  name: string;
  dose?: string;
  reason?: string;
  /** Picked by the therapist; screening also reads the class from the name (classifyMedication). */
  medicationClass?: MedicationClass;
};
export type SurgeryEntry = { procedure: string; date?: IsoDate; region?: BodyRegionLabel };
export type InjuryEntry = { description: string; date?: IsoDate; region?: BodyRegionLabel };
export type AllergyEntry = { substance: string; reaction?: string };
export type Pregnancy = { status: PregnancyStatus; weeks?: number; highRisk?: boolean };
export type DeviceEntry = { device: DeviceCode; region?: BodyRegionLabel };
/** Day-of-visit readings (fever, blood pressure). */
export type Vitals = { temperatureC?: number; systolic?: number; diastolic?: number };

export type HealthHistory = {
  complaints: Complaint[];
  conditions: ConditionEntry[];
  medications: MedicationEntry[];
  surgeries: SurgeryEntry[];
  injuries: InjuryEntry[];
  allergies: AllergyEntry[];
  pregnancy: Pregnancy;
  devices: DeviceEntry[];
  activityLevel?: ActivityLevel;
  goalsInClientsWords?: string;
  vitals?: Vitals;
};

/** A history with nothing reported, to start an intake from. */
export function emptyHealthHistory(): HealthHistory {
  return {
    complaints: [],
    conditions: [],
    medications: [],
    surgeries: [],
    injuries: [],
    allergies: [],
    pregnancy: { status: 'not_applicable' },
    devices: [],
  };
}
