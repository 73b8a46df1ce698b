/**
 * The tie timeline's columns as scalars: a GraphQL list is completed item by item, which for
 * beizhan's 713,133 ties (about 4.3 million numbers in five columns) took seconds of the server's
 * answer; a scalar is serialised once, as the same JSON array. Output only: no argument takes them.
 */
import { GraphQLError, GraphQLScalarType } from 'graphql';

function column(name: string, description: string, item: (v: unknown) => boolean): GraphQLScalarType {
  const refuse = () => {
    throw new GraphQLError(`${name} is an output type only / ${name} 仅用于输出`, { extensions: { code: 'BAD_USER_INPUT' } });
  };
  return new GraphQLScalarType({
    name,
    description,
    serialize: (value) => {
      // Built by the service (src/graph/timeline.ts), never from input: the first item stands for the column.
      if (!Array.isArray(value) || (value.length > 0 && !item(value[0]))) throw new GraphQLError(`${name}: not a column of numbers`);
      return value;
    },
    parseValue: refuse,
    parseLiteral: refuse,
  });
}

export const columnScalars = {
  IntColumn: column('IntColumn', 'A column of integers, sent as one JSON array / 整数列（一个 JSON 数组）', Number.isInteger),
  FloatColumn: column('FloatColumn', 'A column of numbers where null stands for an open bound, sent as one JSON array / 数值列（一个 JSON 数组，空值表示不限）', (v) => v === null || typeof v === 'number'),
};
