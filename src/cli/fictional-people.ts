/** Fictional names and streets for the demo clinic and the benchmark; any likeness to real people is chance. */
export const GIVEN_NAMES = [
  'Ana',
  'Margaret',
  'Jonathan',
  'Siobhan',
  'Wei',
  'Priya',
  'Mateo',
  'Olivia',
  'Kwame',
  'Hannah',
  'Diego',
  'Fatima',
  'Liam',
  'Yuki',
  'Grace',
  'Samuel',
  'Amara',
  'Noah',
  'Chloe',
  'Rafael',
  'Ingrid',
  'Tomasz',
  'Leila',
  'Marcus',
  'Aisha',
  'Elena',
  'Kenji',
  'Beatriz',
  'Owen',
  'Zara',
  'Isaac',
  'Nadia',
  'Caleb',
  'Freya',
  'Hugo',
  'Mei',
  'Daniel',
  'Rosa',
  'Arjun',
  'Claire',
] as const;

export const FAMILY_NAMES = [
  'Silva',
  'Okafor',
  'Reyes',
  "O'Connell",
  'Zhang',
  'Patel',
  'Fernandez',
  'Nguyen',
  'Mensah',
  'Schmidt',
  'Morales',
  'Haddad',
  'Murphy',
  'Tanaka',
  'Kowalski',
  'Johnson',
  'Adeyemi',
  'Larsen',
  'Dubois',
  'Costa',
  'Novak',
  'Rahman',
  'Walker',
  'Ibrahim',
  'Petrova',
  'Sato',
  'Oliveira',
  'Brennan',
  'Kaur',
  'Jensen',
  'Moreau',
  'Castillo',
  'Hughes',
  'Yilmaz',
  'Lindqvist',
  'Chen',
  'Abara',
  'Romero',
  'Fischer',
  'Byrne',
] as const;

export const STREETS = [
  'Elm St',
  'Harbor Rd',
  'Maple Ave',
  'Willow Ln',
  'Cedar Ct',
  'River Dr',
  'Oak Blvd',
  'Pine St',
] as const;

/** mulberry32: a tiny seeded generator, so the demo clinic is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}
