/**
 * The query limits as Apollo Server pieces: the token cap goes to the parser (parseOptions), the
 * shape rules to validation, and the cost check runs once the operation is known (it needs the
 * request's variables, which validation rules do not see) and before any resolver.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { costOf } from './cost.ts';
import { refusal } from './refusal.ts';
import { aliasRule, depthRule } from './shape-rules.ts';
import type { QueryLimits } from './settings.ts';

export function costPlugin<T extends object>(limits: QueryLimits): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName, response }) {
          const cost = costOf(schema, document, request.variables, operationName ?? undefined);
          if (cost !== null && cost > limits.maxCost) {
            // The status is set here as well as in the error's extensions: Apollo keeps the error's
            // own only when the error is its graphql module's GraphQLError (format-error.ts).
            response.http.status = 400;
            throw refusal('cost', cost, limits.maxCost);
          }
        },
      };
    },
  };
}

export const limitRules = (limits: QueryLimits) => [depthRule(limits.maxDepth), aliasRule(limits.maxAliases)];

export const parseOptions = (limits: QueryLimits) => ({ maxTokens: limits.maxTokens });
