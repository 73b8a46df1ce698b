/**
 * Resident ids as a RESEARCHER reads and writes them (src/domain/pseudonymise-policy.ts, "Resident
 * ids"): for a token that sees pseudonyms only, every resident id in an answer is its pseudonym `R-…`,
 * and every pseudonym in a request is read as the id it stands for. The translation itself is
 * src/services/privacy/researcher-view.ts; this plugin finds what to translate, by the schema:
 *
 * - before execution, every argument value of type ID or String (literals, defaults and variables,
 *   in input objects and lists too; JSON parameters are the research query's own and are left
 *   alone): a pseudonym → the resident's id, a list cursor of a pseudonym → the cursor of the id, a
 *   real resident id → a stand-in that exists nowhere (answered as an unknown id is). The cursor of
 *   the residents list takes a cursor of a pseudonym only: its order is the ids' order, and any other
 *   position would let a researcher search the real ids by comparison;
 * - before sending, every leaf of the answer: an ID that is a resident's → its pseudonym, a cursor of
 *   one → the cursor of its pseudonym, a text (String, JSON, error messages and extensions) → each
 *   resident id in it replaced, and each individual partner's name replaced as the pseudonymised
 *   export replaces it. What the researcher wrote in the request is echoed as written (a stand-in as
 *   the id it replaced): replacing it would tell them it was a resident's id or a partner's name.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { databaseUnavailable, ReweaveError } from '../domain/errors.ts';
import { seesPseudonymsOnly } from '../domain/permissions.ts';
import type { GraphQLContext } from '../resolvers/context.ts';
import { ResearcherView } from '../services/privacy/researcher-view.ts';
import { translateAnswer } from './pseudonyms/answer.ts';
import { translateRequest } from './pseudonyms/request.ts';
import type { Json } from './pseudonyms/types.ts';

interface Translated {
  view: ResearcherView;
  /** The variables as sent, put back for the plugins that read them after the answer (the audit log). */
  variables: Record<string, Json> | undefined;
}

export function pseudonymPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ contextValue }) {
      const principal = contextValue.services?.principal;
      if (!principal || !seesPseudonymsOnly(principal)) return undefined;
      let translated: Translated | undefined;
      return {
        async didResolveOperation(rc) {
          const view = await ResearcherView.open(rc.contextValue.services);
          translated = { view, variables: rc.request.variables };
          await translateRequest(rc, view);
        },
        async willSendResponse(rc) {
          // Put back synchronously, before the other plugins' willSendResponse read them.
          if (translated) rc.request.variables = translated.variables;
          // Refused before it ran (a parse or validation error, a limit): nothing was read, and the
          // errors quote only the request.
          if (!translated) return;
          try {
            await translateAnswer(rc, translated.view, rc.request.variables);
          } catch (error) {
            // An answer that could not be translated is not sent: what the database could not tell
            // apart might be a resident's id.
            const refusal = error instanceof ReweaveError && error.code === 'DATABASE_UNAVAILABLE' ? error : databaseUnavailable(error);
            if (!(error instanceof ReweaveError)) console.error('[reweave] researcher answer not translated:', error);
            rc.response.body = { kind: 'single', singleResult: { errors: [{ message: refusal.message, extensions: { code: refusal.code } }] } };
            rc.response.http.status = 503;
          }
        },
      };
    },
  };
}
