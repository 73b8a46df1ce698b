/**
 * A Python virtual environment under .reweave/ (git-ignored) with the packages of one pinned
 * requirements file from PyPI, made on first use and reused while that file is unchanged. The bench
 * (bench/python/requirements.txt) and the tests that read reweave's output back with NetworkX
 * (test/python/requirements.txt) each have their own.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');

export interface Venv {
  /** the venv's interpreter, or null when it could not be made */
  python: string | null;
  /** what went wrong, when something did */
  problem: string | null;
}

export function run(command: string, args: string[]): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', cwd: ROOT });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`.trim();
  return { ok: result.status === 0 && !result.error, output };
}

export const lastLines = (text: string, count = 3): string => text.split('\n').slice(-count).join(' | ');

/** Makes (or reuses) `.reweave/<name>` with the requirements installed; `log` hears what it does. */
export function ensureVenv(name: string, requirements: string, log: (line: string) => void): Venv {
  const venv = path.join(ROOT, '.reweave', name);
  const base = process.env.PYTHON ?? 'python3';
  const python = path.join(venv, 'bin', 'python');
  const stamp = path.join(venv, 'requirements.sha256');
  const wanted = createHash('sha256').update(readFileSync(requirements)).digest('hex');
  if (existsSync(python) && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return { python, problem: null };
  log(`python: creating ${path.relative(ROOT, venv)} with ${base} and installing ${path.relative(ROOT, requirements)} (PyPI) …`);
  if (!existsSync(python)) {
    const made = run(base, ['-m', 'venv', venv]);
    if (!made.ok) return { python: null, problem: `\`${base} -m venv\` failed (${lastLines(made.output)})` };
  }
  const installed = run(python, ['-m', 'pip', 'install', '--disable-pip-version-check', '-q', '-r', requirements]);
  if (!installed.ok) return { python, problem: `pip install failed (${lastLines(installed.output)})` };
  writeFileSync(stamp, wanted);
  return { python, problem: null };
}
