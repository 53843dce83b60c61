import { CPU_MANAGER_STATE_FILE, kubeletStateResetNote, MEMORY_MANAGER_STATE_FILE, NO_TUNED_LIMITATION } from '../../../src/backends/node-notes/kubelet-state-reset';

describe('kubelet state reset note', () => {
  test('names both checkpoints, the drain, talos#7504 and the platform step', () => {
    const note = kubeletStateResetNote('on this platform: do X');
    expect(note).toContain(CPU_MANAGER_STATE_FILE);
    expect(note).toContain(MEMORY_MANAGER_STATE_FILE);
    expect(note).toContain('drain the node');
    expect(note).toContain('talos#7504');
    expect(note).toMatch(/on this platform: do X$/);
  });

  test('the TuneD limitation names what is missing', () => {
    expect(NO_TUNED_LIMITATION).toContain('SCHED_FIFO 11');
    expect(NO_TUNED_LIMITATION).toContain('stalld');
  });
});
