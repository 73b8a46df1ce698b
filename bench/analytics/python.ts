/**
 * The Python side of bench/analytics: a venv in .reweave/bench-venv (git-ignored, scripts/python-venv.ts)
 * with bench/python/requirements.txt, reused while the requirements are unchanged. Any failure (no
 * python3, no venv module, pip cannot reach PyPI) is reported with its reason and the bench goes on
 * with the reweave column alone, as the issue asks.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureVenv, lastLines, ROOT, run } from '../../scripts/python-venv.ts';

export { ROOT };
const REQUIREMENTS = path.join(ROOT, 'bench', 'python', 'requirements.txt');
export const PYTHON_SCRIPT = path.join(ROOT, 'bench', 'python', 'analytics_bench.py');

export interface PythonSide {
  /** the venv's interpreter, or null when the Python columns cannot run */
  python: string | null;
  /** the libraries that import in the venv */
  libraries: ('networkx' | 'igraph')[];
  /** what happened, printed under the table */
  note: string;
}

export function setUpPython(log: (line: string) => void): PythonSide {
  const venv = ensureVenv('bench-venv', REQUIREMENTS, log);
  if (!venv.python) return { python: null, libraries: [], note: `no Python columns: ${venv.problem}` };
  if (venv.problem) log(`python: ${venv.problem}; using whatever imports`);
  const python = venv.python;
  const libraries: ('networkx' | 'igraph')[] = [];
  const missing: string[] = [];
  for (const library of ['networkx', 'igraph'] as const) {
    const probe = run(python, ['-c', `import ${library}; print(${library}.__version__)`]);
    if (probe.ok) libraries.push(library);
    else missing.push(`${library} does not import (${lastLines(probe.output, 1)})`);
  }
  const version = run(python, ['--version']).output;
  const note = libraries.length === 0
    ? `no Python columns: ${missing.join('; ')}`
    : `${version} in ${path.relative(ROOT, path.dirname(path.dirname(python)))}${missing.length ? `; ${missing.join('; ')}` : ''}`;
  return { python: libraries.length ? python : null, libraries, note };
}

/**
 * Run a child process with stderr (its progress lines) passed through. After `timeoutMs` it is
 * killed; the runners write their report after every algorithm, so what finished is kept.
 */
export function runChild(command: string, args: string[], timeoutMs: number, env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut });
    });
  });
}
