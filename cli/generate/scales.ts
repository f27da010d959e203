// How big each generated database is. The province scale is issue 6's deployment; city is
// a tenth of it (a city's 巡察 work), small is a handful of rounds for tests and demos.

export interface Scale {
  rounds: number;
  problems: number;
  measures: number;
  progressReports: number;
  units: number;
  users: number;
  /** Problems per round, as the reference reports have them (20–550). */
  problemsPerRound: { min: number; max: number };
}

export const SCALES = {
  province: {
    rounds: 300,
    problems: 60_000,
    measures: 150_000,
    progressReports: 1_500_000,
    units: 2_000,
    users: 5_000,
    problemsPerRound: { min: 20, max: 550 },
  },
  city: {
    rounds: 30,
    problems: 6_000,
    measures: 15_000,
    progressReports: 150_000,
    units: 200,
    users: 500,
    problemsPerRound: { min: 20, max: 550 },
  },
  small: {
    rounds: 4,
    problems: 100,
    measures: 250,
    progressReports: 1_500,
    units: 80,
    users: 150,
    problemsPerRound: { min: 20, max: 40 },
  },
} as const satisfies Record<string, Scale>;

export type ScaleName = keyof typeof SCALES;

export function isScaleName(value: string): value is ScaleName {
  return Object.hasOwn(SCALES, value);
}
