/**
 * The weekly views, in the order a community worker meets them: tables over the analytics queries,
 * each saying which network and window it read and how long the computation took. Every view is a
 * query or two; the page adds nothing to the numbers, so what it shows is what the API answers.
 */
import { dependence, funnel, promotion } from './views/cultivation.ts';
import { claiming, matching, timebank } from './views/matching.ts';
import { active, brokers, mixing } from './views/network.ts';
import { publicness, reweaving } from './views/publicness.ts';
import type { View } from './views/common.ts';

export type { View, ViewContext, ViewKey } from './views/common.ts';

export const VIEWS: readonly View[] = [active, brokers, mixing, funnel, promotion, dependence, matching, claiming, timebank, publicness, reweaving];
