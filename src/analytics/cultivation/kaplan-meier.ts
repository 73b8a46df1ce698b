/**
 * Kaplan–Meier estimate of time in a stage (Kaplan & Meier 1958, "Nonparametric estimation from
 * incomplete observations", JASA 53: 457–481), with Greenwood's variance (Greenwood 1926, "The
 * natural duration of cancer", Reports on Public Health and Medical Subjects 33) and the median's
 * 95% interval.
 *
 * S(t) = Π_{tᵢ ≤ t} (1 − dᵢ/nᵢ) over the distinct event times tᵢ, with dᵢ events and nᵢ at risk
 * (durations ≥ tᵢ: a spell censored at tᵢ is still at risk then). Greenwood: Var(log S) ≈
 * Σ dᵢ / (nᵢ(nᵢ − dᵢ)) (a term with nᵢ = dᵢ counts 0, as lifelines does).
 *
 * The pointwise 95% interval of S(t) is the log-log ("exponential Greenwood") one of Kalbfleisch &
 * Prentice 1980: S^exp(∓z·σ/log S), σ² the Greenwood sum — it stays in [0, 1]. The median is the
 * first time where S ≤ 0.5; its interval is the set of times whose pointwise interval holds 0.5
 * (Brookmeyer & Crowley 1982, "A confidence interval for the median survival time", Biometrics 38:
 * 29–41, here with the log-log band): from the first time the lower band is ≤ 0.5 to the first
 * time the upper band is ≤ 0.5. This is what lifelines computes with
 * median_survival_times(KaplanMeierFitter().confidence_interval_). A bound that is never reached is
 * null, with the reason; never NaN.
 */
import { Z95 } from './wilson.ts';

export interface SurvivalSummary {
  spells: number;
  events: number;
  censored: number;
  /** Median duration (the unit of the input), null when S never reaches 0.5. */
  median: number | null;
  low: number | null;
  high: number | null;
  /** Why median, low or high is null (English / Chinese), else null. */
  reason: string | null;
}

export interface SurvivalStep {
  time: number;
  atRisk: number;
  events: number;
  survival: number;
  lower: number;
  upper: number;
}

/** The estimate at each distinct event time, in time order. */
export function kaplanMeierSteps(durations: ArrayLike<number>, events: ArrayLike<number>, z = Z95): SurvivalStep[] {
  const n = durations.length;
  if (events.length !== n) throw new Error('cultivation/kaplan-meier: durations and events differ in length');
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => durations[a]! - durations[b]!);
  for (const i of order) if (!(durations[i]! >= 0)) throw new Error(`cultivation/kaplan-meier: duration ${durations[i]} is not a number ≥ 0`);
  const steps: SurvivalStep[] = [];
  let atRisk = n;
  let s = 1;
  let greenwood = 0;
  for (let k = 0; k < n; ) {
    const t = durations[order[k]!]!;
    let d = 0;
    let leaving = 0;
    while (k < n && durations[order[k]!]! === t) {
      if (events[order[k]!]) d += 1;
      leaving += 1;
      k += 1;
    }
    if (d > 0) {
      s *= 1 - d / atRisk;
      if (atRisk > d) greenwood += d / (atRisk * (atRisk - d));
      const [lower, upper] = logLogBand(s, greenwood, z);
      steps.push({ time: t, atRisk, events: d, survival: s, lower, upper });
    }
    atRisk -= leaving;
  }
  return steps;
}

function logLogBand(s: number, greenwood: number, z: number): [number, number] {
  if (s <= 0) return [0, 0];
  if (s >= 1) return [1, 1];
  const v = Math.log(s);
  const spread = (z * Math.sqrt(greenwood)) / v;
  return [Math.exp(-Math.exp(Math.log(-v) - spread)), Math.exp(-Math.exp(Math.log(-v) + spread))];
}

const firstAtOrBelowHalf = (steps: readonly SurvivalStep[], value: (s: SurvivalStep) => number) => steps.find((s) => value(s) <= 0.5)?.time ?? null;

export function kaplanMeier(durations: ArrayLike<number>, events: ArrayLike<number>, z = Z95): SurvivalSummary {
  const steps = kaplanMeierSteps(durations, events, z);
  let eventCount = 0;
  for (let i = 0; i < events.length; i += 1) if (events[i]) eventCount += 1;
  const median = firstAtOrBelowHalf(steps, (s) => s.survival);
  const low = firstAtOrBelowHalf(steps, (s) => s.lower);
  const high = firstAtOrBelowHalf(steps, (s) => s.upper);
  let reason: string | null = null;
  if (durations.length === 0) reason = 'no spells began in the window / 窗口内没有开始的阶段';
  else if (median === null) reason = 'fewer than half moved up before the end of the window: the median is not reached / 不到一半在窗口结束前晋升，中位数未达到';
  else if (high === null) reason = 'the upper bound is not reached: too few moved up to close the interval / 晋升人数太少，区间上限未达到';
  return { spells: durations.length, events: eventCount, censored: durations.length - eventCount, median, low, high, reason };
}
