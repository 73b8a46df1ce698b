import { describe, expect, it } from 'vitest';
import { fileSpec } from '../../../src/interchange/columns.ts';
import { parseRecord } from '../../../src/interchange/validate.ts';

const change = (from: string, to: string) =>
  parseRecord(fileSpec('STATE_CHANGE')!, { id: 'sc1', label: 'Resident', nodeId: 'r1', field: 'cultivationStage', from, to, at: '2024/05/20' });

describe('STATE_CHANGE values as workers write them', () => {
  it('takes Chinese names and stores the terms', () => {
    const { values, problems } = change('未识别', '好人');
    expect(problems).toEqual([]);
    expect(values).toMatchObject({ from: 'UNIDENTIFIED', to: 'GOOD_PERSON', at: new Date('2024-05-20T00:00:00Z') });
  });

  it('refuses an unknown value listing the Chinese names', () => {
    const { problems } = change('未识别', '热心人');
    expect(problems).toEqual([{
      column: 'to',
      reason: '"热心人" is not a CultivationStage; allowed: UNIDENTIFIED (未识别 / 待识别), GOOD_PERSON (好人), CAPABLE_PERSON (能人), GROUP_LEADER (社群领头人 / 领头人 / 社群领袖) / 「热心人」不是有效的培育阶段',
    }]);
  });

  it('still refuses a step the state machine does not allow, in terms', () => {
    const { problems } = change('未识别', '能人');
    expect(problems[0]).toMatchObject({ column: 'to', reason: expect.stringContaining('cannot go from UNIDENTIFIED to CAPABLE_PERSON') });
  });
});
