/**
 * Every mutation request goes into the audit log (src/services/audit) once its answer is known and
 * before it is sent: who (the token), which mutation fields, the variables without secrets, and the
 * outcome (OK, or ERROR with the error codes). A request refused before it had a token (no or an
 * unknown token) never reaches this plugin and is not logged: it changed nothing and names no one.
 *
 * An entry that cannot be written (the database unavailable past the writer's retries) makes the
 * answer DATABASE_UNAVAILABLE, 503, with `auditRecorded: false` beside what the mutation returned:
 * thrown from here, Apollo would mask it as a 500 INTERNAL_SERVER_ERROR.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind } from 'graphql';
import type { Database } from '../db/database.ts';
import { ReweaveError } from '../domain/errors.ts';
import { AuditWriter } from '../services/audit/audit-log.ts';
import { redactedVariables } from '../services/audit/redact.ts';
import type { GraphQLContext } from '../resolvers/context.ts';

const NOT_RECORDED = 'The database is unavailable: this request could not be written to the audit log, and its changes may or may not have been saved; read them back before trying again / 数据库暂不可用：本次请求未能写入审计日志，变更可能已保存也可能未保存，请先核对再重试';

export function auditPlugin(db: Database, options: { retryMs?: number } = {}): ApolloServerPlugin<GraphQLContext> {
  const writer = new AuditWriter(db, options);
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
          const recorded = writer.record({
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
          try {
            await recorded;
          } catch (error) {
            if (!body || !(error instanceof ReweaveError) || error.code !== 'DATABASE_UNAVAILABLE') throw error;
            body.errors = [...(body.errors ?? []), { message: NOT_RECORDED, extensions: { code: 'DATABASE_UNAVAILABLE', auditRecorded: false } }];
            response.http.status = 503;
          }
        },
      };
    },
  };
}
