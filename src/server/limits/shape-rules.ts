/**
 * Validation rules on the shape of a document: how deep its fields nest and how many aliases it
 * holds. They run beside graphql-js's own rules, before anything is resolved. Depth follows fragment
 * spreads (memoised per fragment, so a fragment spread many times is measured once); the fields of
 * introspection (`__schema`, `__type`, `__typename`) are not counted, so GraphiQL-style tools keep
 * working where introspection is on.
 */
import { Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';
import { refusal } from './refusal.ts';

export function depthRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const memo = new Map<string, number>();
    const depthOf = (set: SelectionSetNode, visiting: Set<string>): number => {
      let deepest = 0;
      for (const s of set.selections) {
        if (s.kind === Kind.FIELD) {
          if (s.name.value.startsWith('__')) continue;
          deepest = Math.max(deepest, 1 + (s.selectionSet ? depthOf(s.selectionSet, visiting) : 0));
        } else if (s.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(s.selectionSet, visiting));
        } else {
          const name = s.name.value;
          const fragment = fragments.get(name);
          // A cycle or an unknown fragment is graphql-js's own rules' to report.
          if (!fragment || visiting.has(name)) continue;
          if (!memo.has(name)) {
            visiting.add(name);
            memo.set(name, depthOf(fragment.selectionSet, visiting));
            visiting.delete(name);
          }
          deepest = Math.max(deepest, memo.get(name)!);
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, new Set());
        if (depth > maxDepth) context.reportError(refusal('depth', depth, maxDepth));
      },
    };
  };
}

export function aliasRule(maxAliases: number) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias) aliases += 1;
      },
      Document: {
        leave() {
          if (aliases > maxAliases) context.reportError(refusal('aliases', aliases, maxAliases));
        },
      },
    };
  };
}
