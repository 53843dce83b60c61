import { IConstruct } from 'constructs';

// Checks across constructs read app-wide facts: the KubeVirt configuration, every construct of the app, the VMs of a
// pool, the feature uses of every consumer. Reading them walks the whole app, so once per VM or per pool would make
// synthesis quadratic. The app cannot change during one synchronous validation pass, so such facts are read once per
// pass and kept until it ends.
//
// A validation on the root opens a pass (cdk8s validates in pre-order, so the root's validation runs first), and a
// microtask, which runs only after the synchronous code that validated (and, in `synth`/`synthYaml`, rendered) the
// app has finished, closes it. Outside a pass every read computes afresh.

const VALIDATION_PASS = Symbol.for('cdk8s-kubevirt-realtime.validationPass');

/** One validation pass of an app: its facts, by key. */
export type ValidationPass = Map<string, unknown>;

interface PassHolder {
  current?: ValidationPass;
}

/** Makes validations of the app `scope` belongs to run in passes (idempotent; cheap after the first call). */
export function openValidationPasses(scope: IConstruct): void {
  const root = scope.node.root;
  if ((root as any)[VALIDATION_PASS] !== undefined) return;
  const holder: PassHolder = {};
  Object.defineProperty(root, VALIDATION_PASS, { value: holder, enumerable: false });
  root.node.addValidation({
    validate: () => {
      const current: ValidationPass = new Map();
      holder.current = current;
      queueMicrotask(() => {
        if (holder.current === current) holder.current = undefined;
      });
      return [];
    },
  });
}

/** The validation pass the app of `scope` is in, if any. */
export function currentValidationPass(scope: IConstruct): ValidationPass | undefined {
  return ((scope.node.root as any)[VALIDATION_PASS] as PassHolder | undefined)?.current;
}

/** `compute()`, once per validation pass under `key` (afresh outside a pass). */
export function oncePerValidationPass<T>(scope: IConstruct, key: string, compute: () => T): T {
  const pass = currentValidationPass(scope);
  return pass === undefined ? compute() : onceForKey(pass, key, compute) as T;
}

/** `compute()` once per key of `memo` (an undefined result is kept too): the memos of passes, apps and checks. */
export function onceForKey<K, V>(memo: Map<K, V>, key: K, compute: () => V): V {
  if (memo.has(key)) return memo.get(key) as V;
  const value = compute();
  memo.set(key, value);
  return value;
}

/**
 * Every construct of the app in tree order, for validations: one walk per validation pass, a fresh walk outside one.
 * The pool rules, the capacity check of each pool and the configuration's feature uses read the app with it.
 */
export function constructsDuringValidation(scope: IConstruct): IConstruct[] {
  return oncePerValidationPass(scope, 'constructs', () => scope.node.root.node.findAll());
}

/** What `keptForApp` keeps, per app (its root construct). */
const KEPT_FOR_APP = new WeakMap<IConstruct, Map<string, unknown>>();

/**
 * `create()` once per app under `key`, kept as long as the app: a store for results of pure functions whose inputs
 * never change once built (a VM's resolved props and shape, a pool's model), memoized by those inputs. Unlike a
 * validation pass's facts, such results stay valid from one pass to the next, and cdk8s validates the whole app again
 * for each chart it synthesizes.
 */
export function keptForApp<T>(scope: IConstruct, key: string, create: () => T): T {
  const root = scope.node.root;
  let kept = KEPT_FOR_APP.get(root);
  if (kept === undefined) {
    kept = new Map();
    KEPT_FOR_APP.set(root, kept);
  }
  return onceForKey(kept, key, create) as T;
}
