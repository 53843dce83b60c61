import * as fs from 'fs';
import { CodeInfo } from './code-info';
import { ALL_CODES } from './codes';

const INTRO = `# Troubleshooting: every error and warning code

This page is generated from the code registry (\`src/rules/codes*.ts\`) by \`npx projen docs\`; a test fails when it
and the code drift apart. Each finding the library reports starts with its code in brackets, followed by the field,
the value it got, what it expected and the fix (construct path first):

\`\`\`
[app/plc-1] [VM_MASK_OUT_OF_RANGE] realtimeMask: got "0-7", expected vCPU ids 0-3 (the VM has 4 vCPUs; "0-7"
names others, which virt-handler silently ignores); fix: name only vCPUs 0-3, or give the VM more vCPUs
\`\`\`

Errors stop \`cdk8s synth\` (all errors of the app are listed together, each prefixed with its construct path).
Warnings do not; list them with \`Warnings.of(app).list()\`.
`;

/** Renders docs/troubleshooting.md from the registry: codes grouped by area prefix, sorted. */
export function renderTroubleshootingGuide(codes: Record<string, CodeInfo> = ALL_CODES): string {
  const sections: string[] = [INTRO];
  for (const code of Object.keys(codes).sort()) {
    const info = codes[code];
    sections.push([
      `## ${code}`,
      '',
      `*${info.severity}* — ${info.meaning}`,
      '',
      `- **Prevents:** ${info.prevents}`,
      `- **Fix:** ${info.fix}`,
      '',
    ].join('\n'));
  }
  return sections.join('\n');
}

/** Writes the guide (used by the `docs` projen task). */
export function writeTroubleshootingGuide(file: string): void {
  fs.writeFileSync(file, renderTroubleshootingGuide());
}
