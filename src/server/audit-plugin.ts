/**
 * Every mutation request goes into the audit log (src/services/audit) once its answer is known and
 * before it is sent: who (the token), which mutation fields, the variables without secrets, and the
 * outcome (OK, or ERROR with the error codes). A request refused before it had a token (no or an
 * unknown token) never reaches this plugin and is not logged: it changed nothing and names no one.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind } from 'graphql';
import type { Database } from '../db/database.ts';
import { AuditWriter } from '../services/audit/audit-log.ts';
import { redactedVariables } from '../services/audit/redact.ts';
import type { GraphQLContext } from '../resolvers/context.ts';

export function auditPlugin(db: Database): ApolloServerPlugin<GraphQLContext> {
  const writer = new AuditWriter(db);
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, request, response, contextValue, errors }) {
          if (operation?.operation !== 'mutation') return;
          const fields = operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
          const body = response.body.kind === 'single' ? response.body.singleResult : null;
          // The formatted errors carry the API's codes; the raw ones only where nothing was formatted.
          const all = body?.errors ?? errors ?? [];
          const codes = [...new Set(all.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))];
          const principal = contextValue.services?.principal;
          await writer.record({
            at: new Date(),
            tokenId: principal?.tokenId ?? null,
            role: principal?.role ?? null,
            tokenCommunities: [...(principal?.communities ?? [])],
            operationName: operation.name?.value ?? request.operationName ?? null,
            fields,
            variables: redactedVariables(request.variables, fields),
            outcome: all.length === 0 ? 'OK' : 'ERROR',
            errorCodes: codes,
          });
        },
      };
    },
  };
}
