import { Testing } from 'cdk8s';
import { keptForApp, oncePerValidationPass, onceForKey, openValidationPasses } from '../../../src/constructs/app/validation-pass';

describe('onceForKey', () => {
  test('computes once per key, an undefined result included', () => {
    const memo = new Map<string, number | undefined>();
    let calls = 0;
    const compute = () => {
      calls++;
      return undefined;
    };
    expect(onceForKey(memo, 'a', compute)).toBeUndefined();
    expect(onceForKey(memo, 'a', compute)).toBeUndefined();
    expect(calls).toBe(1);
    expect(onceForKey(memo, 'b', () => 2)).toBe(2);
  });
});

describe('oncePerValidationPass and keptForApp', () => {
  test('a pass keeps a fact until the next pass opens; the app keeps its results across passes', () => {
    const chart = Testing.chart();
    openValidationPasses(chart);
    let facts = 0;
    let kept = 0;
    const seen: number[] = [];
    chart.node.addValidation({
      validate: () => {
        seen.push(oncePerValidationPass(chart, 'fact', () => ++facts), oncePerValidationPass(chart, 'fact', () => ++facts));
        keptForApp(chart, 'result', () => ++kept);
        return [];
      },
    });
    chart.node.root.node.validate();
    chart.node.validate();
    chart.node.root.node.validate(); // a new pass
    chart.node.validate();
    expect(seen).toEqual([1, 1, 2, 2]);
    expect(kept).toBe(1);
    expect(keptForApp(chart, 'result', () => 99)).toBe(1);
  });
});
