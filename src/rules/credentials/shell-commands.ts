import { isPlaceholderSecret } from './credential-keys';
import { EXPANSION, hasLiteral, lexShell, ShellCommand } from './shell-lexer';

// Shell commands that put a password written in the script into the guest: `chpasswd` or `passwd` fed a literal,
// `usermod`/`useradd -p HASH`, `openssl passwd`/`mkpasswd` with the password as an argument, `sshpass -p`,
// `htpasswd -b`, `curl -u user:password`, `docker login -p`, and any `--...password VALUE` option. A value that is
// only expansions (`"$PW"`, `$(cat /run/secret)`) is read at run time, not written in the manifest: not flagged.
// Naming a command is not a credential: `dnf install -y passwd`, `passwd -l root` and comments are fine.

/** Substitutions inside substitutions read as scripts (`$(echo $(openssl passwd x))`); deeper ones are not read. */
const MAX_SUBSTITUTION_DEPTH = 4;

/** Commands that only run the command after them (their own options skipped). */
const WRAPPERS = new Set(['sudo', 'doas', 'env', 'command', 'exec', 'nohup', 'time', 'nice', 'xargs', 'stdbuf', 'chroot']);
/** Options of wrappers that take a value (`sudo -u user`, `nice -n 5`, `chroot DIR` is handled as a positional). */
const WRAPPER_VALUE_OPTIONS = new Set(['-u', '-g', '-h', '-p', '-C', '-r', '-t', '-U', '-D', '-n', '-o', '-e', '-i', '-I', '-L', '-d']);
/** Shells whose `-c` argument is a script of its own. */
const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'ash', 'mksh', 'busybox', 'su', 'runuser']);
/** useradd/usermod options that take a value (to find `-p` in a cluster such as `-mp HASH`). */
const USERADD_VALUE_OPTIONS = 'bcdefgGkKpsuRPZl';

/** Descriptions of the credentials a script writes, each once, in order. */
export function shellCredentialsIn(script: string): string[] {
  const found = new Set<string>();
  readScript(script, 0, found);
  return [...found];
}

/** Descriptions of the credentials in one command given as an argument vector (cloud-init `runcmd: [[...]]`). */
export function argvCredentialsIn(argv: string[]): string[] {
  const found = new Set<string>();
  readCommand(argv, undefined, 0, found);
  return [...found];
}

function readScript(script: string, depth: number, found: Set<string>): void {
  const substitutions = lexShell(script, (pipeline) => {
    pipeline.forEach((command, k) => {
      const fed = command.stdin ?? (k > 0 ? outputOf(pipeline[k - 1]) : undefined);
      readCommand(command.words, fed, depth, found);
    });
  });
  if (depth < MAX_SUBSTITUTION_DEPTH) {
    for (const inner of substitutions) readScript(inner, depth + 1, found);
  }
}

function readCommand(allWords: string[], stdin: string | undefined, depth: number, found: Set<string>): void {
  const words = withoutWrappers(allWords);
  if (words.length === 0) return;
  const name = basename(words[0]);
  const args = words.slice(1);
  const specific = specificRule(name, args, stdin, depth, found);
  if (!specific) longPasswordOptions(args, found);
}

/** The rules for commands known to take passwords; true when the command was one of them. */
function specificRule(name: string, args: string[], stdin: string | undefined, depth: number, found: Set<string>): boolean {
  switch (name) {
    case 'chpasswd':
      if (stdin !== undefined && stdin.split(/\n|\\n/).some(isUserPasswordLine)) found.add('a password piped into "chpasswd"');
      return true;
    case 'passwd':
    case 'smbpasswd':
      if (stdin !== undefined && hasLiteral(stdin)) found.add(`a password piped into "${name}"`);
      return true;
    case 'useradd':
    case 'usermod':
    case 'adduser':
    case 'luseradd':
    case 'lusermod': {
      const value = shortOptionValue(args, 'p', USERADD_VALUE_OPTIONS) ?? longOptionValue(args, '--password');
      if (value !== undefined && hasLiteral(value) && !isPlaceholderSecret(value)) found.add(`a password hash given to "${name}"`);
      return true;
    }
    case 'openssl':
      if (args[0] === 'passwd' && passwordArgument(args.slice(1), ['-salt', '-in'], ['-stdin'], stdin)) {
        found.add('a password given to "openssl passwd"');
      }
      return args[0] === 'passwd';
    case 'mkpasswd':
      if (passwordArgument(args, ['-m', '-S', '-R', '-P', '--method', '--salt', '--rounds', '--password-fd'], ['-s', '--stdin'], stdin)) {
        found.add('a password given to "mkpasswd"');
      }
      return true;
    case 'sshpass': {
      const value = shortOptionValue(args, 'p', 'pfde');
      if (value !== undefined && hasLiteral(value)) found.add('a password given to "sshpass -p"');
      return true;
    }
    case 'htpasswd': {
      const batch = args.some((a) => /^-[a-zA-Z]*b[a-zA-Z]*$/.test(a));
      const positionals = args.filter((a) => !a.startsWith('-'));
      if (batch && positionals.length >= 2 && hasLiteral(positionals[positionals.length - 1])) found.add('a password given to "htpasswd -b"');
      return true;
    }
    case 'curl': {
      const value = shortOptionValue(args, 'u', 'uodHXAeEbcrTxwKCyY') ?? longOptionValue(args, '--user');
      if (value !== undefined && isUserPasswordLine(value)) found.add('a password given to "curl -u"');
      return false;
    }
    case 'docker':
    case 'podman':
    case 'nerdctl':
    case 'buildah':
    case 'skopeo':
    case 'helm': {
      const login = args.indexOf('login');
      const value = login < 0 ? undefined : shortOptionValue(args.slice(login + 1), 'p', 'pu');
      if (value !== undefined && hasLiteral(value)) found.add(`a password given to "${name} login"`);
      return false;
    }
    default:
      if (SHELLS.has(name)) {
        const script = optionValue(args, '-c');
        if (script !== undefined && depth < MAX_SUBSTITUTION_DEPTH) readScript(script, depth + 1, found);
      }
      return false;
  }
}

/** `--password VALUE`, `--db-password=VALUE`, `--passwd X` on any command (not `--password-stdin`, `--password-file`). */
function longPasswordOptions(args: string[], found: Set<string>): void {
  args.forEach((a, k) => {
    const m = /^--([A-Za-z0-9-]{0,40}(?:password|passwd))(=|$)/i.exec(a);
    if (m === null) return;
    const value = m[2] === '=' ? a.slice(m[0].length) : args[k + 1];
    if (value !== undefined && !value.startsWith('-') && hasLiteral(value) && !isPlaceholderSecret(value)) {
      found.add(`a "--${m[1].toLowerCase()}" option`);
    }
  });
}

/** A `user:password` line with a literal password (cloud-init's `R`/`RANDOM` have no meaning to the command). */
function isUserPasswordLine(line: string): boolean {
  const colon = line.indexOf(':');
  return colon > 0 && hasLiteral(line.slice(colon + 1));
}

/** Whether a password is given as a positional argument (or a literal on stdin with the stdin option). */
function passwordArgument(args: string[], valueOptions: string[], stdinOptions: string[], stdin: string | undefined): boolean {
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (stdinOptions.includes(a)) {
      if (stdin !== undefined && hasLiteral(stdin)) return true;
      continue;
    }
    if (valueOptions.includes(a)) {
      k++;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) continue;
    return hasLiteral(a);
  }
  return false;
}

/**
 * The value of short option `letter` in getopt style: `-p VALUE`, `-pVALUE`, or in a cluster (`-mp VALUE`) where no
 * value-taking option comes before it. `valueLetters` lists the options that take a value.
 */
function shortOptionValue(args: string[], letter: string, valueLetters: string): string | undefined {
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a === '--') return undefined;
    if (!a.startsWith('-') || a.startsWith('--') || a.length < 2) continue;
    for (let j = 1; j < a.length; j++) {
      if (!valueLetters.includes(a[j])) continue;
      if (a[j] !== letter) break;
      return j + 1 < a.length ? a.slice(j + 1) : args[k + 1];
    }
  }
  return undefined;
}

/** The value of a long option: `--name VALUE` or `--name=VALUE`. */
function longOptionValue(args: string[], option: string): string | undefined {
  for (let k = 0; k < args.length; k++) {
    if (args[k] === option) return args[k + 1];
    if (args[k].startsWith(`${option}=`)) return args[k].slice(option.length + 1);
  }
  return undefined;
}

/** The word after an exact option (`-c SCRIPT`). */
function optionValue(args: string[], option: string): string | undefined {
  const k = args.indexOf(option);
  return k < 0 ? undefined : args[k + 1];
}

/** The words from the command that runs: variable assignments and wrappers (`sudo -u x`, `env A=1`) removed. */
function withoutWrappers(words: string[]): string[] {
  let k = 0;
  while (k < words.length) {
    const w = words[k];
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) {
      k++;
    } else if (WRAPPERS.has(basename(w))) {
      k++;
      while (k < words.length && words[k].startsWith('-')) {
        k += WRAPPER_VALUE_OPTIONS.has(words[k]) ? 2 : 1;
      }
    } else {
      break;
    }
  }
  return words.slice(k);
}

/** What a command writes to its standard output, when the script spells it out (`echo`, `printf`, `cat <<EOF`). */
function outputOf(command: ShellCommand): string | undefined {
  const words = withoutWrappers(command.words);
  const name = words.length > 0 ? basename(words[0]) : '';
  if (name === 'echo') {
    const args = words.slice(1);
    while (args.length > 0 && /^-[neE]+$/.test(args[0])) args.shift();
    return args.join(' ');
  }
  if (name === 'printf') return words.slice(1).join(' ');
  if (name === 'cat' && words.length === 1) return command.stdin;
  return undefined;
}

function basename(word: string): string {
  const name = word.slice(word.lastIndexOf('/') + 1);
  return name.includes(EXPANSION) ? name.split(EXPANSION).join('') : name;
}
