// Entry point of the research checker's worker thread, in plain JavaScript so Node runs it with no
// loader: register tsx's ESM hooks (a worker does not inherit the parent's TypeScript loader
// reliably), then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./check-worker.ts');
