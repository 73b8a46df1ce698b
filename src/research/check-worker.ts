/** The research checker's worker thread: checks one query per message and answers with the verdict. */
import { parentPort } from 'node:worker_threads';
import { checkResearchQuery } from './check.ts';
import { ResearchRefusal } from './rules.ts';
import type { CheckReply, CheckRequest } from './checker.ts';

// The grammar's tables are built on the first parse: once, before the first deadline starts.
try {
  checkResearchQuery('RETURN 1 AS warm');
} catch {
  // a refusal or not, the tables are built
}
parentPort!.postMessage({ ready: true });

parentPort!.on('message', (request: CheckRequest) => {
  let reply: CheckReply;
  try {
    reply = { id: request.id, checked: checkResearchQuery(request.text) };
  } catch (error) {
    if (error instanceof ResearchRefusal) reply = { id: request.id, refusal: error.refusal };
    // A stack overflow in the grammar's recursion is a query too complex to check, not a crash.
    else if (error instanceof RangeError) reply = { id: request.id, refusal: { rule: 'complexity', detail: error.message } };
    else reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
