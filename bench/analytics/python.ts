/**
 * The Python side of bench/analytics: a venv in .reweave/bench-venv (git-ignored) with
 * bench/python/requirements.txt, reused while the requirements are unchanged. Any failure (no
 * python3, no venv module, pip cannot reach PyPI) is reported with its reason and the bench goes on
 * with the reweave column alone, as the issue asks.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const VENV = path.join(ROOT, '.reweave', 'bench-venv');
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

function run(command: string, args: string[]): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', cwd: ROOT });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`.trim();
  return { ok: result.status === 0 && !result.error, output };
}

const lastLines = (text: string, count = 3): string => text.split('\n').slice(-count).join(' | ');

export function setUpPython(log: (line: string) => void): PythonSide {
  const base = process.env.PYTHON ?? 'python3';
  const python = path.join(VENV, 'bin', 'python');
  const stamp = path.join(VENV, 'requirements.sha256');
  const wanted = createHash('sha256').update(readFileSync(REQUIREMENTS)).digest('hex');
  const fresh = existsSync(python) && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted;
  if (!fresh) {
    log(`python: creating ${path.relative(ROOT, VENV)} with ${base} and installing bench/python/requirements.txt (PyPI) …`);
    if (!existsSync(python)) {
      const made = run(base, ['-m', 'venv', VENV]);
      if (!made.ok) return { python: null, libraries: [], note: `no Python columns: \`${base} -m venv\` failed (${lastLines(made.output)})` };
    }
    const installed = run(python, ['-m', 'pip', 'install', '--disable-pip-version-check', '-q', '-r', REQUIREMENTS]);
    if (!installed.ok) log(`python: pip install failed (${lastLines(installed.output)}); using whatever imports`);
    else writeFileSync(stamp, wanted);
  }
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
    : `${version} in ${path.relative(ROOT, VENV)}${missing.length ? `; ${missing.join('; ')}` : ''}`;
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
