/**
 * Gregorian dates (Beijing time) of the three lunisolar festivals the demo community celebrates:
 * Spring Festival (春节, 正月初一), Dragon Boat (端午, 五月初五) and Mid-Autumn (中秋, 八月十五), 2015–2040.
 * Computed by scripts/reference/festivals.py with two independent implementations of the Chinese
 * calendar (borax 4.1.3's LunarDate and lunar-python 1.4.8), which agree on every date; the rules are
 * those of GB/T 33661-2017 (农历的编算和颁行). A table rather than an algorithm: exact lunar months need
 * astronomical new moons, and a small checked table is easier to trust than a re-implementation.
 */

export type FestivalKey = 'spring' | 'dragonBoat' | 'midAutumn';

/** Month-day (MM-DD) of each festival, by year. */
const TABLE: Readonly<Record<number, Readonly<Record<FestivalKey, string>>>> = {
  2015: { spring: '02-19', dragonBoat: '06-20', midAutumn: '09-27' },
  2016: { spring: '02-08', dragonBoat: '06-09', midAutumn: '09-15' },
  2017: { spring: '01-28', dragonBoat: '05-30', midAutumn: '10-04' },
  2018: { spring: '02-16', dragonBoat: '06-18', midAutumn: '09-24' },
  2019: { spring: '02-05', dragonBoat: '06-07', midAutumn: '09-13' },
  2020: { spring: '01-25', dragonBoat: '06-25', midAutumn: '10-01' },
  2021: { spring: '02-12', dragonBoat: '06-14', midAutumn: '09-21' },
  2022: { spring: '02-01', dragonBoat: '06-03', midAutumn: '09-10' },
  2023: { spring: '01-22', dragonBoat: '06-22', midAutumn: '09-29' },
  2024: { spring: '02-10', dragonBoat: '06-10', midAutumn: '09-17' },
  2025: { spring: '01-29', dragonBoat: '05-31', midAutumn: '10-06' },
  2026: { spring: '02-17', dragonBoat: '06-19', midAutumn: '09-25' },
  2027: { spring: '02-06', dragonBoat: '06-09', midAutumn: '09-15' },
  2028: { spring: '01-26', dragonBoat: '05-28', midAutumn: '10-03' },
  2029: { spring: '02-13', dragonBoat: '06-16', midAutumn: '09-22' },
  2030: { spring: '02-03', dragonBoat: '06-05', midAutumn: '09-12' },
  2031: { spring: '01-23', dragonBoat: '06-24', midAutumn: '10-01' },
  2032: { spring: '02-11', dragonBoat: '06-12', midAutumn: '09-19' },
  2033: { spring: '01-31', dragonBoat: '06-01', midAutumn: '09-08' },
  2034: { spring: '02-19', dragonBoat: '06-20', midAutumn: '09-27' },
  2035: { spring: '02-08', dragonBoat: '06-10', midAutumn: '09-16' },
  2036: { spring: '01-28', dragonBoat: '05-30', midAutumn: '10-04' },
  2037: { spring: '02-15', dragonBoat: '06-18', midAutumn: '09-24' },
  2038: { spring: '02-04', dragonBoat: '06-07', midAutumn: '09-13' },
  2039: { spring: '01-24', dragonBoat: '05-27', midAutumn: '10-02' },
  2040: { spring: '02-12', dragonBoat: '06-14', midAutumn: '09-20' },
};

export const FESTIVAL_YEARS = { first: 2015, last: 2040 } as const;

/** The UTC midnight of a festival's date in `year`; throws outside the table's years. */
export function festivalDate(year: number, key: FestivalKey): Date {
  const row = TABLE[year];
  if (!row) throw new RangeError(`demo: festival dates are known for ${FESTIVAL_YEARS.first}–${FESTIVAL_YEARS.last} only (src/demo/festivals.ts), not ${year}`);
  const [month, day] = row[key].split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1, day));
}
