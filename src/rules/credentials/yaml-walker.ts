import { Document, isAlias, isMap, isNode, isScalar, isSeq, Node, Scalar, YAMLMap } from 'yaml';
import {
  credentialKeyRule, CredentialKeyRule, CredentialKind, isFilePath, isPlaceholderSecret, isRuntimeReference, normalizeKey,
} from './credential-keys';
import { bytesToText, decodeFileContent, FileEncoding, fileEncodingOf, looksLikeBase64Blob } from './decoding';
import { ScanContext } from './scan-context';
import { MAX_YAML_DEPTH } from './scan-limits';
import { argvCredentialsIn } from './shell-commands';
import { textPatternsIn } from './text-patterns';
import { scanText, SettingLines } from './text-scan';

// Walks parsed YAML documents (cloud-config, network config, YAML files written by write_files) and reports:
// - keys that hold credentials (credential-keys.ts), wherever they are: top level, `users[]`, `chpasswd.users[]`,
//   module settings, netplan `wifis.*.access-points.*` and `auth`; merge keys (`<<: *x`) and aliases are followed;
// - credentials in every text value (patterns, shell commands, settings), and argv-style `runcmd`/`bootcmd` items;
// - `write_files` contents, decoded (`encoding: b64 | gzip | gz+b64 ...`) and scanned as files;
// - `#cloud-config-jsonp` operations that set a credential key.
// Aliases are never expanded: each node is visited once (at its anchor), so a "billion laughs" costs its size only.

/**
 * Reads embedded data (a decoded write_files content, a base64 blob) in whatever format it has; provided by the
 * caller (the user-data reader) so this module does not depend on it.
 */
export type EmbeddedScanner = (text: string, ctx: ScanContext) => void;

/** A step of a YAML path: a mapping key or a sequence index. */
type Step = string | number;

/** The keys whose sequence items may be argument vectors run without a shell. */
const COMMAND_LISTS = new Set(['runcmd', 'bootcmd']);
/** JSON-patch operations that write a value. */
const PATCH_WRITES = new Set(['add', 'replace', 'copy', 'move']);
/** The words PyYAML reads as booleans (YAML 1.1 without y/n, which PyYAML keeps as strings). */
const PYYAML_BOOLEANS = /^(?:true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$/;
/** A path step shown as is in messages; other keys (user-chosen text of any length) are shown as `*`. */
const SHOWN_STEP = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,39}$/;

/** Walks the documents, reporting to `ctx`. */
export function walkYamlDocuments(documents: Document.Parsed[], ctx: ScanContext, scanEmbedded: EmbeddedScanner): void {
  for (const doc of documents) new YamlWalker(ctx, scanEmbedded).walk(doc.contents, [], false);
}

/** Steps shown of a long path (the first and the last ones; messages stay short however deep the YAML). */
const SHOWN_STEPS = 12;

/** A path as shown in messages: `users[0]`, `wifis.wlan0.access-points.*.auth`; long paths keep both ends. */
export function showPath(path: readonly Step[]): string {
  if (path.length > SHOWN_STEPS) {
    return `${showPath(path.slice(0, 4))}.….${showPath(path.slice(path.length - (SHOWN_STEPS - 4)))}`.replace('.….[', '.…[');
  }
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else out += `${out === '' ? '' : '.'}${SHOWN_STEP.test(step) ? step : '*'}`;
  }
  return out;
}

class YamlWalker {
  private readonly anchors = new Map<string, Node>();
  private readonly visited = new Set<Node>();
  private stoppedAtNodeCeiling = false;

  constructor(private readonly ctx: ScanContext, private readonly scanEmbedded: EmbeddedScanner) {}

  /** Visits a node; `quiet` below a key already reported (its value is not reported again, anchors are still read). */
  public walk(node: unknown, path: Step[], quiet: boolean): void {
    if (isAlias(node)) {
      const target = this.anchors.get(node.source);
      if (target !== undefined) this.walk(target, path, quiet);
      return;
    }
    if (!isNode(node) || this.visited.has(node)) return;
    if (path.length > MAX_YAML_DEPTH) return;
    if (!this.ctx.budget.takeYamlNode()) {
      if (!this.stoppedAtNodeCeiling) this.ctx.cannotInspect('YAML with more nodes than the scan ceiling');
      this.stoppedAtNodeCeiling = true;
      return;
    }
    this.visited.add(node);
    if (node.anchor !== undefined) this.anchors.set(node.anchor, node);
    if (isScalar(node)) {
      if (!quiet) this.scanValue(node, path);
    } else if (isMap(node)) {
      this.walkMap(node, path, quiet);
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => this.walk(item, [...path, i], quiet));
    }
  }

  private walkMap(map: YAMLMap, path: Step[], quiet: boolean): void {
    const parents = path.filter((s): s is string => typeof s === 'string').map(normalizeKey);
    if (!quiet && this.isWriteFilesEntry(map)) this.scanWriteFile(map, path);
    if (!quiet) this.checkPatchOperation(map, path);
    for (const pair of map.items) {
      // An alias as a key (`*k : x` with `k: &k password`) is the anchored key, as PyYAML reads it.
      const key = this.resolve(pair.key);
      if (isScalar(key) && typeof key.value === 'symbol') {
        // `<<: *defaults` merges the mapping(s) in place: walk them at this path.
        this.walk(pair.value, path, quiet);
        continue;
      }
      const keyText = isScalar(key) && (typeof key.value === 'string' || typeof key.value === 'number') ? String(key.value) : undefined;
      if (keyText === undefined) {
        this.walk(key, path, quiet);
        this.walk(pair.value, path, quiet);
        continue;
      }
      if (!quiet) for (const what of textPatternsIn(keyText)) this.ctx.at(showPath(path)).found(`${what} in a key`);
      const rule = credentialKeyRule(keyText, parents);
      const reported = !quiet && rule !== undefined && this.holdsCredential(rule, pair.value, path);
      if (reported) this.ctx.found(`key "${rule!.name}"`, showPath(path));
      const childPath = [...path, keyText];
      if (!quiet && COMMAND_LISTS.has(normalizeKey(keyText))) this.scanArgvItems(pair.value, childPath);
      this.walk(pair.value, childPath, quiet || reported);
    }
  }

  /** A text value: patterns, shell commands and settings in it; `!!binary` values are decoded first. */
  private scanValue(node: Scalar, path: Step[]): void {
    const where = this.ctx.at(showPath(path));
    if (typeof node.value === 'string') {
      if (looksLikeBase64Blob(node.value)) this.scanEmbedded(node.value, where);
      else scanText(node.value, where, SettingLines.READ);
    } else if (node.value instanceof Uint8Array) {
      const decoded = bytesToText(node.value, where, false);
      if (decoded !== undefined) scanText(decoded.text, decoded.ctx, SettingLines.READ);
    }
  }

  /** `runcmd: [[usermod, -p, HASH, root]]`: an item given as a list is one command's argument vector. */
  private scanArgvItems(value: unknown, path: Step[]): void {
    const list = this.resolve(value);
    if (!isSeq(list)) return;
    list.items.forEach((item, i) => {
      const argv = this.resolve(item);
      if (!isSeq(argv)) return;
      const words = argv.items.map((w) => this.resolve(w)).filter(isScalar).map((w) => String(w.value ?? ''));
      for (const what of argvCredentialsIn(words)) this.ctx.at(showPath([...path, i])).found(what);
    });
  }

  /** A mapping with `content` and `path` or `encoding`: a write_files entry (or the same shape elsewhere). */
  private isWriteFilesEntry(map: YAMLMap): boolean {
    return this.member(map, 'content') !== undefined && (this.member(map, 'path') !== undefined || this.member(map, 'encoding') !== undefined);
  }

  /** Decodes a write_files content as cloud-init would and scans it as a file. */
  private scanWriteFile(map: YAMLMap, path: Step[]): void {
    const content = this.resolve(this.member(map, 'content'));
    if (!isScalar(content)) return;
    const encodingNode = this.resolve(this.member(map, 'encoding'));
    const encoding = fileEncodingOf(isScalar(encodingNode) ? encodingNode.value : undefined);
    const value = content.value;
    if (typeof value !== 'string' && !(value instanceof Uint8Array)) return;
    // The content is scanned here, decoded: the generic walk must not scan it again.
    this.visited.add(content);
    if (content.anchor !== undefined) this.anchors.set(content.anchor, content);
    const location = showPath([...path, 'content']);
    // Opened as a container even as plain text: a file can hold YAML with files in it, and nesting must stay bounded.
    const ctx = this.ctx.open(encoding === FileEncoding.TEXT ? location : `${location} (${encoding})`);
    if (ctx === undefined) return;
    const bytes = decodeFileContent(value, encoding, ctx);
    if (bytes === undefined) return;
    const decoded = bytesToText(bytes, ctx, true);
    const scanEmbedded = this.scanEmbedded;
    if (decoded !== undefined) decoded.ctx.later((c) => scanEmbedded(decoded.text, c));
  }

  /** `#cloud-config-jsonp`: `{op: add, path: /users/0/passwd, value: ...}` sets a credential key. */
  private checkPatchOperation(map: YAMLMap, path: Step[]): void {
    const op = this.resolve(this.member(map, 'op'));
    const pointer = this.resolve(this.member(map, 'path'));
    if (!isScalar(op) || !PATCH_WRITES.has(String(op.value)) || !isScalar(pointer) || typeof pointer.value !== 'string') return;
    if (!pointer.value.startsWith('/')) return;
    const steps = pointer.value.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const key = steps[steps.length - 1];
    const parents = steps.slice(0, -1).filter((s) => !/^\d+$/.test(s) && s !== '-').map(normalizeKey);
    const rule = credentialKeyRule(key, parents);
    const value = this.member(map, 'value');
    if (rule !== undefined && (value === undefined || this.holdsCredential(rule, value, []))) {
      this.ctx.found(`key "${rule.name}" set by a JSON patch`, showPath(path));
    }
  }

  /** Whether the value of a credential key actually sets a credential. */
  private holdsCredential(rule: CredentialKeyRule, value: unknown, parentPath: Step[]): boolean {
    const node = this.resolve(value);
    if (isAlias(node)) return true; // an alias to an anchor not read: assume the worst
    switch (rule.kind) {
      case CredentialKind.SECRET:
        return this.isSecretValue(node, randomAllowed(rule, parentPath));
      case CredentialKind.SECRET_OR_PATH:
        return isScalar(node) && typeof node.value === 'string' ? !isFilePath(node.value) && this.isSecretValue(node, false) : this.isSecretValue(node, false);
      case CredentialKind.PUBLIC_KEYS:
        return this.isSecretValue(node, false);
      case CredentialKind.CHPASSWD:
        return isMap(node) ? this.chpasswdListsPasswords(node) : this.isSecretValue(node, false);
      case CredentialKind.SSH_HOST_KEYS:
        return isMap(node)
          ? node.items.some((p) => isScalar(p.key) && /_private$/i.test(String(p.key.value)) && this.isSecretValue(this.resolve(p.value), false))
          : this.isSecretValue(node, false);
    }
  }

  /** A non-empty value: a scalar that is not empty, a placeholder, a boolean or a boot-time reference; or a collection with items. */
  private isSecretValue(node: unknown, randomIsNoSecret: boolean): boolean {
    if (isMap(node) || isSeq(node)) return node.items.length > 0;
    if (!isScalar(node)) return false;
    const v = node.value;
    if (v === null || v === undefined) return false;
    if (typeof v === 'boolean') return !PYYAML_BOOLEANS.test(String(node.source));
    if (v instanceof Uint8Array) return v.length > 0;
    if (typeof v !== 'string') return true; // a number, a date (`2024-01-01`): a password all the same
    if (isPlaceholderSecret(v) || isRuntimeReference(v)) return false;
    return !(randomIsNoSecret && /^(?:R|RANDOM)$/.test(v.trim()));
  }

  /** cloud-init `chpasswd.list`: `user:password` lines (a text or a list); `user:R`/`user:RANDOM` sets a random one. */
  private chpasswdListsPasswords(chpasswd: YAMLMap): boolean {
    const list = this.resolve(this.member(chpasswd, 'list'));
    let entries: string[] = [];
    if (isScalar(list) && typeof list.value === 'string') entries = list.value.split('\n');
    if (isSeq(list)) {
      for (const item of list.items) {
        const entry = this.resolve(item);
        if (isScalar(entry)) entries.push(String(entry.value ?? ''));
      }
    }
    return entries.some((e) => {
      const colon = e.indexOf(':');
      const password = colon < 0 ? '' : e.slice(colon + 1).trim();
      return password !== '' && password !== 'R' && password !== 'RANDOM';
    });
  }

  /** The value of a key in a mapping, following `<<` merges (a few levels), as cloud-init sees the merged mapping. */
  private member(map: YAMLMap, name: string, depth = 0): unknown {
    for (const pair of map.items) {
      if (isScalar(pair.key) && pair.key.value === name) return pair.value ?? null;
    }
    if (depth >= 4) return undefined;
    for (const pair of map.items) {
      if (!isScalar(pair.key) || typeof pair.key.value !== 'symbol') continue;
      const merged = this.resolve(pair.value);
      const sources = isSeq(merged) ? merged.items.map((i) => this.resolve(i)) : [merged];
      for (const source of sources) {
        if (!isMap(source)) continue;
        const found = this.member(source, name, depth + 1);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  }

  /** An alias resolved to its anchored node (read earlier in document order); other nodes as they are. */
  private resolve(node: unknown): unknown {
    if (!isAlias(node)) return node;
    return this.anchors.get(node.source) ?? node;
  }
}

/** cloud-init reads `R`/`RANDOM` as "generate a password" for the top-level `password` and `chpasswd.users[].password`. */
function randomAllowed(rule: CredentialKeyRule, parentPath: Step[]): boolean {
  if (rule.name !== 'password') return false;
  if (parentPath.length === 0) return true;
  return parentPath.length === 3 && parentPath[0] === 'chpasswd' && parentPath[1] === 'users' && typeof parentPath[2] === 'number';
}
