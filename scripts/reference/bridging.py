"""
Reference values for src/analytics/bridging and src/analytics/communities, computed with NetworkX
on datasets NetworkX ships, written to test/fixtures/reference/bridging-<dataset>.json.

    python3 -m pip install 'networkx==3.*'
    python3 scripts/reference/bridging.py

Each fixture holds the graph (nodes, edges with weights, node groups where the dataset has them) and
the values the TypeScript modules must reproduce. Undefined values (NetworkX's nan / inf) are written
as null, the convention of the TypeScript modules.

- modularity: nx.community.modularity (Newman–Girvan, weighted, resolution);
- louvain: nx.community.louvain_communities for a few seeds — the partitions are specific to
  NetworkX's random order, so the tests compare modularity (ours ≥ 0.95 × NetworkX's best) and
  check that our modularity() of NetworkX's partitions reproduces NetworkX's numbers;
- bridges: nx.bridges; local bridges: nx.local_bridges(with_span=True) (hop-count span);
- structural holes: nx.constraint, nx.effective_size (weight=None and weight='weight'), efficiency =
  effective size / degree, Burt's hierarchy from nx.local_constraint (formula in
  src/analytics/bridging/constraint.ts);
- grouping (karate 'club'): crossing share and Krackhardt–Stern E-I at network, group and node level,
  computed here directly from the edge list as an independent implementation.
"""
import json
import math
import os
import sys

import networkx as nx
from networkx.algorithms import bipartite

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'fixtures', 'reference')
SEEDS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]


def clean(x):
    """nan / inf → None (JSON has neither); recurse into containers."""
    if isinstance(x, float) and (math.isnan(x) or math.isinf(x)):
        return None
    if isinstance(x, dict):
        return {str(k): clean(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [clean(v) for v in x]
    return x


def hierarchy(G, weight):
    """Burt (1992) hierarchy: Σ_j r_j ln r_j / (N ln N), r_j = (c_ij / C_i) / (1 / N)."""
    out = {}
    for v in G:
        nbrs = set(nx.all_neighbors(G, v)) - {v}
        n = len(nbrs)
        if n < 2:
            out[v] = None
            continue
        local = {j: nx.local_constraint(G, v, j, weight=weight) for j in nbrs}
        total = sum(local.values())
        s = 0.0
        for c in local.values():
            r = (c / total) * n
            if r > 0:
                s += r * math.log(r)
        out[v] = s / (n * math.log(n))
    return out


def structural_holes(G):
    out = {}
    for name, weight in (('unweighted', None), ('weighted', 'weight')):
        # nodes=list(G) selects NetworkX's per-node implementation of Burt's formula. With SciPy
        # installed, NetworkX 3.6 otherwise takes a matrix shortcut whose weighted results differ
        # from its own per-node path (karate node 0: 13.954 vs 13.775); the per-node path is the
        # documented formula, p_iq = a_iq / Σ_k a_ik and m_jq = a_jq / max_k a_jk.
        es = nx.effective_size(G, nodes=list(G), weight=weight)
        out[name] = {
            'constraint': nx.constraint(G, weight=weight),
            'effectiveSize': es,
            'efficiency': {v: (es[v] / G.degree(v) if G.degree(v) > 0 else None) for v in G},
            'hierarchy': hierarchy(G, weight),
        }
    return out


def louvain(G):
    runs = []
    for seed in SEEDS:
        parts = nx.community.louvain_communities(G, weight='weight', resolution=1, seed=seed)
        runs.append({
            'seed': seed,
            'partition': [sorted(map(str, c)) for c in parts],
            'modularity': nx.community.modularity(G, parts, weight='weight', resolution=1),
        })
    res2 = nx.community.louvain_communities(G, weight='weight', resolution=2, seed=0)
    return {
        'runs': runs,
        'best': max(r['modularity'] for r in runs),
        'resolution2': {
            'partition': [sorted(map(str, c)) for c in res2],
            'modularity': nx.community.modularity(G, res2, weight='weight', resolution=2),
        },
    }


def groupings(G, attr):
    """Crossing share and E-I for a node attribute; group level counts tie ends (see ei-index.ts)."""
    group = nx.get_node_attributes(G, attr)
    E = sum(1 for u, v in G.edges() if group[u] != group[v])
    I = G.number_of_edges() - E
    per_group = {}
    for g in sorted(set(group.values())):
        e = sum(1 for u, v in G.edges() for a, b in ((u, v), (v, u)) if group[a] == g and group[b] != g)
        i = sum(2 for u, v in G.edges() if group[u] == g and group[v] == g)
        per_group[g] = {'external': e, 'internal': i, 'ei': (e - i) / (e + i) if e + i else None}
    per_node = {}
    for v in G:
        e = sum(1 for u in G[v] if group[u] != group[v])
        i = sum(1 for u in G[v] if group[u] == group[v])
        per_node[v] = (e - i) / (e + i) if e + i else None
    n = G.number_of_nodes()
    sizes = {}
    for g in group.values():
        sizes[g] = sizes.get(g, 0) + 1
    p_cross = 1 - sum(s * (s - 1) for s in sizes.values()) / (n * (n - 1))
    return {
        'attribute': attr,
        'external': E,
        'internal': I,
        'crossingShare': E / (E + I),
        'ei': (E - I) / (E + I),
        'expectedEI': 2 * p_cross - 1,
        'groups': per_group,
        'nodes': per_node,
        'modularity': nx.community.modularity(
            G, [{v for v in G if group[v] == g} for g in sorted(set(group.values()))], weight=None),
        'modularityWeighted': nx.community.modularity(
            G, [{v for v in G if group[v] == g} for g in sorted(set(group.values()))], weight='weight'),
        'modularityWeightedResolution05': nx.community.modularity(
            G, [{v for v in G if group[v] == g} for g in sorted(set(group.values()))], weight='weight', resolution=0.5),
    }


def dataset(name, G, source, group_attr=None):
    G = nx.relabel_nodes(G, {v: str(v) for v in G})
    bridges = [sorted([u, v]) for u, v in nx.bridges(G)]
    H = G.copy()
    H.remove_edges_from(nx.bridges(G))
    data = {
        'dataset': name,
        'source': source,
        'networkx': nx.__version__,
        'nodes': list(G.nodes()),
        'edges': [[u, v, d.get('weight', 1)] for u, v, d in G.edges(data=True)],
        'groups': {v: G.nodes[v][group_attr] for v in G} if group_attr else None,
        'components': sorted((len(c) for c in nx.connected_components(G)), reverse=True),
        'componentsWithoutBridges': sorted((len(c) for c in nx.connected_components(H)), reverse=True),
        'bridges': sorted(bridges),
        'localBridges': sorted([sorted([u, v]) + [span] for u, v, span in nx.local_bridges(G, with_span=True)]),
        'structuralHoles': structural_holes(G),
        'louvain': louvain(G),
        'grouping': groupings(G, group_attr) if group_attr else None,
    }
    path = os.path.join(OUT, f'bridging-{name}.json')
    with open(path, 'w') as f:
        json.dump(clean(data), f, indent=1, ensure_ascii=False, allow_nan=False)
        f.write('\n')
    print(f'wrote {path}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges', file=sys.stderr)


def main():
    dataset('karate', nx.karate_club_graph(),
            "Zachary (1977), 'An information flow model for conflict and fission in small groups'; nx.karate_club_graph()",
            group_attr='club')
    dataset('florentine', nx.florentine_families_graph(),
            "Padgett & Ansell (1993), 'Robust action and the rise of the Medici'; nx.florentine_families_graph()")
    dataset('lesmis', nx.les_miserables_graph(),
            "Knuth (1993), The Stanford GraphBase (Les Misérables co-appearances); nx.les_miserables_graph()")
    B = nx.davis_southern_women_graph()
    women = B.graph['top']
    dataset('davis', bipartite.weighted_projected_graph(B, women),
            "Davis, Gardner & Gardner (1941), Deep South; nx.davis_southern_women_graph() projected to women "
            "with bipartite.weighted_projected_graph (weight = shared events)")


if __name__ == '__main__':
    main()
