// Entry point of the import's staging thread, in plain JavaScript so Node runs it with no loader: a
// worker does not inherit the parent's TypeScript loader reliably (tsx, vitest and `node --import
// tsx` each install theirs differently), so it registers tsx's hooks, then loads the worker.
import { register } from 'tsx/esm/api';

register();
await import('./stage-worker.ts');
