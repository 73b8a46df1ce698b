/**
 * The sentences a coordinator reads beside each proposal and each unmet need, in English and
 * Chinese: what is covered, how the score is made up (component × weight, adding up to the score),
 * and why a need got nothing — no eligible resource, none with capacity left, or outscored by better
 * pairs with the raise of score that would have won it a unit (the dual price, assignment.ts).
 */
import type { Ineligibility, NeedInput, PoolEntryInput } from './eligibility.ts';
import type { Component, ComponentScore } from './scores.ts';

export interface Sentence {
  readonly en: string;
  readonly zh: string;
}

const NAMES: Record<Component, Sentence> = {
  tags: { en: 'tags', zh: '标签' },
  quantity: { en: 'quantity', zh: '数量' },
  urgency: { en: 'urgency', zh: '紧迫度' },
  proximity: { en: 'proximity', zh: '关系距离' },
  bridging: { en: 'new bridge', zh: '新建联结' },
  reciprocity: { en: 'reciprocity', zh: '互惠' },
};

const f3 = (x: number) => x.toFixed(3);
const qty = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));
const unitOf = (e: PoolEntryInput) => (e.unit ? ` ${e.unit}` : '');

function parts(components: readonly ComponentScore[], lang: 'en' | 'zh'): string {
  return components
    .filter((c) => c.weight > 0)
    .map((c) => `${NAMES[c.component][lang]} ${f3(c.value)} × ${qty(c.weight)}`)
    .join(lang === 'en' ? ', ' : '，');
}

export function explainProposal(r: PoolEntryInput, n: NeedInput, quantity: number, score: number, components: readonly ComponentScore[], hops: number | null): Sentence {
  const share = Math.round((100 * quantity) / n.quantity);
  const value = (c: Component) => components.find((x) => x.component === c)!;
  const extraEn: string[] = [];
  const extraZh: string[] = [];
  if (value('proximity').weight > 0) {
    extraEn.push(hops === null ? 'the owners are not connected yet' : `the owners are ${hops} ${hops === 1 ? 'hop' : 'hops'} apart`);
    extraZh.push(hops === null ? '双方尚无关系联结' : `双方相距 ${hops} 步`);
  }
  if (value('reciprocity').value === 1) {
    extraEn.push('each offers something the other needs');
    extraZh.push('双方互有所需');
  }
  if (value('bridging').value === 1 && value('bridging').weight > 0) {
    extraEn.push('it ties two branches or housing areas that have no tie yet');
    extraZh.push('将联结尚无往来的不同党组织或小区');
  }
  return {
    en: `"${r.name}" covers ${qty(quantity)}${unitOf(n)} of "${n.name}" (${share} % of what is asked); score ${f3(score)} = weighted mean of ${parts(components, 'en')}${extraEn.length ? `; ${extraEn.join('; ')}` : ''}.`,
    zh: `「${r.name}」满足「${n.name}」${qty(quantity)}${unitOf(n)}（需求的 ${share}%）；得分 ${f3(score)}，为加权平均：${parts(components, 'zh')}${extraZh.length ? `；${extraZh.join('；')}` : ''}。`,
  };
}

const INELIGIBLE: Record<Ineligibility, Sentence> = {
  CATEGORY: { en: 'no resource of the same or a related category', zh: '没有同类别或相关类别的资源' },
  VALIDITY: { en: 'resources of a fitting category exist, but none is valid at the same time', zh: '有类别相符的资源，但有效期都不重叠' },
  SAME_OWNER: { en: 'the only fitting resources are offered by the need’s own owner', zh: '类别相符的资源只有需求方自己提供的' },
};

export function explainUnmet(
  n: NeedInput,
  unmet: number,
  reason: 'NO_ELIGIBLE_RESOURCE' | 'NO_CAPACITY_LEFT' | 'OUTSCORED' | 'PARTLY_MET',
  why: Ineligibility | null,
  near: { resource: PoolEntryInput; score: number; raise: number } | null,
): Sentence {
  const left = `${qty(unmet)}${unitOf(n)}`;
  switch (reason) {
    case 'NO_ELIGIBLE_RESOURCE':
      return {
        en: `"${n.name}" is unmatched: ${INELIGIBLE[why ?? 'CATEGORY'].en}.`,
        zh: `「${n.name}」未匹配：${INELIGIBLE[why ?? 'CATEGORY'].zh}。`,
      };
    case 'NO_CAPACITY_LEFT':
      return {
        en: `"${n.name}" is unmatched: every eligible resource is already used up by projects.`,
        zh: `「${n.name}」未匹配：符合条件的资源已被现有项目用完。`,
      };
    case 'PARTLY_MET':
      return {
        en: `"${n.name}" is partly met: ${left} remain, for which no eligible resource has capacity left after better pairs.`,
        zh: `「${n.name}」部分满足：尚缺 ${left}，符合条件的资源已分配给得分更高的配对。`,
      };
    case 'OUTSCORED': {
      const raise = near!.raise;
      const tied = raise <= 1e-9;
      return tied
        ? {
            en: `"${n.name}" is unmatched: its eligible resources all go to pairs that score as well; "${near!.resource.name}" (score ${f3(near!.score)}) is tied with them and lost on the order of ids.`,
            zh: `「${n.name}」未匹配：符合条件的资源都分给了得分相同的配对；「${near!.resource.name}」（得分 ${f3(near!.score)}）与之并列，按编号顺序未入选。`,
          }
        : {
            en: `"${n.name}" is unmatched: its eligible resources are all used by better pairs; its nearest chance, "${near!.resource.name}" (score ${f3(near!.score)}), would need to score ${f3(raise)} higher.`,
            zh: `「${n.name}」未匹配：符合条件的资源都已分给得分更高的配对；最接近的是「${near!.resource.name}」（得分 ${f3(near!.score)}），得分还需高 ${f3(raise)}。`,
          };
    }
  }
}
