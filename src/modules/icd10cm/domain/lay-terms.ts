/**
 * Words clients and prescriptions use for conditions whose ICD-10-CM titles say it another way, so that a
 * search for "neck pain" finds M54.2 Cervicalgia. Each maps to words of the official title.
 * Sources: ICD-10-CM FY2026 tabular titles; ICD-10-CM Index to Diseases entries for the lay terms
 * ("Pain, neck — see Cervicalgia"; "Elbow, tennis — see Epicondylitis, lateral"; "Shoulder, frozen — see
 * Capsulitis, adhesive"; "Whiplash injury — see Sprain, spine, cervical").
 */
export const LAY_TERMS: Readonly<Record<string, string>> = {
  'neck pain': 'cervicalgia',
  'stiff neck': 'cervicalgia',
  'back pain': 'dorsalgia',
  'upper back pain': 'pain in thoracic spine',
  'mid back pain': 'pain in thoracic spine',
  'tennis elbow': 'lateral epicondylitis',
  "golfer's elbow": 'medial epicondylitis',
  'golfers elbow': 'medial epicondylitis',
  'frozen shoulder': 'adhesive capsulitis',
  whiplash: 'sprain ligaments cervical spine',
  'pinched nerve': 'radiculopathy',
  'muscle knot': 'myalgia',
  'muscle pain': 'myalgia',
  tmj: 'temporomandibular',
  'jaw pain': 'temporomandibular',
  'tension headache': 'tension-type headache',
};

/** Expands a search text with the official words for any lay term it contains. */
export function officialTermsFor(text: string): string | undefined {
  const lowered = text.toLowerCase().replace(/\s+/g, ' ').trim();
  const hits = Object.entries(LAY_TERMS)
    .filter(([lay]) => lowered === lay || lowered.includes(lay))
    .map(([, official]) => official);
  return hits.length > 0 ? hits[0] : undefined;
}

/** A PostgreSQL tsquery text that needs every word, each as a prefix: "neck pa" → "neck:* & pa:*". */
export function prefixTsquery(text: string): string | undefined {
  const words = text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
  return words.length > 0 ? words.map((word) => `${word}:*`).join(' & ') : undefined;
}
