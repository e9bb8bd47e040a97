// Made-up names and places from small syllable lists: no real person, town or facility is
// drawn from any list of real ones. The test checks every generated person name against these.

export const NAME_SYLLABLES = {
  start: ['Ael', 'Bre', 'Cor', 'Dav', 'Eli', 'Fen', 'Gal', 'Hal', 'Iv', 'Jor', 'Kel', 'Lor', 'Mav', 'Nel', 'Or', 'Pel', 'Quin', 'Ral', 'Sel', 'Tam', 'Ul', 'Vel', 'Wen', 'Xan', 'Yor', 'Zel'],
  middle: ['a', 'e', 'i', 'o', 'an', 'el', 'in', 'or', 'ri', 'va'],
  end: ['bek', 'dra', 'lin', 'mor', 'nys', 'ric', 'sa', 'ton', 'vyn', 'wen', 'zar', 'thy', 'dor', 'ra', 'lo'],
};

/** A person's given or family name: start, then an optional middle, then an end syllable. */
export function makeName(random) {
  const middle = random.chance(0.6) ? random.pick(NAME_SYLLABLES.middle) : '';
  return random.pick(NAME_SYLLABLES.start) + middle + random.pick(NAME_SYLLABLES.end);
}

/** True when `word` is start + optional middle + end, as makeName builds them. */
export function isSyllableName(word) {
  const alt = (list) => `(?:${list.join('|')})`;
  const pattern = new RegExp(`^${alt(NAME_SYLLABLES.start)}${alt(NAME_SYLLABLES.middle)}?${alt(NAME_SYLLABLES.end)}$`);
  return pattern.test(word);
}

const FACILITY_FORMS = [
  '{town} General Hospital',
  '{town} Regional Medical Center',
  '{town} Community Hospital',
  '{town} Valley Health Center',
  '{town} Family Clinic',
  '{town} Ambulatory Surgery Center',
];
const PAYER_FORMS = ['{town} Mutual Health Plan', '{town} Care Alliance', 'State Medical Assistance ({town})', 'Senior Benefit Plan of {town}', '{town} Workers Health Trust'];
const STREETS = ['Orchard', 'Lantern', 'Meadowlark', 'Quarry', 'Willowbend', 'Foundry', 'Juniper', 'Harbor', 'Tannery', 'Copperleaf'];
const STREET_KINDS = ['Street', 'Avenue', 'Road', 'Lane', 'Way', 'Court'];

export const makeTown = (random) => makeName(random) + random.pick(['ville', ' Falls', ' Crossing', ' Springs', ' Hollow', 'by']);
export const facilityName = (random, town) => random.pick(FACILITY_FORMS).replace('{town}', town);
export const payerName = (random, town) => random.pick(PAYER_FORMS).replace('{town}', town);

/** A made-up address; ZIP codes 000xx and 555-01xx phone numbers are not assigned to anyone. */
export function makeAddress(random, town) {
  return {
    line: [`${random.between(10, 9899)} ${random.pick(STREETS)} ${random.pick(STREET_KINDS)}`],
    city: town,
    postalCode: `000${random.digits(2)}`,
    country: 'US',
  };
}

export const makePhone = (random) => `555-01${random.digits(2)}`;
