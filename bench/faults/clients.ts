/**
 * Clients that keep sending requests to the service while a fault is made, and remember every
 * answer: when it was sent and answered, the HTTP status (null: no answer — refused connection,
 * reset, timeout), the error codes in the body, and for writes the id written. Each client
 * alternates a read (a page of the bench community's residents) and a write (createResident with
 * an id of its own, named FaultWrite so its audit entries can be found), or sends only writes.
 */
export interface Outcome {
  kind: 'read' | 'write';
  /** The resident id a write creates. */
  id?: string;
  sentAt: number;
  doneAt: number;
  status: number | null;
  codes: string[];
  /** 200, no errors, and for a write the answer names the id sent. */
  ok: boolean;
  /** The answer says its change may or may not have been saved (writeOutcome UNKNOWN, or auditRecorded false). */
  uncertain: boolean;
}

export const WRITE = 'mutation FaultWrite($input: CreateResidentInput!) { createResident(input: $input) { id } }';
const READ = 'query FaultRead($c: ID!) { residents(first: 20, filter: { communityIds: [$c] }) { edges { node { id } } } }';

export async function send(url: string, token: string, kind: Outcome['kind'], body: { query: string; variables: Record<string, unknown> }, id?: string, timeoutMs = 90_000): Promise<Outcome> {
  const sentAt = performance.now();
  try {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let parsed: { data?: { createResident?: { id?: string } } | null; errors?: { extensions?: { code?: string; auditRecorded?: boolean; writeOutcome?: string } }[] } = {};
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = { errors: [{ extensions: { code: `(not JSON: ${text.slice(0, 40)})` } }] };
    }
    const codes = (parsed.errors ?? []).map((e) => String(e.extensions?.code ?? '(no code)'));
    const ok = res.status === 200 && codes.length === 0 && (kind === 'read' || parsed.data?.createResident?.id === id);
    const uncertain = (parsed.errors ?? []).some((e) => e.extensions?.auditRecorded === false || e.extensions?.writeOutcome === 'UNKNOWN');
    return { kind, ...(id ? { id } : {}), sentAt, doneAt: performance.now(), status: res.status, codes, ok, uncertain };
  } catch (error) {
    const name = (error as Error).name === 'TimeoutError' ? 'client timeout' : `no answer: ${((error as Error).cause as Error | undefined)?.message ?? (error as Error).message}`;
    return { kind, ...(id ? { id } : {}), sentAt, doneAt: performance.now(), status: null, codes: [name], ok: false, uncertain: true };
  }
}

export interface Clients {
  outcomes: Outcome[];
  /** Stops sending; resolves when every request in flight has its outcome. */
  stop(): Promise<void>;
}

export function startClients(options: { url: string; token: string; communityId: string; clients: number; pauseMs: number; idPrefix: string; writesOnly?: boolean }): Clients {
  const outcomes: Outcome[] = [];
  let running = true;
  let written = 0;
  const loop = async (client: number) => {
    let write = options.writesOnly || client % 2 === 0;
    while (running) {
      if (write) {
        const id = `${options.idPrefix}-${client}-${(written += 1)}`;
        outcomes.push(await send(options.url, options.token, 'write', { query: WRITE, variables: { input: { id, communityId: options.communityId, displayName: `故障居民 ${id}` } } }, id));
      } else {
        outcomes.push(await send(options.url, options.token, 'read', { query: READ, variables: { c: options.communityId } }));
      }
      write = options.writesOnly || !write;
      await new Promise((r) => setTimeout(r, options.pauseMs));
    }
  };
  const loops = Array.from({ length: options.clients }, (_, i) => loop(i));
  return {
    outcomes,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}
