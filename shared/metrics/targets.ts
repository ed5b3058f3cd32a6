/**
 * Heltid target profiles and a unit's progress toward them (domain.md § 1 «Heltid», § 8.1).
 * The profile decides the heltid threshold: Asker counts 80–100 % as heltid, KS/SSB statistics
 * count ≥ 100 %.
 */
import type { SourceTag } from './assumptions';
import { averagePosition, heltidsandel } from './positions';

export type TargetMetric = 'heltidsandel' | 'averagePosition';

export const TARGET_METRIC_LABEL: Record<TargetMetric, string> = {
  heltidsandel: 'Heltidsandel',
  averagePosition: 'Gjennomsnittlig stillingsstørrelse',
};

export interface TargetProfile {
  id: string;
  /** Norwegian name for the UI. */
  name: string;
  heltidThreshold: number;
  /** Target values (fractions); a metric without a target is only reported. */
  targets: Partial<Record<TargetMetric, number>>;
  targetYear: number | null;
  /** Measured starting point. */
  baseline: { year: number; values: Partial<Record<TargetMetric, number>> } | null;
  /** Linear path from the baseline (at `from`) to the target (at `to`). */
  timeline: { from: number; to: number } | null;
  tag: SourceTag;
  source: string;
}

const PSU =
  'Asker kommune, Partssammensatt utvalg, sak 7/23 «Heltidskultur – status og tidslinje med måleindikatorer frem til 2030» (21.11.2023)';

export const TARGET_PROFILES: TargetProfile[] = [
  {
    id: 'asker-2030',
    name: 'Asker 2030 (hele kommunen)',
    heltidThreshold: 0.8,
    targets: { heltidsandel: 0.9, averagePosition: 0.9 },
    targetYear: 2030,
    baseline: null,
    timeline: null,
    tag: 'KONFIG',
    source: `${PSU}: heltid = 80–100 %, mål 90 % heltidsandel og 90 % gjennomsnittlig stilling i 2030`,
  },
  {
    id: 'asker-velferd',
    name: 'Asker Velferd (2020 → 2030)',
    heltidThreshold: 0.8,
    targets: { heltidsandel: 0.74, averagePosition: 0.9 },
    targetYear: 2030,
    baseline: { year: 2020, values: { heltidsandel: 0.555, averagePosition: 0.745 } },
    timeline: { from: 2024, to: 2030 },
    tag: 'KONFIG',
    source: `${PSU}: Velferd 2020 55,5 % heltid og 74,5 % gjennomsnitt, mål 74 % og 90 %; lineær tidslinje 2024–2030 [INFERENS]`,
  },
  {
    id: 'ks-statistikk',
    name: 'KS-statistikk (heltid = 100 %)',
    heltidThreshold: 1.0,
    targets: {},
    targetYear: null,
    baseline: { year: 2018, values: { heltidsandel: 0.242 } },
    timeline: null,
    tag: 'KONFIG',
    source: 'KS/SSB: heltid = sum stillinger ≥ 100 %; turnusansatte i helse og omsorg 24,2 % heltid i 2018 (KS PAI-statistikk, ks.no)',
  },
];

export function targetProfile(id: string): TargetProfile {
  const p = TARGET_PROFILES.find((x) => x.id === id);
  if (!p) throw new RangeError(`Ukjent målprofil «${id}» (kjente: ${TARGET_PROFILES.map((x) => x.id).join(', ')})`);
  return p;
}

/**
 * The milestone for a metric in a year: on a linear path from the baseline value at
 * `timeline.from` to the target at `timeline.to` (the baseline before, the target after).
 * Without a timeline or baseline, the target itself.
 */
export function milestone(profile: TargetProfile, metric: TargetMetric, year: number): number | null {
  const target = profile.targets[metric];
  if (target === undefined) return null;
  const base = profile.baseline?.values[metric];
  if (!profile.timeline || base === undefined) return target;
  const { from, to } = profile.timeline;
  if (year <= from) return base;
  if (year >= to) return target;
  return base + ((target - base) * (year - from)) / (to - from);
}

export interface MetricProgress {
  metric: TargetMetric;
  label: string;
  value: number;
  target: number | null;
  baseline: number | null;
  /** The profile's milestone for the year (null without a target). */
  milestone: number | null;
  /** target − value (positive: still short). */
  gap: number | null;
  /** (value − baseline) ÷ (target − baseline), or value ÷ target without a baseline. */
  progress: number | null;
  /** value ≥ milestone. */
  onTrack: boolean | null;
}

export interface TargetProgress {
  profile: TargetProfile;
  year: number;
  /** Which positions were measured. */
  basis: 'contracted' | 'resulting';
  metrics: MetricProgress[];
}

/** Progress of a set of positions (fractions) toward a profile, in a year. */
export function progressToward(
  positionValues: readonly number[],
  profile: TargetProfile,
  year: number,
  basis: 'contracted' | 'resulting' = 'resulting',
): TargetProgress {
  const values: Record<TargetMetric, number> = {
    heltidsandel: heltidsandel(positionValues, profile.heltidThreshold),
    averagePosition: averagePosition(positionValues),
  };
  const metrics = (['heltidsandel', 'averagePosition'] as const).map((metric): MetricProgress => {
    const value = values[metric];
    const target = profile.targets[metric] ?? null;
    const baseline = profile.baseline?.values[metric] ?? null;
    const ms = milestone(profile, metric, year);
    let progress: number | null = null;
    if (target !== null) {
      if (baseline !== null && target !== baseline) progress = (value - baseline) / (target - baseline);
      else if (target > 0) progress = value / target;
    }
    return {
      metric,
      label: TARGET_METRIC_LABEL[metric],
      value,
      target,
      baseline,
      milestone: ms,
      gap: target !== null ? target - value : null,
      progress,
      onTrack: ms !== null ? value >= ms - 1e-9 : null,
    };
  });
  return { profile, year, basis, metrics };
}
