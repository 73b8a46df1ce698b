/**
 * The pseudonymisation policy of the domain (src/domain/pseudonymise-policy.ts) applied to exported
 * files, the same table the API reads for RESEARCHER tokens: a resident's id and display name become
 * its pseudonym ("R-…"), and so does every reference to that resident (relationship ends, a state
 * change's nodeId), so the files still join within one export; an INDIVIDUAL partner's name becomes
 * "P-…"; free text (descriptions, evidence, time-bank services) and fields the model does not know are
 * left out. Ids of other nodes and of relationships are kept: they name no person. An individual
 * partner's name is also replaced wherever a kept text repeats it (an activity it hosts is named
 * "郭老师心理沙龙公益沙龙"), or its pseudonym would be undone by the next column.
 *
 * The key is the export's salt (options.ts): HMAC-SHA256(salt, id), as the API's pseudonyms are keyed
 * by the server's secret. A random salt per export, unless the caller gives one: two exports are then
 * unlinkable to each other and to the API's pseudonyms unless their salts are shared on purpose.
 */
import type { NodeLabel } from '../../domain/model.ts';
import { nodeTreatment, PSEUDONYMS, relTreatment } from '../../domain/pseudonymise-policy.ts';
import type { Plain, Props } from '../../domain/records.ts';
import { pseudonym } from '../shape.ts';
import { nameScrubber } from '../privacy/individual-names.ts';

export interface ExportPolicy {
  /** A node's properties as exported (`kinds`: the partner kinds that count, as of the cut-off and now). */
  node(label: NodeLabel, id: string, props: Props, kinds?: readonly Plain[]): Props;
  /** How a node of `label` is referenced (its id, or its pseudonym). */
  ref(label: NodeLabel, id: string): string;
  /** A relationship's (or state change's, type CHANGED) own properties as exported. */
  rel(type: string, props: Props): Props;
}

/** The export as stored (no pseudonyms): identifying details are dropped elsewhere, whatever the policy. */
export const KEEP_ALL: ExportPolicy = { node: (_l, _i, props) => props, ref: (_l, id) => id, rel: (_t, props) => props };

/** `individuals`: the real names of the community's individual partners, by name → partner id. */
export function pseudonymPolicy(salt: string, individuals: ReadonlyMap<string, string> = new Map()): ExportPolicy {
  const names = nameScrubber(individuals, salt);
  const scrub = (value: Plain): Plain => {
    if (typeof value === 'string') return names(value);
    return Array.isArray(value) ? value.map(scrub) : value;
  };
  const ref = (label: NodeLabel, id: string): string => {
    const rule = PSEUDONYMS[label]?.id;
    return rule ? pseudonym(id, salt, rule.prefix) : id;
  };
  return {
    ref,
    node(label, id, props, kinds = [props.kind ?? null]) {
      const out: Props = {};
      for (const [field, value] of Object.entries(props)) {
        const treatment = nodeTreatment(label, field);
        if (treatment === 'keep') out[field] = field === 'id' ? value : scrub(value);
        else if (treatment === 'pseudonymise') {
          const rule = PSEUDONYMS[label]![field]!;
          // An individual's name is pseudonymised if the partner was an individual at either time read.
          out[field] = rule.when === 'always' || kinds.includes('INDIVIDUAL') ? pseudonym(id, salt, rule.prefix) : value;
        }
      }
      return out;
    },
    rel(type, props) {
      return Object.fromEntries(Object.entries(props).filter(([field]) => relTreatment(type, field) === 'keep').map(([field, value]) => [field, field === 'id' ? value : scrub(value)]));
    },
  };
}
