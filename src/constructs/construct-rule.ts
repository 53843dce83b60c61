import { Prop } from '../values/prop-check';

/**
 * Any construct of an app, for entry points that walk the app from it (`ReviewPages.write`,
 * `KubeVirtConfiguration.findIn`): recognised by its construct node, so constructs of another copy of the
 * `constructs` package count.
 */
export const CONSTRUCT = Prop.satisfies('a construct of the app (e.g. the chart)', (v) => {
  const node = v !== null && typeof v === 'object' ? (v as { node?: { root?: unknown; findAll?: unknown } }).node : undefined;
  return node !== undefined && node !== null && typeof node.findAll === 'function' && node.root !== undefined;
}, 'pass the app, a chart or any construct of the app');
