/**
 * The contraindication screening table, as data: each rule names what in a health history triggers it,
 * how serious it is, what to do, and where that comes from. Source: reference "Clinical & learning domain
 * facts", section C (contraindications as rule data, gentle-treatment populations) and its source list.
 * Guidance is written in our own words. Sources the reference marks ⚠ (secondary or unverified) are
 * flagged `weak`, and so is every rule that rests on one: confirm those before relying on them.
 *
 * Adding a rule: add it here, then add a history that triggers it to the table in screening.test.ts
 * (the test fails until you do).
 */
import type { ConditionCode, DeviceCode, MedicationClass } from './health-history.js';

/** Palpa's severities, most serious first (reference codes A, B, C, D). */
export const SEVERITY_ORDER = ['postpone_refer', 'local_avoid', 'modify', 'gentle'] as const;
export type Severity = (typeof SEVERITY_ORDER)[number];

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  postpone_refer: 'Postpone / refer',
  local_avoid: 'Avoid local area',
  modify: 'Modify treatment',
  gentle: 'Gentle treatment',
};

export const MODALITIES = [
  { code: 'deep_tissue', label: 'Deep tissue / deep pressure' },
  { code: 'cupping', label: 'Cupping' },
  { code: 'heat', label: 'Heat packs / heat therapy' },
  { code: 'cold', label: 'Ice / cold therapy' },
  { code: 'mld', label: 'Manual lymph drainage' },
  { code: 'hot_stone', label: 'Hot stones' },
  { code: 'prone_position', label: 'Lying face down (prone)' },
  { code: 'supine_prolonged', label: 'Lying face up (supine) for long' },
] as const;
export type Modality = (typeof MODALITIES)[number]['code'];
export const MODALITY_CODES: readonly Modality[] = MODALITIES.map((m) => m.code);

export const VITALS = ['temperatureC', 'systolic', 'diastolic'] as const;
export type VitalName = (typeof VITALS)[number];

/** A reference from the source list; `ref` is its number there. */
export type RuleSource = { ref: number; title: string; url?: string; weak?: boolean };

export type ScreeningTrigger =
  /** A condition in the history; past conditions count only when `status` is 'any' (default 'current'). */
  | { kind: 'condition'; conditions: readonly ConditionCode[]; status?: 'current' | 'any' }
  /** A medication of the class, picked or recognised from its name. */
  | { kind: 'medication_class'; classes: readonly MedicationClass[] }
  /** Pregnant; with `highRisk: true`, only a pregnancy marked high risk. */
  | { kind: 'pregnancy'; highRisk?: boolean }
  /** A dated surgery at most `withinDays` days before the visit. */
  | { kind: 'recent_surgery'; withinDays: number }
  | { kind: 'device'; devices: readonly DeviceCode[] }
  /** A day-of-visit reading at or above `atLeast`. */
  | { kind: 'vital'; vital: VitalName; atLeast: number };

export type ScreeningRule = {
  id: string;
  trigger: ScreeningTrigger;
  severity: Severity;
  title: string;
  guidance: string;
  modalitiesToAvoid?: readonly Modality[];
  /** The alert names the region written on the intake entry that triggered it. */
  local: boolean;
  source: RuleSource;
  otherSources?: readonly RuleSource[];
  /** Rests on a source the reference marks ⚠, or on practice convention: confirm before relying on it. */
  weak?: boolean;
};

/** The reference's sources used by the rules, by their number in its source list. */
export const SCREENING_SOURCES = {
  41: {
    ref: 41,
    title:
      'Side Effects and Risks — NCCAM/NCCIH massage therapy text (mirror of nccam.nih.gov/health/massage)',
    url: 'https://excitingspas.com/side-effects.html',
  },
  42: {
    ref: 42,
    title: 'All about massage: is massage for you? (quotes Mayo Clinic guidance)',
    url: 'http://ambersherbet.com/all-about-massage/is-massage-for-you.html',
  },
  43: {
    ref: 43,
    title: 'When MLD is not appropriate (MacLymph, manual lymphatic drainage)',
    url: 'https://www.maclymph.com/about-manual-lymphatic-drainage/when-mld-is-not-appropriate/',
  },
  44: {
    ref: 44,
    title: 'Know when to say no to massage (Ascension SelfCare)',
    url: 'https://ascensionselfcare.com/know-when-to-say-no-to-massage/',
    weak: true,
  },
  45: {
    ref: 45,
    title: 'NCCIH massage therapy text (mirror on massage.megatopx.com)',
    url: 'https://massage.megatopx.com/article002_pg2.html',
  },
  46: {
    ref: 46,
    title: 'Cupping therapy (Pullano Physical Therapy)',
    url: 'https://pullanopt.com/services/cupping/',
  },
  47: {
    ref: 47,
    title:
      'Massage in cancer pain treatment (Michigan State University Cancer Pain "Treatment Forest", T340)',
    url: 'http://commtechlab.msu.edu/sites/cancerpain/TreatmentForest/T340.html',
  },
  48: {
    ref: 48,
    title: 'Client education series: diabetic neuropathy and massage (Joyful Rising Spa, 2024)',
    url: 'https://joyfulrisingspa.com/2024/06/05/client-education-series-diabetic-neuropathy-and-massage',
  },
  49: {
    ref: 49,
    title: "Why can't you massage someone with diabetes? (Science Insights)",
    url: 'https://scienceinsights.org/why-cant-you-massage-someone-with-diabetes',
    weak: true,
  },
  50: {
    ref: 50,
    title: 'ABMP magazine article 2675 (massage and diabetes)',
    url: 'https://abmp.com/textonlymags/article.php?article=2675',
  },
  51: {
    ref: 51,
    title: 'What positions are safe for massage (in pregnancy)? (Nyx Collection)',
    url: 'https://nyxcollection.com/blogs/news/what-positions-are-safe-for-massage',
    weak: true,
  },
  52: {
    ref: 52,
    title: 'Review of randomised controlled trials of massage in pregnancy (PMC8396946)',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC8396946',
  },
  53: {
    ref: 53,
    title: 'Pregnancy massage (Firm Relieve Massage)',
    url: 'https://firmrelievemassage.com.au/product-page/pregnancy-massage',
    weak: true,
  },
  54: {
    ref: 54,
    title: 'Gentle pressure in oncology massage (MASSAGE Magazine)',
    url: 'https://www.massagemag.com/gentle-pressure-oncology-massage-28781/',
  },
  55: { ref: 55, title: 'Cupping cautions (Cup and Release)', url: 'https://cupandrelease.com/caution/' },
  56: {
    ref: 56,
    title: 'MLD contraindications (LTS Therapy)',
    url: 'https://ltstherapy.com/blog/tag/mld-contraindications',
  },
  57: {
    ref: 57,
    title: 'Massage contraindications (yonibone.com)',
    url: 'http://www.yonibone.com/articles_Contradictions.asp',
    weak: true,
  },
  58: {
    ref: 58,
    title: 'Pressure in oncology massage: the Walton pressure scale (Nordic House Spa)',
    url: 'https://www.nordichousespa.com/post/pressure-in-oncology-massage',
  },
  59: {
    ref: 59,
    title: 'Contraindications for therapeutic cold treatment (cryotherapy) (Medical Algorithms)',
    url: 'https://www.medicalalgorithms.com/contraindications-for-therapeutic-cold-treatment-cryotherapy',
  },
  60: {
    ref: 60,
    title: 'Cryotherapy (cold therapy) (Clinical Gate)',
    url: 'https://clinicalgate.com/cryotherapy-cold-therapy',
  },
  61: { ref: 61, title: 'TempTherapy heat therapy product page, contraindications (DeRoyal, deroyal.com)' },
  63: {
    ref: 63,
    title: 'ABMP magazine article 2546 (massage and fibromyalgia)',
    url: 'https://www.abmp.com/textonlymags/article.php?article=2546',
  },
  64: {
    ref: 64,
    title:
      'IJTMB article 433: Emory / American Society of Massage partnership on massage for generalized anxiety disorder (MGAD)',
  },
  65: {
    ref: 65,
    title: 'Multiple sclerosis massage (Massage Therapy Mastery)',
    url: 'https://massagetherapymastery.com/multiple-sclerosis-massage',
    weak: true,
  },
  66: {
    ref: 66,
    title: 'IJTMB article 327: Backus et al., pilot of massage for people with multiple sclerosis',
  },
} as const satisfies Readonly<Record<number, RuleSource>>;

const S = SCREENING_SOURCES;

const RULES = [
  // ── A: postpone the session / refer ────────────────────────────────────────────────────────────────
  {
    id: 'dvt_thrombophlebitis',
    trigger: { kind: 'condition', conditions: ['dvt', 'thrombophlebitis'] },
    severity: 'postpone_refer',
    title: 'Blood clot or inflamed vein',
    guidance:
      'No massage while a clot or vein inflammation is present or suspected: refer the client to their provider. ' +
      'Never work on the affected limb. Manual lymph drainage is ruled out too.',
    modalitiesToAvoid: ['mld', 'deep_tissue', 'cupping'],
    local: true,
    source: S[41],
    otherSources: [S[42], S[43]],
  },
  {
    id: 'fever',
    trigger: { kind: 'condition', conditions: ['fever'] },
    severity: 'postpone_refer',
    title: 'Fever',
    guidance: 'Postpone the session until the fever has passed.',
    local: false,
    source: S[41],
  },
  {
    // 38 °C is the usual clinical definition of fever; the threshold is ours, the rule is [41]'s.
    id: 'fever_measured',
    trigger: { kind: 'vital', vital: 'temperatureC', atLeast: 38 },
    severity: 'postpone_refer',
    title: 'Fever measured today',
    guidance: 'A temperature of 38 °C or more today: postpone the session until the fever has passed.',
    local: false,
    source: S[41],
  },
  {
    id: 'acute_infection',
    trigger: { kind: 'condition', conditions: ['acute_infection'] },
    severity: 'postpone_refer',
    title: 'Acute infection or contagious illness',
    guidance:
      'Postpone until the infection has cleared. Manual lymph drainage is not used during an acute ' +
      'bacterial or viral inflammation.',
    modalitiesToAvoid: ['mld'],
    local: false,
    source: S[44],
    otherSources: [S[43]],
    weak: true,
  },
  {
    id: 'uncontrolled_hypertension',
    trigger: { kind: 'condition', conditions: ['uncontrolled_hypertension'] },
    severity: 'postpone_refer',
    title: 'Severe or uncontrolled high blood pressure',
    guidance:
      'Postpone and ask the client to see their provider; treat once the blood pressure is under control.',
    local: false,
    source: S[44],
    weak: true,
  },
  {
    // 180/120 mmHg is the usual "severe hypertension" line; the threshold is ours, the rule is [44]'s.
    id: 'blood_pressure_systolic_high',
    trigger: { kind: 'vital', vital: 'systolic', atLeast: 180 },
    severity: 'postpone_refer',
    title: 'Very high blood pressure today',
    guidance:
      'A systolic reading of 180 mmHg or more today: postpone and ask the client to contact their provider.',
    local: false,
    source: S[44],
    weak: true,
  },
  {
    id: 'blood_pressure_diastolic_high',
    trigger: { kind: 'vital', vital: 'diastolic', atLeast: 120 },
    severity: 'postpone_refer',
    title: 'Very high blood pressure today',
    guidance:
      'A diastolic reading of 120 mmHg or more today: postpone and ask the client to contact their provider.',
    local: false,
    source: S[44],
    weak: true,
  },
  {
    id: 'unexplained_pain',
    trigger: { kind: 'condition', conditions: ['unexplained_pain'] },
    severity: 'postpone_refer',
    title: 'Unexplained pain or acute condition',
    guidance: 'Refer the client to a provider to find the cause before treating.',
    local: true,
    source: S[42],
    otherSources: [S[44]],
    weak: true,
  },
  {
    // Reference: "severe thrombocytopenia A/C" and "low platelets C". The intake does not record how low,
    // so the rule takes the stricter reading: clearance first (the acknowledgement records it).
    id: 'thrombocytopenia',
    trigger: { kind: 'condition', conditions: ['thrombocytopenia'] },
    severity: 'postpone_refer',
    title: 'Low platelet count',
    guidance:
      "Get clearance from the client's provider first. Once cleared, light pressure only: no deep tissue " +
      'work and no cupping.',
    modalitiesToAvoid: ['deep_tissue', 'cupping'],
    local: false,
    source: S[42],
    otherSources: [S[41]],
  },
  {
    id: 'high_risk_pregnancy',
    trigger: { kind: 'pregnancy', highRisk: true },
    severity: 'postpone_refer',
    title: 'High-risk pregnancy',
    guidance:
      'Get medical clearance before any massage (e.g. pre-eclampsia, pregnancy-induced high blood pressure, ' +
      'earlier preterm labour, bleeding).',
    local: false,
    source: S[53],
    weak: true,
  },

  // ── B: avoid a local area ──────────────────────────────────────────────────────────────────────────
  {
    id: 'fracture_recent',
    trigger: { kind: 'condition', conditions: ['fracture_recent'] },
    severity: 'local_avoid',
    title: 'Recent fracture',
    guidance: 'Keep off the fracture site until the bone has healed.',
    local: true,
    source: S[41],
    otherSources: [S[42]],
  },
  {
    id: 'open_wound_burn',
    trigger: { kind: 'condition', conditions: ['open_wound', 'burn'] },
    severity: 'local_avoid',
    title: 'Open or healing wound or burn',
    guidance: 'Do not work on the wound or burn until it has healed.',
    local: true,
    source: S[41],
    otherSources: [S[42]],
  },
  {
    id: 'recent_surgery',
    trigger: { kind: 'recent_surgery', withinDays: 42 },
    severity: 'local_avoid',
    title: 'Recent surgery',
    guidance: 'No deep pressure over the surgical site for at least six weeks after the operation.',
    modalitiesToAvoid: ['deep_tissue'],
    local: true,
    source: S[47],
    otherSources: [S[44]],
    weak: true,
  },
  {
    // Radiation changes to tissue last, so a past treatment still counts.
    id: 'radiation_area',
    trigger: { kind: 'condition', conditions: ['radiation_area'], status: 'any' },
    severity: 'local_avoid',
    title: 'Radiation-treated area',
    guidance: 'Avoid the treated area, or use gentle touch only there.',
    modalitiesToAvoid: ['deep_tissue'],
    local: true,
    source: S[41],
    otherSources: [S[47]],
  },
  {
    id: 'varicose_veins',
    trigger: { kind: 'condition', conditions: ['varicose_veins'] },
    severity: 'local_avoid',
    title: 'Varicose veins',
    guidance: 'No pressure directly over the veins, and no cupping there.',
    modalitiesToAvoid: ['deep_tissue', 'cupping'],
    local: true,
    source: S[46],
    otherSources: [S[44]],
    weak: true,
  },
  {
    id: 'skin_infection_local',
    trigger: { kind: 'condition', conditions: ['skin_infection_local'] },
    severity: 'local_avoid',
    title: 'Local skin infection',
    guidance: 'Stay off the infected area until it has cleared.',
    local: true,
    source: S[57],
    weak: true,
  },
  {
    id: 'inflammatory_flare',
    trigger: { kind: 'condition', conditions: ['rheumatoid_flare'] },
    severity: 'local_avoid',
    title: 'Acute inflammatory flare',
    guidance: 'Avoid the inflamed joints or area while the flare lasts.',
    local: true,
    source: S[44],
    weak: true,
  },
  {
    id: 'aneurysm',
    trigger: { kind: 'condition', conditions: ['aneurysm'] },
    severity: 'local_avoid',
    title: 'Aneurysm',
    guidance: 'Avoid the area of the aneurysm.',
    local: true,
    source: S[44],
    weak: true,
  },
  {
    // Reference row "tumour / active cancer" says to avoid bone-metastasis sites: an area to avoid (B).
    id: 'bone_metastasis',
    trigger: { kind: 'condition', conditions: ['bone_metastasis'] },
    severity: 'local_avoid',
    title: 'Cancer in bone',
    guidance: 'Avoid the sites where cancer has spread to bone; no deep pressure over any weakened bone.',
    modalitiesToAvoid: ['deep_tissue'],
    local: true,
    source: S[47],
    otherSources: [S[41]],
  },
  {
    id: 'insulin_pump_site',
    trigger: { kind: 'device', devices: ['insulin_pump'] },
    severity: 'local_avoid',
    title: 'Insulin pump site',
    guidance: "Keep off the pump's infusion site.",
    local: true,
    source: S[50],
    otherSources: [S[49]],
    weak: true,
  },

  // ── C: modify pressure, position or modality ───────────────────────────────────────────────────────
  {
    id: 'bleeding_disorder',
    trigger: { kind: 'condition', conditions: ['bleeding_disorder'] },
    severity: 'modify',
    title: 'Bleeding disorder',
    guidance: 'No forceful or deep tissue massage and no cupping.',
    modalitiesToAvoid: ['deep_tissue', 'cupping'],
    local: false,
    source: S[41],
    otherSources: [S[45], S[46]],
  },
  {
    id: 'blood_thinning_medication',
    trigger: { kind: 'medication_class', classes: ['anticoagulant', 'antiplatelet'] },
    severity: 'modify',
    title: 'Blood-thinning medication',
    guidance: 'The client bruises and bleeds more easily: no forceful or deep tissue massage and no cupping.',
    modalitiesToAvoid: ['deep_tissue', 'cupping'],
    local: false,
    source: S[41],
    otherSources: [S[46]],
  },
  {
    id: 'weakened_bone',
    trigger: { kind: 'condition', conditions: ['osteoporosis'] },
    severity: 'modify',
    title: 'Weakened bone (osteoporosis)',
    guidance: 'No deep pressure over weakened bone.',
    modalitiesToAvoid: ['deep_tissue'],
    local: true,
    source: S[41],
    otherSources: [S[42], S[47]],
  },
  {
    id: 'cancer_active',
    trigger: { kind: 'condition', conditions: ['cancer_active'] },
    severity: 'modify',
    title: 'Active cancer',
    guidance:
      "No deep or intense pressure over a tumour unless the client's provider approves, and keep off " +
      'sites where it has spread to bone. No manual lymph drainage if the cancer has spread or is systemic.',
    modalitiesToAvoid: ['deep_tissue'],
    local: true,
    source: S[47],
    otherSources: [S[45], S[43]],
  },
  {
    // Reference: B/C. The guidance is about pressure and modality, so it is a modification (C).
    id: 'neuropathy',
    trigger: { kind: 'condition', conditions: ['neuropathy'] },
    severity: 'modify',
    title: 'Reduced sensation (neuropathy)',
    guidance:
      'The client may not feel when pressure or heat is too much: light to moderate pressure over the area, ' +
      'no deep tissue work and no hot stones.',
    modalitiesToAvoid: ['deep_tissue', 'hot_stone'],
    local: true,
    source: S[41],
    otherSources: [S[48]],
  },
  {
    id: 'insulin_medication',
    trigger: { kind: 'medication_class', classes: ['insulin'] },
    severity: 'modify',
    title: 'Insulin',
    guidance:
      "Keep off recent injection sites, plan the session for the middle of the client's insulin cycle, and " +
      'treat the skin as possibly fragile.',
    local: false,
    source: S[50],
    otherSources: [S[49]],
    weak: true,
  },
  {
    id: 'pregnancy',
    trigger: { kind: 'pregnancy' },
    severity: 'modify',
    title: 'Pregnancy',
    guidance:
      'Ask the client to check with their provider. Use side-lying positions; after the first trimester ' +
      'avoid long periods lying face up (the womb can press on the vena cava). Keep in mind the raised ' +
      'risk of blood clots. No heat on the abdomen.',
    modalitiesToAvoid: ['supine_prolonged', 'heat', 'hot_stone'],
    local: false,
    source: S[41],
    otherSources: [S[51], S[52], S[61]],
    weak: true,
  },
  {
    // Reference: C/D. Two rules: this one (C, lifelong, also after node removal) restricts pressure and
    // cupping in the area; `lymphedema_gentle` (D) marks the client as a gentle-treatment population.
    id: 'lymphedema_at_risk',
    trigger: { kind: 'condition', conditions: ['lymphedema', 'lymph_node_removal'], status: 'any' },
    severity: 'modify',
    title: 'Lymphedema or at-risk area',
    guidance:
      'For life: gentle pressure only in the affected or at-risk quadrant, and no cupping there. Manual ' +
      'lymph drainage is appropriate.',
    modalitiesToAvoid: ['deep_tissue', 'cupping'],
    local: true,
    source: S[54],
    otherSources: [S[55]],
  },
  {
    id: 'heart_failure',
    trigger: { kind: 'condition', conditions: ['heart_failure'] },
    severity: 'modify',
    title: 'Heart failure',
    guidance:
      "Ask the client to check with their provider first. No manual lymph drainage unless it's under control.",
    modalitiesToAvoid: ['mld'],
    local: false,
    source: S[41],
    otherSources: [S[56]],
  },
  {
    id: 'renal_insufficiency',
    trigger: { kind: 'condition', conditions: ['renal_insufficiency'] },
    severity: 'modify',
    title: 'Kidney disease',
    guidance: 'Avoid manual lymph drainage, or use it only with great care.',
    modalitiesToAvoid: ['mld'],
    local: false,
    source: S[56],
  },
  {
    id: 'provider_consult',
    trigger: {
      kind: 'condition',
      conditions: ['fragile_skin', 'diabetes', 'dermatomyositis', 'heart_disease'],
    },
    severity: 'modify',
    title: 'Check with the provider first',
    guidance:
      'Fragile skin, diabetes, dermatomyositis or a heart problem: ask the client to check with their ' +
      'provider before massage, and adapt pressure to the skin and the condition.',
    local: true,
    source: S[41],
  },
  {
    // An implanted heart device means a heart problem, which [41] lists as "consult your provider".
    id: 'cardiac_device',
    trigger: { kind: 'device', devices: ['pacemaker', 'implanted_defibrillator'] },
    severity: 'modify',
    title: 'Implanted heart device',
    guidance: 'A heart problem: ask the client to check with their provider before massage.',
    local: true,
    source: S[41],
  },
  {
    id: 'oncology_pressure_zero',
    trigger: { kind: 'condition', conditions: ['neutropenia', 'thrombosis_risk'] },
    severity: 'modify',
    title: 'Neutropenia or raised clot risk',
    guidance: 'Walton pressure level 0 only: a still, weightless hold, no moving strokes.',
    modalitiesToAvoid: ['deep_tissue', 'cupping'],
    local: false,
    source: S[58],
  },
  {
    // Reference severity "A (local modality)": the modality is ruled out, the session is not.
    id: 'cold_contraindicated',
    trigger: {
      kind: 'condition',
      conditions: [
        'raynauds',
        'cold_urticaria',
        'cryoglobulinemia',
        'cold_hemoglobinuria',
        'circulatory_insufficiency',
        'neuropathy',
        'cardiopulmonary_disease_severe',
      ],
    },
    severity: 'modify',
    title: 'No cold therapy',
    guidance:
      "No ice packs or other cold applications (never with Raynaud's). Where cold is allowed for other " +
      'clients, it is limited to 15–20 minutes.',
    modalitiesToAvoid: ['cold'],
    local: true,
    source: S[59],
    otherSources: [S[60]],
  },
  {
    id: 'heat_contraindicated',
    trigger: {
      kind: 'condition',
      conditions: [
        'neuropathy',
        'circulatory_insufficiency',
        'arteriosclerosis',
        'cancer_active',
        'skin_infection_local',
        'rheumatoid_flare',
        'lymphedema',
      ],
    },
    severity: 'modify',
    title: 'No heat therapy',
    guidance:
      'No heat packs or hot stones over the area: reduced sensation or circulation, a tumour, or local ' +
      'infection, swelling or inflammation.',
    modalitiesToAvoid: ['heat', 'hot_stone'],
    local: true,
    source: S[61],
  },
  {
    // [61] rules out heat for a sedated client; these classes can sedate. The inference is ours.
    id: 'heat_sedating_medication',
    trigger: { kind: 'medication_class', classes: ['opioid_analgesic', 'muscle_relaxant'] },
    severity: 'modify',
    title: 'Sedating medication: no heat',
    guidance:
      'This medication can make the client drowsy and less able to say when heat is too much: no heat ' +
      'packs or hot stones if they are sedated today.',
    modalitiesToAvoid: ['heat', 'hot_stone'],
    local: false,
    source: S[61],
  },

  // ── D: gentle-treatment populations ────────────────────────────────────────────────────────────────
  {
    id: 'lymphedema_gentle',
    trigger: { kind: 'condition', conditions: ['lymphedema'] },
    severity: 'gentle',
    title: 'Gentle treatment: lymphedema',
    guidance:
      'Default to light pressure, with MLD-style light touch in the affected quadrant; check in about ' +
      'pressure often.',
    local: true,
    source: S[54],
    otherSources: [S[55]],
  },
  {
    id: 'fibromyalgia',
    trigger: { kind: 'condition', conditions: ['fibromyalgia'] },
    severity: 'gentle',
    title: 'Gentle treatment: fibromyalgia',
    guidance:
      "Fit pressure and length to how the client is on the day; put safety, stress relief and the client's " +
      'choices ahead of trying to "fix" tender areas.',
    local: false,
    source: S[63],
  },
  {
    id: 'ptsd',
    trigger: { kind: 'condition', conditions: ['ptsd'] },
    severity: 'gentle',
    title: 'Gentle treatment: trauma history',
    guidance:
      'Ask the client to check with their provider before massage. Work trauma-informed: explain each step, ' +
      'ask before touching a new area, and make it easy to pause or stop.',
    local: false,
    source: S[41],
    // NCCIH only says "consult your provider"; the trauma-informed part is practice convention (⚠).
    weak: true,
  },
  {
    id: 'anxiety_disorder',
    trigger: { kind: 'condition', conditions: ['anxiety_disorder'] },
    severity: 'gentle',
    title: 'Gentle treatment: anxiety disorder',
    guidance:
      'Start gently and check in about comfort. Massage has been studied as a support for generalized ' +
      'anxiety disorder.',
    local: false,
    source: S[45],
    otherSources: [S[64]],
  },
  {
    id: 'osteoarthritis_severe',
    trigger: { kind: 'condition', conditions: ['osteoarthritis_severe'] },
    severity: 'gentle',
    title: 'Gentle treatment: severe osteoarthritis',
    guidance:
      'Swedish-style work (studied over eight weeks for knee osteoarthritis); no deep pressure on a joint ' +
      'that is flaring.',
    modalitiesToAvoid: ['deep_tissue'],
    local: true,
    source: S[45],
    otherSources: [S[44]],
    weak: true,
  },
  {
    id: 'multiple_sclerosis',
    trigger: { kind: 'condition', conditions: ['multiple_sclerosis'] },
    severity: 'gentle',
    title: 'Gentle treatment: multiple sclerosis',
    guidance:
      'Not during a relapse or a fever. No deep pressure where sensation is altered or the skin is fragile ' +
      "from steroids; no heat or cold; don't over-relax spastic muscles the client relies on. A pilot found " +
      'six weekly sessions safe.',
    modalitiesToAvoid: ['deep_tissue', 'heat', 'cold', 'hot_stone'],
    local: false,
    source: S[66],
    otherSources: [S[65]],
    weak: true,
  },
] as const satisfies readonly ScreeningRule[];

export type ScreeningRuleId = (typeof RULES)[number]['id'];

/** The rule table, in the order above (most serious first). */
export const SCREENING_RULES: readonly (ScreeningRule & { id: ScreeningRuleId })[] = RULES;
