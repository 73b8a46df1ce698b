/**
 * What a stable id may look like, everywhere ids enter: GraphQL inputs, dataset files, the CLIs and
 * the demo generator. Letters (any script), digits and _ . : - — safe in files, URLs and logs.
 */
export const ID_PATTERN = /^[\p{L}\p{N}_.:-]{1,200}$/u;
export const ID_RULE = 'letters, digits, _ . : - only (at most 200) / 只能包含字母、数字和 _ . : -';

export const isId = (value: string): boolean => ID_PATTERN.test(value);
