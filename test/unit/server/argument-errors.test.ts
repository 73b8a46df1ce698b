import { buildSchema, parse, validate, GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { argumentPathOf } from '../../../src/server/argument-errors.ts';

const schema = buildSchema(`
  enum Measure { A B }
  input Opts { measure: Measure, pivots: Int }
  type Query { run(measure: Measure!, options: Opts): Int }
`);

const firstError = (query: string) => validate(schema, parse(query))[0]!;

describe('argumentPathOf', () => {
  it('names the argument of an unknown enum literal', () => {
    expect(argumentPathOf(firstError('{ run(measure: C) }'))).toEqual(['measure']);
  });

  it('names a nested input field of a wrong literal', () => {
    expect(argumentPathOf(firstError('{ run(measure: A, options: { pivots: "x" }) }'))).toEqual(['options', 'pivots']);
    expect(argumentPathOf(firstError('{ run(measure: A, options: { measure: Z }) }'))).toEqual(['options', 'measure']);
  });

  it('names the argument a bad variable feeds, with the path inside it', () => {
    const source = 'query($m: Measure!, $o: Opts) { run(measure: $m, options: $o) }';
    const document = parse(source);
    const at = (message: string) => new GraphQLError(message, { source: document.loc!.source });
    expect(argumentPathOf(at('Variable "$m" got invalid value "C"; Value "C" does not exist in "Measure" enum.'))).toEqual(['measure']);
    expect(argumentPathOf(at('Variable "$o" got invalid value "x" at "o.pivots"; Int cannot represent non-integer value: "x"'))).toEqual(['options', 'pivots']);
  });

  it('names the argument of a required variable sent as null or left out', () => {
    const source = 'query($m: Measure!, $o: Opts) { run(measure: $m, options: $o) }';
    const at = (message: string) => new GraphQLError(message, { source: parse(source).loc!.source });
    expect(argumentPathOf(at('Variable "$m" of non-null type "Measure!" must not be null.'))).toEqual(['measure']);
    expect(argumentPathOf(at('Variable "$m" of required type "Measure!" was not provided.'))).toEqual(['measure']);
  });

  it('leaves other errors alone', () => {
    expect(argumentPathOf(firstError('{ nope }'))).toBeNull();
    expect(argumentPathOf(new Error('plain'))).toBeNull();
  });
});
