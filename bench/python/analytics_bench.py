"""
NetworkX or python-igraph side of bench/analytics (bench/analytics.ts runs it in a venv it makes
from requirements.txt beside this file).

    python analytics_bench.py --library networkx|igraph JOB.json

JOB.json (written by bench/analytics.ts): {"nodes": path, "edges": path, "run": [names],
"skip": {name: measurement}, "pivots": [node indices], "seed": int, "checkSubset": bool, "out": path}.
Writes the same RunReport JSON as the reweave side (bench/analytics/algorithms.ts): per algorithm
the median time of the algorithm alone (graph loading is timed separately as loadMs), and the
values or summary the TypeScript side compares with reweave's.

Conventions are reweave's (bench/analytics/algorithms.ts says them in words); where a library
returns another normalisation, the rescaling is done inside the timed call, since it is part of
getting the same answer. One process per library and size, like the reweave side.
"""
import gc
import json
import math
import sys
import time
import warnings

ONCE_S = 1.0  # the same repeat rule as bench/analytics/timing.ts (which says why)
MIN_RUNS = 3
REPEAT_FOR_S = 1.0
MAX_RUNS = 30


def repeat(run):
    gc.collect()  # as the TS side: the previous algorithm's garbage is not billed to this one
    times, cpu = [], []
    total = 0.0
    while True:
        cpu_start = time.process_time()  # the whole process, all threads, as process.cpuUsage() on the TS side
        start = time.perf_counter()
        result = run()
        elapsed = time.perf_counter() - start
        cpu.append(time.process_time() - cpu_start)
        times.append(elapsed)
        total += elapsed
        if not (times[0] < ONCE_S and (total < REPEAT_FOR_S or len(times) < MIN_RUNS) and len(times) < MAX_RUNS):
            break
    median = lambda xs: sorted(xs)[len(xs) // 2] * 1000.0  # noqa: E731
    return median(times), median(cpu), len(times), result


def clean(x):
    """NaN / inf → None, the reweave side's null for undefined values."""
    if x is None:
        return None
    x = float(x)
    return None if math.isnan(x) or math.isinf(x) else x


def read(job):
    group = []
    with open(job["nodes"], encoding="utf-8") as f:
        for line in f:
            if line.strip():
                group.append(int(line.split("\t")[1]))
    edges, weights = [], []
    with open(job["edges"], encoding="utf-8") as f:
        for line in f:
            if line.strip():
                u, v, w = line.split("\t")
                edges.append((int(u), int(v)))
                weights.append(float(w))
    return group, edges, weights


def sampled_scale(n, pivots):
    """reweave's (= NetworkX's k=) normalisation of a pivot sum, per node: 1/((k−1)(n−2)) for a
    pivot, 1/(k(n−2)) for the others; × 2 because a subset sum of an undirected graph is halved."""
    k = len(pivots)
    is_pivot = set(pivots)
    return [2.0 / ((k - 1) * (n - 2)) if v in is_pivot else 2.0 / (k * (n - 2)) for v in range(n)]


def vector(n, values):
    return {"values": [clean(values[i]) for i in range(n)]}


# ─── NetworkX ─────────────────────────────────────────────────────────────────────────────────────

def networkx_algorithms(job, n, group, edges, weights):
    import networkx as nx

    start = time.perf_counter()
    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_weighted_edges_from((u, v, w) for (u, v), w in zip(edges, weights))
    load_ms = (time.perf_counter() - start) * 1000.0
    pivots = job["pivots"]
    by_group = {}
    for v, g in enumerate(group):
        by_group.setdefault(g, set()).add(v)
    communities = list(by_group.values())

    def sampled_check(_):
        # NetworkX's k= draws its own pivots; for the agreement check only (not timed), the same
        # accumulation from reweave's pivots.
        if not job["checkSubset"]:
            return {"summary": {"checked": "not at this size"}}
        raw = nx.betweenness_centrality_subset(G, sources=pivots, targets=list(G), normalized=False)
        scale = sampled_scale(n, pivots)
        return vector(n, {v: raw[v] * scale[v] for v in range(n)})

    def local_bridges_summary(found):
        spans = [s for _, _, s in found]
        return {"summary": {"count": len(found), "spanSum": sum(s for s in spans if not math.isinf(s)),
                            "unbounded": sum(1 for s in spans if math.isinf(s))}}

    def louvain_summary(parts):
        return {"summary": {"modularity": nx.community.modularity(G, parts, weight="weight"), "count": len(parts)}}

    def bridges_summary(found):
        keys = sorted(f"{min(u, v)}-{max(u, v)}" for u, v in found)
        return {"summary": {"count": len(keys), "edges": keys}}

    def components_summary(parts):
        return {"summary": {"count": len(parts), "largest": max((len(c) for c in parts), default=0)}}

    algorithms = {
        "degree": (lambda: dict(G.degree()), lambda r: vector(n, r)),
        "strength": (lambda: dict(G.degree(weight="weight")), lambda r: vector(n, r)),
        "betweenness": (lambda: nx.betweenness_centrality(G, normalized=True, weight=None), lambda r: vector(n, r)),
        "betweenness-sampled": (
            lambda: nx.betweenness_centrality(G, k=len(pivots), normalized=True, weight=None, seed=job["seed"]),
            sampled_check,
        ),
        "closeness": (lambda: nx.closeness_centrality(G, wf_improved=True), lambda r: vector(n, r)),
        "harmonic": (lambda: nx.harmonic_centrality(G), lambda r: vector(n, r)),
        "eigenvector": (lambda: nx.eigenvector_centrality(G, max_iter=1000, tol=1e-6, weight=None), lambda r: vector(n, r)),
        "eigenvector-tight": (lambda: nx.eigenvector_centrality(G, max_iter=10000, tol=1e-12, weight=None), lambda r: vector(n, r)),
        "pagerank": (lambda: nx.pagerank(G, alpha=0.85, tol=1e-6, weight=None), lambda r: vector(n, r)),
        "pagerank-tight": (lambda: nx.pagerank(G, alpha=0.85, tol=1e-12, max_iter=1000, weight=None), lambda r: vector(n, r)),
        "pagerank-weighted": (lambda: nx.pagerank(G, alpha=0.85, tol=1e-6, weight="weight"), lambda r: vector(n, r)),
        "components": (lambda: list(nx.connected_components(G)), components_summary),
        "louvain": (
            lambda: nx.community.louvain_communities(G, weight="weight", resolution=1, threshold=1e-7, seed=1),
            louvain_summary,
        ),
        "modularity": (lambda: nx.community.modularity(G, communities, weight="weight"), lambda q: {"summary": {"modularity": q}}),
        "bridges": (lambda: list(nx.bridges(G)), bridges_summary),
        "local-bridges": (lambda: list(nx.local_bridges(G, with_span=True, weight=None)), local_bridges_summary),
        "constraint": (lambda: nx.constraint(G, weight="weight"), lambda r: vector(n, r)),
        # The default call: with SciPy it builds a dense n×n matrix (5.5 s at 10k, MemoryError at 100k). The
        # per-node path (nodes=list(G)) is worse here: it copies the whole graph per node (62 s at 1k, measured).
        "effective-size": (lambda: nx.effective_size(G, weight=None), lambda r: vector(n, r)),
    }
    return nx.__version__, load_ms, algorithms


# ─── igraph ───────────────────────────────────────────────────────────────────────────────────────

def igraph_algorithms(job, n, group, edges, weights):
    import igraph as ig

    start = time.perf_counter()
    g = ig.Graph(n=n, edges=edges, directed=False, edge_attrs={"weight": weights})
    load_ms = (time.perf_counter() - start) * 1000.0
    pivots = job["pivots"]

    def betweenness():
        # igraph counts each unordered pair once, unnormalised: × 2/((n−1)(n−2)) is NetworkX's normalized=True.
        scale = 2.0 / ((n - 1) * (n - 2))
        return [b * scale for b in g.betweenness(directed=False)]

    def betweenness_sampled():
        # igraph has no pivot sampling; its subset betweenness from the same pivots (sources=) is the
        # same accumulation, rescaled as reweave / NetworkX extrapolate a sample.
        scale = sampled_scale(n, pivots)
        raw = g.betweenness(directed=False, sources=pivots)
        return [b * s for b, s in zip(raw, scale)]

    def closeness():
        # igraph's normalised closeness is per component ((r−1)/Σd over the r reached); the
        # Wasserman–Faust factor (r−1)/(n−1) needs the component sizes. Isolates: NaN → 0 as NetworkX.
        values = g.closeness(normalized=True)
        membership = g.connected_components().membership
        sizes = {}
        for c in membership:
            sizes[c] = sizes.get(c, 0) + 1
        return [0.0 if math.isnan(c) else c * (sizes[m] - 1) / (n - 1) for c, m in zip(values, membership)]

    def eigenvector():
        # igraph scales the maximum to 1; NetworkX (and reweave) the Euclidean norm.
        values = g.eigenvector_centrality(weights=None)
        norm = math.sqrt(sum(x * x for x in values)) or 1.0
        return [x / norm for x in values]

    def louvain_summary(clustering):
        return {"summary": {"modularity": g.modularity(clustering.membership, weights="weight"), "count": len(clustering)}}

    def bridges_summary(ids):
        keys = sorted(f"{min(e.source, e.target)}-{max(e.source, e.target)}" for e in g.es[ids])
        return {"summary": {"count": len(keys), "edges": keys}}

    def components_summary(clustering):
        return {"summary": {"count": len(clustering), "largest": max(clustering.sizes(), default=0)}}

    algorithms = {
        "degree": (lambda: g.degree(), lambda r: vector(n, r)),
        "strength": (lambda: g.strength(weights="weight"), lambda r: vector(n, r)),
        "betweenness": (betweenness, lambda r: vector(n, r)),
        "betweenness-sampled": (betweenness_sampled, lambda r: vector(n, r)),
        "closeness": (closeness, lambda r: vector(n, r)),
        "harmonic": (lambda: g.harmonic_centrality(normalized=False), lambda r: vector(n, r)),
        "eigenvector": (eigenvector, lambda r: vector(n, r)),
        "eigenvector-tight": (eigenvector, lambda r: vector(n, r)),
        "pagerank": (lambda: g.pagerank(damping=0.85, directed=False), lambda r: vector(n, r)),
        # PRPACK solves exactly: the same call answers both PageRank rows
        "pagerank-tight": (lambda: g.pagerank(damping=0.85, directed=False), lambda r: vector(n, r)),
        "pagerank-weighted": (lambda: g.pagerank(damping=0.85, directed=False, weights="weight"), lambda r: vector(n, r)),
        "components": (lambda: g.connected_components(), components_summary),
        "louvain": (lambda: g.community_multilevel(weights="weight", resolution=1), louvain_summary),
        "modularity": (lambda: g.modularity(group, weights="weight"), lambda q: {"summary": {"modularity": q}}),
        "bridges": (lambda: g.bridges(), bridges_summary),
        "constraint": (lambda: g.constraint(weights="weight"), lambda r: vector(n, r)),
    }
    return ig.__version__, load_ms, algorithms


NOT_IN = {
    "networkx": {
        "ei-index": "no E-I index in NetworkX",
        "brokerage": "no Gould–Fernandez brokerage in NetworkX",
    },
    "igraph": {
        "local-bridges": "no local bridges in igraph",
        "effective-size": "no effective size in igraph",
        "ei-index": "no E-I index in igraph",
        "brokerage": "no Gould–Fernandez brokerage in igraph",
    },
}


def main():
    library = sys.argv[sys.argv.index("--library") + 1]
    job = json.load(open(sys.argv[-1], encoding="utf-8"))
    group, edges, weights = read(job)
    n = len(group)
    build = networkx_algorithms if library == "networkx" else igraph_algorithms
    version, load_ms, algorithms = build(job, n, group, edges, weights)
    print(f"    {library} {version}: graph built in {load_ms:.1f} ms", file=sys.stderr, flush=True)
    results = dict(job["skip"])
    report = {"library": library, "version": version, "n": n, "m": len(edges), "loadMs": load_ms, "results": results}

    def save():
        # after every algorithm: if the parent kills this process at its time limit, what finished is kept
        with open(job["out"], "w", encoding="utf-8") as f:
            json.dump(report, f)

    save()
    for name in job["run"]:
        if name not in algorithms:
            results[name] = {"status": "n/a", "note": NOT_IN[library].get(name, f"not in {library}")}
            save()
            continue
        run, post = algorithms[name]
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # igraph warns that eigenvectors of disconnected graphs are per-component
                ms, cpu_ms, runs, result = repeat(run)
            measured = {"status": "ok", "ms": ms, "cpuMs": cpu_ms, "runs": runs, **post(result)}
        except Exception as error:  # report and go on: one failing algorithm must not lose the others
            measured = {"status": "error", "note": f"{type(error).__name__}: {error}"}
        results[name] = measured
        said = f"{measured['ms'] / 1000:.1f} s" if measured.get("ms", 0) >= 1000 else (
            f"{measured['ms']:.1f} ms" if "ms" in measured else f"{measured['status']}: {measured['note']}")
        print(f"    {library:<8} {name:<20} {said}", file=sys.stderr, flush=True)
        save()


if __name__ == "__main__":
    main()
