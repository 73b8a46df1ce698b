/**
 * What a stable id may look like, everywhere ids enter: GraphQL inputs, dataset files, the CLIs and
 * the demo generator. Letters (any script), digits and _ . : - — safe in files, URLs and logs.
 */
export const ID_PATTERN = /^[\p{L}\p{N}_.:-]{1,200}$/u;
export const ID_RULE = 'letters, digits, _ . : - only (at most 200), and not a name of Object.prototype such as constructor / 只能包含字母、数字和 _ . : -，且不能是 constructor 等保留名';

// Graph analytics keep a node's neighbours in plain objects keyed by id (graphology), where
// "constructor", "__proto__" or "toString" find Object.prototype's members: such an id makes every
// projection of its community fail. These names are no one's id.
const RESERVED = new Set(Object.getOwnPropertyNames(Object.prototype));

export const isId = (value: string): boolean => ID_PATTERN.test(value) && !RESERVED.has(value);
