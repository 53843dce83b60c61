// The library prints its warnings on stderr at synth (warning-output.ts). Tests synthesize thousands of apps with
// warnings on purpose; the ones about printing turn it back on for themselves.
process.env.KUBEVIRT_REALTIME_QUIET = '1';
