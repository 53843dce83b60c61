import * as fc from 'fast-check';

// Property tests run with a fixed seed so CI is reproducible; set FC_SEED to explore other inputs locally
// (`FC_SEED=$RANDOM npx projen test`). A failure prints its seed and counterexample either way.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261126) });
