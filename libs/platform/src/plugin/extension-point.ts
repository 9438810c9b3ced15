/** A typed slot that one plugin declares and others fill. Its id is `<pluginId>.<name>`. */
export interface ExtensionPoint<T, S extends boolean = boolean> {
  readonly kind: 'extensionPoint';
  readonly id: string;
  /** A single-value point takes exactly one contribution and refuses a second. */
  readonly single: S;
  /** Carries the contribution type; never set at run time. */
  readonly T?: T;
}

/** Creates the ref of an extension point that takes many contributions, each with an `id`. */
export function createExtensionPoint<T extends { readonly id: string }>(options: {
  id: string;
}): ExtensionPoint<T, false> {
  return { kind: 'extensionPoint', id: options.id, single: false };
}

/** Creates the ref of an extension point that takes exactly one value (for example a storage backend). */
export function createSingleExtensionPoint<T>(options: { id: string }): ExtensionPoint<T, true> {
  return { kind: 'extensionPoint', id: options.id, single: true };
}
