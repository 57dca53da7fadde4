/** The engine's default operator list (an internal module), used to check our operators against it. */
declare module 'json-rules-engine/dist/engine-default-operators' {
  const operators: readonly { readonly name: string; evaluate(factValue: unknown, jsonValue: unknown): boolean }[];
  export default operators;
}
