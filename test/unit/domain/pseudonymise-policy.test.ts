import { describe, expect, it } from 'vitest';
import { COMMON_NODE_PROPS, NODE_LABELS, NODE_SPECS, REL_KINDS, REL_SPECS } from '../../../src/domain/model.ts';
import {
  IDENTIFYING_FIELDS, nodeTreatment, relTreatment, RESEARCH_REL_TYPES, strictestNodeTreatment, strictestRelTreatment,
} from '../../../src/domain/pseudonymise-policy.ts';

describe('the pseudonymisation policy', () => {
  it('pseudonymises what names a person: resident ids and display names, partner names', () => {
    expect(nodeTreatment('Resident', 'id')).toBe('pseudonymise');
    expect(nodeTreatment('Resident', 'displayName')).toBe('pseudonymise');
    expect(nodeTreatment('Partner', 'name')).toBe('pseudonymise');
    expect(nodeTreatment('Organization', 'name')).toBe('keep');
    expect(nodeTreatment('Partner', 'id')).toBe('keep');
  });

  it('withholds free text: descriptions, time-bank service texts, contribution notes, stage evidence', () => {
    for (const [label, field] of [['Partner', 'description'], ['Project', 'description'], ['Fund', 'description']] as const) expect(nodeTreatment(label, field)).toBe('withhold');
    expect(relTreatment('EXCHANGED', 'service')).toBe('withhold');
    expect(relTreatment('CONTRIBUTED', 'description')).toBe('withhold');
    expect(relTreatment('CHANGED', 'evidence')).toBe('withhold');
    expect(relTreatment('CHANGED', 'to')).toBe('keep');
  });

  it('withholds what the model does not know, identifying fields included, on every label and type', () => {
    for (const label of NODE_LABELS) {
      for (const field of [...IDENTIFYING_FIELDS, 'hash', 'anything']) expect(nodeTreatment(label, field), `${label}.${field}`).toBe('withhold');
    }
    for (const type of RESEARCH_REL_TYPES) expect(relTreatment(type, 'realName')).toBe('withhold');
    expect(relTreatment('IDENTIFIED_BY', 'since')).toBe('withhold');
  });

  it('classifies every field of the model, and keeps the structural ones', () => {
    for (const label of NODE_LABELS) {
      for (const field of [...COMMON_NODE_PROPS, ...Object.keys(NODE_SPECS[label].props)]) expect(['keep', 'pseudonymise', 'withhold']).toContain(nodeTreatment(label, field));
      expect(nodeTreatment(label, 'communityId')).toBe('keep');
    }
    for (const kind of REL_KINDS) for (const field of Object.keys(REL_SPECS[kind].props)) expect(['keep', 'withhold']).toContain(relTreatment(REL_SPECS[kind].type, field));
  });

  it('reads a field of an unknown owner by the strictest treatment', () => {
    expect(strictestRelTreatment([], 'service')).toBe('withhold');
    expect(strictestRelTreatment(['KNOWS', 'MEMBER_OF'], 'since')).toBe('keep');
    expect(strictestRelTreatment(['KNOWS', 'MEMBER_OF'], 'role')).toBe('withhold');
    expect(strictestNodeTreatment(['Partner', 'Organization'], 'name')).toBe('pseudonymise');
    expect(strictestNodeTreatment([], 'name')).toBe('withhold');
    expect(strictestNodeTreatment(['Organization'], 'name')).toBe('keep');
  });
});
