import { Testing } from 'cdk8s';
import { CONSTRUCT } from '../../src/constructs/construct-rule';
import { Finding } from '../../src/values/finding';

const accepts = (value: unknown) => {
  const out: Finding[] = [];
  CONSTRUCT.check(value, 'scope', out);
  return out.length === 0;
};

describe('CONSTRUCT', () => {
  test('accepts an app, a chart or any construct; refuses anything without a construct node', () => {
    const chart = Testing.chart();
    expect(accepts(chart)).toBe(true);
    expect(accepts(chart.node.root)).toBe(true);
    for (const bad of [{}, 'chart', 1, { node: null }, { node: { root: chart } }]) expect(accepts(bad)).toBe(false);
  });
});
