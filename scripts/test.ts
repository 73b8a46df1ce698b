/**
 * `npm test`: lint, typecheck (the service and web/), the unit and integration tests, then the responsiveness tests in a
 * vitest run of their own (they time /health and need the cores the other files would take). One
 * process that npm signals directly and that passes the signal on (run-steps.ts).
 */
import path from 'node:path';

import { REPO_ROOT } from '../src/db/local/paths.ts';
import { runSteps, type Step } from './run-steps.ts';

const node = process.execPath;
const bin = (rel: string) => path.join(REPO_ROOT, 'node_modules', rel);
const vitest = [node, bin('vitest/vitest.mjs'), 'run'] as const;

const steps: Step[] = [
  [node, '--import', 'tsx', path.join(REPO_ROOT, 'scripts', 'lint-deps.ts')],
  [node, bin('typescript/bin/tsc'), '--noEmit', '-p', REPO_ROOT],
  // The dashboard has its own tsconfig (DOM types, bundler resolution): checked as a step of its own.
  [node, bin('typescript/bin/tsc'), '--noEmit', '-p', path.join(REPO_ROOT, 'web')],
  [...vitest, '--project', 'unit', '--project', 'integration'],
  [...vitest, '--project', 'responsiveness'],
];

process.exit(await runSteps(steps));
