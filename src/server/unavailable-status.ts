/**
 * An answer that is nothing but DATABASE_UNAVAILABLE goes out as HTTP 503, wherever the error arose.
 * Before the token cache every request read its token from the database first, so an outage was
 * refused while the context was built (503); now a known token gets as far as the fields, and
 * GraphQL would answer their errors with 200. Clients and load balancers retry on 503, so the status
 * should not depend on where the request happened to meet the outage. An answer with data from any
 * field keeps its 200: some of it is good.
 */
import type { ApolloServerPlugin } from '@apollo/server';

export function unavailableStatusPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (!errors || errors.length === 0 || !errors.every((e) => e.extensions?.code === 'DATABASE_UNAVAILABLE')) return;
          const answered = data !== null && data !== undefined && Object.values(data).some((v) => v !== null);
          if (!answered) response.http.status = 503;
        },
      };
    },
  };
}
