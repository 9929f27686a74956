/**
 * The arguments a handler gets. A tree context menu calls a command with (clicked node, selected nodes); the
 * handlers take the node and then their own options object, so the selection array is dropped.
 */
export function handlerArguments(args: readonly unknown[]): readonly unknown[] {
  return Array.isArray(args[1]) ? args.slice(0, 1) : args;
}
