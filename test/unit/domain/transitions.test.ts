import { describe, expect, it } from 'vitest';
import { MACHINES, allowedNext } from '../../../src/domain/transitions.ts';
import { NODE_SPECS, stateProps, type NodeLabel, type PropSpec } from '../../../src/domain/model.ts';
import { termsOf } from '../../../src/domain/vocabulary.ts';

/** Every (label, field, machine) in MACHINES, with the vocabulary its model property uses. */
const machines = (Object.entries(MACHINES) as [NodeLabel, Record<string, Record<string, readonly string[]>>][]).flatMap(
  ([label, fields]) =>
    Object.entries(fields).map(([field, machine]) => {
      const prop = (NODE_SPECS[label].props as Record<string, PropSpec>)[field];
      return { label, field, machine, prop };
    }),
);

const vocabularyOf = (prop: PropSpec | undefined): string[] => {
  if (prop?.type.kind !== 'enum') throw new Error('not an enum property');
  return termsOf(prop.type.vocabulary);
};

describe('transition machines', () => {
  it('covers at least the partner, cultivation and claiming workflows', () => {
    const names = machines.map((m) => `${m.label}.${m.field}`);
    expect(names).toEqual(expect.arrayContaining(['Partner.status', 'Resident.cultivationStage', 'Project.status']));
  });

  describe.each(machines)('$label.$field', ({ label, field, machine, prop }) => {
    it('is a state property of an enum type in the model', () => {
      expect(prop, `${label}.${field} is not a property of ${label}`).toBeDefined();
      expect(prop?.state, `${label}.${field} has a machine but no state`).toBeDefined();
      expect(prop?.type.kind).toBe('enum');
    });

    it('names only states of its vocabulary', () => {
      const terms = new Set(vocabularyOf(prop));
      const named = Object.entries(machine).flatMap(([from, tos]) => [from, ...tos]);
      const strangers = named.filter((s) => !terms.has(s));
      expect(strangers, `${label}.${field} names states outside its vocabulary`).toEqual([]);
    });

    it('has an entry for every state of its vocabulary', () => {
      expect(Object.keys(machine).sort()).toEqual([...vocabularyOf(prop)].sort());
    });

    it('starts from an initial state that is in the machine', () => {
      expect(Object.keys(machine)).toContain(prop?.state?.initial);
    });

    it('has no self-loops', () => {
      for (const [from, tos] of Object.entries(machine)) expect(tos, `${from} → ${from}`).not.toContain(from);
    });
  });

  it('gives every state property of the model a machine', () => {
    const missing = (Object.keys(NODE_SPECS) as NodeLabel[]).flatMap((label) =>
      stateProps(label).filter((field) => MACHINES[label]?.[field] === undefined).map((field) => `${label}.${field}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('allowedNext', () => {
  const partnerPath = ['CALLED', 'APPLIED', 'CONSULTED', 'REVIEWED', 'ACTIVE', 'EXITED'];

  it.each(partnerPath.slice(0, -1).map((from, i) => [from, partnerPath[i + 1]!]))(
    'allows the partner lifecycle step %s → %s',
    (from, to) => {
      expect(allowedNext('Partner', 'status', from)).toContain(to);
    },
  );

  it.each([
    ['CALLED', 'ACTIVE'],
    ['CALLED', 'REVIEWED'],
    ['APPLIED', 'ACTIVE'],
    ['CONSULTED', 'ACTIVE'],
    ['EXITED', 'ACTIVE'],
  ])('refuses the partner skip %s → %s', (from, to) => {
    expect(allowedNext('Partner', 'status', from)).not.toContain(to);
  });

  it('moves cultivation one step at a time, forward or back', () => {
    const stages = termsOf('CultivationStage');
    expect(stages).toEqual(['UNIDENTIFIED', 'GOOD_PERSON', 'CAPABLE_PERSON', 'GROUP_LEADER']);
    stages.forEach((from, i) => {
      const neighbours = [stages[i - 1], stages[i + 1]].filter((s): s is (typeof stages)[number] => s !== undefined);
      for (const to of allowedNext('Resident', 'cultivationStage', from)) expect(neighbours, `${from} → ${to}`).toContain(to);
    });
    expect(allowedNext('Resident', 'cultivationStage', 'UNIDENTIFIED')).toEqual(['GOOD_PERSON']);
    expect(allowedNext('Resident', 'cultivationStage', 'UNIDENTIFIED')).not.toContain('CAPABLE_PERSON');
    expect(allowedNext('Resident', 'cultivationStage', 'GOOD_PERSON')).toContain('CAPABLE_PERSON');
    expect(allowedNext('Resident', 'cultivationStage', 'GOOD_PERSON')).not.toContain('GROUP_LEADER');
  });

  it('refuses everything for unknown labels, fields and states', () => {
    expect(allowedNext('Fund', 'status', 'CALLED')).toEqual([]);
    expect(allowedNext('Partner', 'name', 'CALLED')).toEqual([]);
    expect(allowedNext('Partner', 'status', 'NOT_A_STATE')).toEqual([]);
    expect(allowedNext('Project', 'status', 'EVALUATED')).toEqual([]);
  });
});
