"""
Reference centralities from NetworkX for reweave's tests (DESIGN.md: "Results agree with NetworkX's on
the same graph (same normalisation) — reference values are test fixtures").

Writes test/fixtures/reference/centrality-<dataset>.json for published datasets that NetworkX ships:
  karate        Zachary 1977, "An information flow model for conflict and fission in small groups"
                (nx.karate_club_graph(); edge weights = number of contexts of interaction)
  florentine    Padgett & Ansell 1993, "Robust action and the rise of the Medici" (marriage ties)
  lesmis        Knuth 1993, The Stanford GraphBase: co-appearance in chapters of Les Misérables
  davis         Davis, Gardner & Gardner 1941, "Deep South": the women projection of the two-mode
                graph, weight = number of events attended together (weighted_projected_graph)
  davis-coattendance  the same projection weighted as reweave's TIES network does (Newman 2001,
                "Scientific collaboration networks. II"): each event of k attendees adds 1/(k−1)
                to each pair, summed here explicitly.

Each file holds the edge list [u, v, weight] and, per metric, the values of the NetworkX call named in
"calls". Three distance conventions for the path-based metrics:
  hops            unweighted (BFS)
  weight          the edge weight is the length (NetworkX `weight="weight"` / `distance="weight"`)
  inverse-weight  the length is 1/weight (a strength read as closeness), given to NetworkX as an
                  edge attribute "length" = 1.0 / weight

Run: python3 scripts/reference/centrality.py   (NetworkX 3.x; output is deterministic, sorted keys)
"""
import itertools
import json
import os
import sys

import networkx as nx

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "test", "fixtures", "reference")
EIGEN_MAX_ITER = 10000  # DESIGN.md, "Performance notes": 100 iterations do not converge on real graphs
TIGHT = 1e-15  # per node: the iteration stops when the L1 change is below n · TIGHT


def davis_women(weighting):
    B = nx.davis_southern_women_graph()
    women = sorted(n for n, d in B.nodes(data=True) if d["bipartite"] == 0)
    if weighting == "shared-events":
        return nx.bipartite.weighted_projected_graph(B, women)
    G = nx.Graph()
    G.add_nodes_from(women)
    events = sorted(n for n, d in B.nodes(data=True) if d["bipartite"] == 1)
    for event in events:
        attendees = sorted(B[event])
        k = len(attendees)
        if k < 2:
            continue
        for a, b in itertools.combinations(attendees, 2):
            w = G[a][b]["weight"] if G.has_edge(a, b) else 0.0
            G.add_edge(a, b, weight=w + 1.0 / (k - 1))
    return G


DATASETS = {
    "karate": ("nx.karate_club_graph() — Zachary 1977", nx.karate_club_graph),
    "florentine": ("nx.florentine_families_graph() — Padgett & Ansell 1993 (unweighted: weight 1)", nx.florentine_families_graph),
    "lesmis": ("nx.les_miserables_graph() — Knuth 1993", nx.les_miserables_graph),
    "davis": ("nx.bipartite.weighted_projected_graph(nx.davis_southern_women_graph(), women) — Davis et al. 1941", lambda: davis_women("shared-events")),
    "davis-coattendance": ("nx.davis_southern_women_graph() women, Σ 1/(k−1) per event of k attendees — Davis et al. 1941, Newman 2001", lambda: davis_women("coattendance")),
}


def relabel(G):
    """String ids (graphology keys are strings); a weight of 1 where the dataset has none."""
    H = nx.Graph()
    H.add_nodes_from(sorted(str(n) for n in G.nodes()))
    for u, v, d in G.edges(data=True):
        w = float(d.get("weight", 1.0))
        H.add_edge(str(u), str(v), weight=w, length=1.0 / w)
    return H


def metrics(G):
    out, calls = {}, {}

    def put(name, call, values):
        calls[name] = call
        out[name] = {str(k): float(v) for k, v in values.items()}

    put("degree", "dict(G.degree())", dict(G.degree()))
    put("degree_centrality", "nx.degree_centrality(G)", nx.degree_centrality(G))
    put("strength", "dict(G.degree(weight='weight'))", dict(G.degree(weight="weight")))
    for suffix, attr in (("", None), ("_weighted", "weight"), ("_inverse", "length")):
        put(f"betweenness{suffix}", f"nx.betweenness_centrality(G, normalized=True, weight={attr!r})",
            nx.betweenness_centrality(G, normalized=True, weight=attr))
        put(f"closeness{suffix}", f"nx.closeness_centrality(G, distance={attr!r}, wf_improved=True)",
            nx.closeness_centrality(G, distance=attr, wf_improved=True))
        put(f"harmonic{suffix}", f"nx.harmonic_centrality(G, distance={attr!r})",
            nx.harmonic_centrality(G, distance=attr))
    put("betweenness_raw", "nx.betweenness_centrality(G, normalized=False)", nx.betweenness_centrality(G, normalized=False))
    # At a tight tolerance: NetworkX's default (1e-6) stops up to ~1e-5 away from the converged vector;
    # reweave's defaults converge to within 1e-9 and are compared with these at 1e-9.
    put("eigenvector", f"nx.eigenvector_centrality(G, max_iter={EIGEN_MAX_ITER}, tol={TIGHT}, weight=None)",
        nx.eigenvector_centrality(G, max_iter=EIGEN_MAX_ITER, tol=TIGHT, weight=None))
    put("eigenvector_weighted", f"nx.eigenvector_centrality(G, max_iter={EIGEN_MAX_ITER}, tol={TIGHT}, weight='weight')",
        nx.eigenvector_centrality(G, max_iter=EIGEN_MAX_ITER, tol=TIGHT, weight="weight"))
    put("pagerank", f"nx.pagerank(G, alpha=0.85, max_iter={EIGEN_MAX_ITER}, tol={TIGHT}, weight=None)",
        nx.pagerank(G, alpha=0.85, max_iter=EIGEN_MAX_ITER, tol=TIGHT, weight=None))
    put("pagerank_weighted", f"nx.pagerank(G, alpha=0.85, max_iter={EIGEN_MAX_ITER}, tol={TIGHT}, weight='weight')",
        nx.pagerank(G, alpha=0.85, max_iter=EIGEN_MAX_ITER, tol=TIGHT, weight="weight"))
    return out, calls


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, (source, build) in DATASETS.items():
        G = relabel(build())
        values, calls = metrics(G)
        edges = sorted([min(u, v), max(u, v), d["weight"]] for u, v, d in G.edges(data=True))
        doc = {
            "dataset": name,
            "source": source,
            "networkx": nx.__version__,
            "python": "%d.%d" % sys.version_info[:2],
            "nodes": list(G.nodes()),
            "edges": edges,
            "calls": calls,
            "metrics": values,
        }
        path = os.path.join(OUT, f"centrality-{name}.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f, sort_keys=True, indent=1, ensure_ascii=False)
            f.write("\n")
        print(f"{path}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")


if __name__ == "__main__":
    # Some NetworkX sums run over sets of string ids (harmonic_centrality), whose order follows the
    # per-process string hash: pin it so the output is byte-identical from run to run.
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable] + sys.argv, {**os.environ, "PYTHONHASHSEED": "0"})
    main()
