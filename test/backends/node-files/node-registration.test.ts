import { TaintEffect } from 'cdk8s-plus-27';
import { nodeLabelsArg, taintObjects } from '../../../src/backends/node-files/node-registration';

describe('node registration', () => {
  test('--node-labels text: key=value sorted by key, empty values kept as key=', () => {
    expect(nodeLabelsArg({ 'b.example/x': 'y', 'a.example/rt': '' })).toBe('a.example/rt=,b.example/x=y');
    expect(nodeLabelsArg({})).toBe('');
  });

  test('taints as Kubernetes Taint objects, value only when set', () => {
    expect(taintObjects([
      { key: 'kubevirt.io/realtime', effect: TaintEffect.NO_SCHEDULE },
      { key: 'dedicated', value: 'rt', effect: TaintEffect.NO_EXECUTE },
    ])).toEqual([
      { key: 'kubevirt.io/realtime', effect: 'NoSchedule' },
      { key: 'dedicated', value: 'rt', effect: 'NoExecute' },
    ]);
  });
});
