"""
Reference values for src/analytics/publicness (the reweaving diff and the figures it shows), computed
with NetworkX and numpy, written to test/fixtures/reference/publicness-<case>.json.

    .reweave/bench-venv/bin/python scripts/reference/publicness.py

Cases: NetworkX's karate club ('club' grouping), Florentine families and Les Misérables (no grouping),
each read unweighted as one snapshot; and 'snapshots', two seeded random tie networks of 80 residents
in 3 groups standing for t0 and t1 (some residents at one date only), for the diff itself.

Per network: nx.average_clustering (unweighted, zeros counted), density, connected components and
isolates, the largest component's share, nx.community.louvain_communities(weight=None) modularity for
a few seeds (partitions differ from ours by the random stream, so the tests compare modularity:
ours ≥ 0.95 × NetworkX's best), and the E-I index by the grouping counted here from the edge list.
For 'snapshots' also the ties added, lost and kept, and the cross-group ties added and lost. 'quantiles'
holds numpy.quantile (linear, numpy's default) of a fixed vector, the bootstrap's percentile rule.
"""
import json
import os
import random

import networkx as nx
import numpy as np

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'fixtures', 'reference')
SEEDS = [0, 1, 2, 3, 4]


def ei(G, group):
    if group is None:
        return None
    e = i = 0
    for u, v in G.edges():
        if u == v or group.get(u) is None or group.get(v) is None:
            continue
        if group[u] != group[v]:
            e += 1
        else:
            i += 1
    return {'external': e, 'internal': i, 'ei': (e - i) / (e + i) if e + i else None}


def figures(G, group):
    n = G.number_of_nodes()
    comps = sorted((len(c) for c in nx.connected_components(G)), reverse=True)
    runs = []
    for seed in SEEDS:
        part = nx.community.louvain_communities(G, weight=None, seed=seed)
        runs.append({'seed': seed, 'modularity': nx.community.modularity(G, part, weight=None)})
    return {
        'residents': n,
        'ties': G.number_of_edges(),
        'isolates': sum(1 for v in G if G.degree(v) == 0),
        'components': len(comps),
        'largestComponentShare': comps[0] / n if n else None,
        'density': nx.density(G),
        'averageClustering': nx.average_clustering(G),
        'louvain': runs,
        'bestModularity': max(r['modularity'] for r in runs),
        'ei': ei(G, group),
    }


def graph_json(G, group):
    return {'nodes': [str(v) for v in G.nodes()], 'edges': [[str(u), str(v)] for u, v in G.edges()],
            'groups': None if group is None else {str(k): v for k, v in group.items()}}


def relabel(G):
    return nx.relabel_nodes(G, {v: str(v) for v in G})


def write(name, payload):
    payload['networkx'] = nx.__version__
    with open(os.path.join(OUT, f'publicness-{name}.json'), 'w', encoding='utf8') as f:
        json.dump(payload, f, indent=1, ensure_ascii=False)
        f.write('\n')


def single(name, G, attribute=None):
    G = relabel(nx.Graph(G))
    group = None if attribute is None else {v: G.nodes[v][attribute] for v in G}
    write(name, {'case': name, 'graph': graph_json(G, group), 'figures': figures(G, group)})


def snapshots():
    rng = random.Random(14)
    people = [f'r{i:02d}' for i in range(80)]
    group = {p: ['garden', 'village', 'affordable'][i % 3] for i, p in enumerate(people)}
    at0 = [p for p in people if rng.random() < 0.9]
    at1 = [p for p in people if rng.random() < 0.9]

    def net(present, p_in, p_out):
        G = nx.Graph()
        G.add_nodes_from(present)
        for a in range(len(present)):
            for b in range(a + 1, len(present)):
                u, v = present[a], present[b]
                if rng.random() < (p_in if group[u] == group[v] else p_out):
                    G.add_edge(u, v)
        return G

    G0 = net(at0, 0.12, 0.01)
    G1 = net(at1, 0.12, 0.03)
    key = lambda u, v: tuple(sorted((u, v)))
    e0 = {key(u, v) for u, v in G0.edges()}
    e1 = {key(u, v) for u, v in G1.edges()}
    cross = lambda e: group[e[0]] != group[e[1]]
    g0 = {p: group[p] for p in G0}
    g1 = {p: group[p] for p in G1}
    write('snapshots', {
        'case': 'snapshots',
        't0': {'graph': graph_json(G0, g0), 'figures': figures(G0, g0)},
        't1': {'graph': graph_json(G1, g1), 'figures': figures(G1, g1)},
        'diff': {
            'added': len(e1 - e0), 'lost': len(e0 - e1), 'kept': len(e0 & e1),
            'bridgesAdded': sum(1 for e in e1 - e0 if cross(e)), 'bridgesLost': sum(1 for e in e0 - e1 if cross(e)),
        },
    })


def quantiles():
    values = [0.3, -0.1, 0.25, 0.0, 0.7, 0.05, -0.4, 0.12, 0.33, 0.9, -0.05]
    qs = [0.025, 0.25, 0.5, 0.975]
    write('quantiles', {'case': 'quantiles', 'values': values, 'q': qs, 'quantiles': [float(np.quantile(values, q)) for q in qs]})


if __name__ == '__main__':
    single('karate', nx.karate_club_graph(), 'club')
    single('florentine', nx.florentine_families_graph())
    single('lesmis', nx.les_miserables_graph())
    snapshots()
    quantiles()
