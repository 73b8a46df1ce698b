import { describe, expect, it } from 'vitest';
import { buildSchema, type GraphQLEnumType } from 'graphql';
import {
  ANALYTICS_VOCABULARIES, analyticsLabel, analyticsTerm, analyticsTermsOf, analyticsValue, analyticsValuesOf,
  type AnalyticsTerm, type AnalyticsVocabularyName,
} from '../../../src/domain/vocabulary.ts';
import { typeDefs } from '../../../src/schema/sdl.ts';

const names = Object.keys(ANALYTICS_VOCABULARIES) as AnalyticsVocabularyName[];
const CHINESE = /[\u3400-\u9fff]/;

describe('ANALYTICS_VOCABULARIES', () => {
  it.each(names)('%s: every term has an English and a Chinese label and its own value', (name) => {
    const terms = Object.entries(ANALYTICS_VOCABULARIES[name].terms as Record<string, AnalyticsTerm>);
    expect(terms.length).toBeGreaterThan(1);
    for (const [term, t] of terms) {
      expect(term).toMatch(/^[A-Z][A-Z_]*$/);
      expect(t.en.length, term).toBeGreaterThan(0);
      expect(t.zh, term).toMatch(CHINESE);
    }
    const values = analyticsValuesOf(name);
    expect(new Set(values).size).toBe(values.length);
  });

  it.each(names)('%s: term → value → term is the identity', (name) => {
    for (const term of analyticsTermsOf(name)) {
      const value = analyticsValue(name, term as never);
      expect(analyticsTerm(name, value as never)).toBe(term);
    }
  });

  it('maps the API names to the names the use cases and kernels read', () => {
    expect(analyticsValue('GroupingAttribute', 'HOUSEHOLD_REGISTRATION')).toBe('householdRegistered');
    expect(analyticsValue('PathDistance', 'INVERSE_WEIGHT')).toBe('inverse-weight');
    expect(analyticsTerm('StructuralHoleOrder', 'effectiveSize')).toBe('EFFECTIVE_SIZE');
    expect(analyticsLabel('GroupingAttribute', 'building')).toMatchObject({ en: 'Building', zh: '楼栋' });
  });

  it('refuses a value that is not in the vocabulary', () => {
    expect(() => analyticsTerm('GroupingAttribute', 'shoeSize' as never)).toThrow(/shoeSize is not a value of GroupingAttribute/);
  });

  it.each(names)('%s is a GraphQL enum with exactly these terms, described in both languages', (name) => {
    const type = buildSchema(typeDefs()).getType(name) as GraphQLEnumType;
    expect(type.getValues().map((v) => v.name)).toEqual(analyticsTermsOf(name));
    const v = ANALYTICS_VOCABULARIES[name];
    expect(type.description).toBe(`${v.description.en} / ${v.description.zh}`);
    for (const value of type.getValues()) {
      const t = (v.terms as Record<string, AnalyticsTerm>)[value.name]!;
      expect(value.description).toBe(`${t.en} / ${t.zh}`);
    }
  });
});
