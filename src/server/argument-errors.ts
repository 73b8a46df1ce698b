/**
 * GraphQL's own checks of argument values (an unknown enum value such as measure: FOO, a string where
 * an Int belongs) happen before any resolver runs and come back as GRAPHQL_VALIDATION_FAILED without
 * saying which argument failed. The API's rule is BAD_USER_INPUT naming the field, so this finds the
 * argument in the request's document: for a literal, the argument whose value sits where the error
 * points; for a variable ("Variable "$m" got invalid value … at "m.x"", or a required one sent as
 * null or left out), where the variable is used.
 */
import { Kind, parse, visit, type ASTNode, type DocumentNode } from 'graphql';

export type ArgumentPath = (string | number)[];

/** The argument path (["options", "pivots"]) down to the first node inside an argument that `matches`, or null. */
function argumentPathWhere(document: DocumentNode, matches: (node: ASTNode) => boolean): ArgumentPath | null {
  const stack: string[] = [];
  let found: ArgumentPath | null = null;
  visit(document, {
    enter(node: ASTNode) {
      if (found) return false;
      if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) stack.push(node.name.value);
      else if (stack.length > 0 && matches(node)) found = [...stack];
      return undefined;
    },
    leave(node: ASTNode) {
      if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) stack.pop();
    },
  });
  return found;
}

/** Argument path of the value at `offset`. */
const pathAtOffset = (document: DocumentNode, offset: number) => argumentPathWhere(document, (node) => node.loc?.start === offset);

/** Argument path where `$name` is used. */
const pathOfVariable = (document: DocumentNode, name: string) => argumentPathWhere(document, (node) => node.kind === Kind.VARIABLE && node.name.value === name);

const VARIABLE = /^Variable "\$(\w+)" got invalid value .*?(?: at "([\w.[\]]+)")?;/s;
/** A required variable sent as null or left out: the argument it feeds is the field. */
const MISSING_VARIABLE = /^Variable "\$(\w+)" of (?:non-null|required) type ".*?" (?:must not be null|was not provided)\./s;

/** The parts of a GraphQLError read here; duck-typed, since a test runner may load graphql twice (CJS and ESM). */
interface ErrorLike {
  message: string;
  source?: { body: string };
  nodes?: readonly { loc?: { start: number } }[];
}

/**
 * The request's document, parsed once for all its errors: the errors of one document share its
 * Source, and re-parsing a large document for each of a hundred bad values held the event loop for
 * seconds.
 */
const parsed = new WeakMap<object, DocumentNode | null>();

function documentOf(source: { body: string }): DocumentNode | null {
  if (parsed.has(source)) return parsed.get(source)!;
  let document: DocumentNode | null;
  try {
    document = parse(source.body);
  } catch {
    document = null;
  }
  parsed.set(source, document);
  return document;
}

export function argumentPathOf(candidate: unknown): ArgumentPath | null {
  const error = candidate as ErrorLike | null;
  if (typeof error !== 'object' || error === null || typeof error.message !== 'string' || typeof error.source?.body !== 'string') return null;
  const document = documentOf(error.source);
  if (!document) return null;
  const missing = MISSING_VARIABLE.exec(error.message);
  if (missing) return pathOfVariable(document, missing[1]!);
  const variable = VARIABLE.exec(error.message);
  if (variable) {
    const base = pathOfVariable(document, variable[1]!);
    if (!base) return null;
    // "m.options.pivots" or "m[2]": the part after the variable's own name.
    const rest = (variable[2] ?? '').split(/[.[\]]/).filter(Boolean).slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    return [...base, ...rest];
  }
  const value = error.nodes?.[0];
  if (!value?.loc || !/^(Enum|Int|Float|String|Boolean|ID|Expected value|Value|Field ".*" of required type)/.test(error.message)) return null;
  return pathAtOffset(document, value.loc.start);
}
