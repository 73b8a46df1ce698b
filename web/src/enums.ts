/**
 * Labels of the API's own enums that the shared vocabulary table does not hold (promotion features,
 * dependence criteria, publicness components …): the schema's enum descriptions, which are written
 * "English / 中文", so the page names each value exactly as the API documents it. They are built into
 * the page (web/vite.config.ts reads them from docs/schema.graphql), not read by introspection, which
 * production switches off.
 */
import { currentLang } from './i18n.ts';

declare const __API_ENUM_DESCRIPTIONS__: Record<string, Record<string, string>>;

export const API_ENUMS = ['PromotionFeature', 'DependenceCriterion', 'PublicnessComponent', 'PartnerExitReason'] as const;
export type ApiEnum = (typeof API_ENUMS)[number];

const words = new Map<string, { zh: string; en: string }>();

/** Splits "English / 中文" at its last " / " (the English part may hold a slash of its own). */
export function splitDescription(description: string): { zh: string; en: string } {
  const at = description.lastIndexOf(' / ');
  if (at < 0) return { zh: description, en: description };
  return { en: description.slice(0, at).trim(), zh: description.slice(at + 3).trim() };
}

export async function loadApiEnums(): Promise<void> {
  if (words.size > 0) return;
  for (const name of API_ENUMS) {
    for (const [value, description] of Object.entries(__API_ENUM_DESCRIPTIONS__[name] ?? {})) words.set(`${name}.${value}`, splitDescription(description));
  }
}

/** The API's label of an enum value in the current language; the raw value when it has none. */
export function apiTerm(name: ApiEnum, value: string): string {
  const found = words.get(`${name}.${value}`);
  return found ? found[currentLang()] : value;
}
