/**
 * A researcher's Cypher, parsed by Neo4j's own maintained grammar (@neo4j-cypher/language-support,
 * the ANTLR grammar behind Neo4j's editors and language server), into a plain tree of rule names and
 * tokens with their offsets. The checker (check.ts) reads only this tree, never the text, so what it
 * judges is what the grammar sees; every syntax error the lexer or parser reports is kept, and a
 * query with any is refused before it gets anywhere near the database.
 *
 * The package is loaded as CommonJS: its ES-module build imports files without extensions, which
 * Node does not resolve. Only the lexer, the parser and antlr4's streams are used, through the small
 * structural types below.
 */
import { createRequire } from 'node:module';

export interface RuleNode {
  readonly kind: 'rule';
  readonly rule: string;
  readonly children: readonly CypherNode[];
  readonly start: number;
  /** Offset of the last character (inclusive), -1 for a rule that matched nothing. */
  readonly stop: number;
}

export interface TokenNode {
  readonly kind: 'token';
  /** The token's symbolic name in the lexer (STRING_LITERAL1, ESCAPED_SYMBOLIC_NAME, …), or its literal. */
  readonly type: string;
  readonly text: string;
  readonly start: number;
  readonly stop: number;
}

export type CypherNode = RuleNode | TokenNode;

export interface ParsedCypher {
  readonly tree: RuleNode;
  /** Every token the lexer made, in order, read whether or not the parser could place it. */
  readonly tokens: readonly TokenNode[];
  /** Hidden tokens (comments, white space) in order; they are not part of the tree. */
  readonly hidden: readonly TokenNode[];
  readonly errors: readonly { offset: number; message: string }[];
  /**
   * Where the tokens broke a limit before anything was parsed: ANTLR's prediction grows steeply with
   * nesting (fifty nested CASE expressions took 28 s here) and its recursion overflows the stack on a
   * few thousand brackets, so both are counted on the token stream, which costs linear time.
   */
  readonly limit?: { kind: 'nesting' | 'tokens'; offset: number; value: number };
}

export interface ParseLimits {
  /** Brackets and CASE … END open at once. */
  readonly maxDepth: number;
  /** Tokens other than white space and comments. */
  readonly maxTokens: number;
}

const OPENERS = new Set(['LPAREN', 'LBRACKET', 'LCURLY', 'CASE']);
const CLOSERS = new Set(['RPAREN', 'RBRACKET', 'RCURLY', 'END']);

interface AntlrToken { type: number; text: string; start: number; stop: number; channel: number }
interface AntlrTree {
  symbol?: AntlrToken;
  ruleIndex?: number;
  children?: AntlrTree[] | null;
  start?: AntlrToken;
  stop?: AntlrToken | null;
}
interface ErrorListener {
  syntaxError(recognizer: unknown, symbol: AntlrToken | null, line: number, column: number, message: string): void;
  reportAmbiguity(): void;
  reportAttemptingFullContext(): void;
  reportContextSensitivity(): void;
}
interface Recognizer {
  removeErrorListeners(): void;
  addErrorListener(listener: ErrorListener): void;
}
interface Lexer extends Recognizer { readonly symbolicNames: (string | null)[]; readonly literalNames: (string | null)[] }
interface Parser extends Recognizer { readonly ruleNames: string[]; statementsOrCommands(): AntlrTree }
interface TokenStream { fill(): void; readonly tokens: AntlrToken[] }

interface LanguageSupport {
  CypherLexer: new (input: unknown) => Lexer;
  CypherParser: new (tokens: TokenStream) => Parser;
}
interface Antlr {
  CharStream: new (text: string, decodeToUnicodeCodePoints?: boolean) => unknown;
  CommonTokenStream: new (lexer: Lexer) => TokenStream;
}

const require = createRequire(import.meta.url);
const support = require('@neo4j-cypher/language-support') as LanguageSupport;
const antlr = require('antlr4') as Antlr;

const EOF = -1;

/** Parses one query; never throws on bad input (the errors, or the limit, say what is wrong). */
export function parseCypher(text: string, limits: ParseLimits = { maxDepth: Infinity, maxTokens: Infinity }): ParsedCypher {
  const errors: { offset: number; message: string }[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i += 1) if (text[i] === '\n') lineStarts.push(i + 1);
  const listener: ErrorListener = {
    syntaxError: (_r, symbol, line, column, message) => {
      errors.push({ offset: symbol ? symbol.start : (lineStarts[line - 1] ?? 0) + column, message });
    },
    reportAmbiguity: () => {},
    reportAttemptingFullContext: () => {},
    reportContextSensitivity: () => {},
  };
  // UTF-16 units, as Neo4j's Java lexer reads them, so that offsets are offsets into the JS string.
  const lexer = new support.CypherLexer(new antlr.CharStream(text, false));
  lexer.removeErrorListeners();
  lexer.addErrorListener(listener);
  const tokens = new antlr.CommonTokenStream(lexer);
  tokens.fill();
  const visible = tokens.tokens.filter((t) => t.channel === 0 && t.type !== EOF);
  const symbolic = (type: number) => lexer.symbolicNames[type] ?? '';
  let limit: ParsedCypher['limit'];
  if (visible.length > limits.maxTokens) limit = { kind: 'tokens', offset: visible[limits.maxTokens]!.start, value: visible.length };
  let depth = 0;
  for (const t of visible) {
    if (limit) break;
    if (OPENERS.has(symbolic(t.type))) depth += 1;
    else if (CLOSERS.has(symbolic(t.type))) depth -= 1;
    if (depth > limits.maxDepth) limit = { kind: 'nesting', offset: t.start, value: depth };
  }
  const parser = new support.CypherParser(tokens);
  parser.removeErrorListeners();
  parser.addErrorListener(listener);
  // Nothing is parsed past a limit: the tree is an empty root.
  const root: AntlrTree = limit ? { ruleIndex: -1, children: [] } : parser.statementsOrCommands();

  const typeName = (type: number): string => {
    if (type === EOF) return 'EOF';
    return lexer.symbolicNames[type] ?? lexer.literalNames[type] ?? String(type);
  };
  const toToken = (t: AntlrToken): TokenNode => ({ kind: 'token', type: typeName(t.type), text: t.text, start: t.start, stop: t.stop });
  const convert = (node: AntlrTree): CypherNode => {
    if (node.symbol) return toToken(node.symbol);
    const children = (node.children ?? []).map(convert);
    return {
      kind: 'rule',
      rule: parser.ruleNames[node.ruleIndex ?? -1] ?? 'unknown',
      children,
      start: node.start?.start ?? 0,
      stop: node.stop?.stop ?? -1,
    };
  };
  const tree = convert(root) as RuleNode;
  const all = tokens.tokens.filter((t) => t.type !== EOF);
  return { tree, tokens: all.filter((t) => t.channel === 0).map(toToken), hidden: all.filter((t) => t.channel !== 0).map(toToken), errors, ...(limit ? { limit } : {}) };
}

/** Every token under a node, in order. */
export function tokensOf(node: CypherNode): TokenNode[] {
  if (node.kind === 'token') return node.type === 'EOF' ? [] : [node];
  return node.children.flatMap(tokensOf);
}

/** Every rule node under (and including) a node, depth first. */
export function* rulesOf(node: CypherNode): Generator<RuleNode> {
  if (node.kind === 'token') return;
  yield node;
  for (const child of node.children) yield* rulesOf(child);
}

export function childRules(node: RuleNode, rule: string): RuleNode[] {
  return node.children.filter((c): c is RuleNode => c.kind === 'rule' && c.rule === rule);
}

export function firstRule(node: CypherNode, rule: string): RuleNode | undefined {
  for (const r of rulesOf(node)) if (r.rule === rule) return r;
  return undefined;
}

/** The text of a node's tokens joined without hidden tokens (a name, a keyword sequence). */
export function textOf(node: CypherNode): string {
  return tokensOf(node).map((t) => t.text).join('');
}
