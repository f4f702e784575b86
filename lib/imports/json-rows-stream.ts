/**
 * Reads, chunk by chunk, a JSON document shaped `{ "<field>": …, "<rowsKey>": { "<group>": [row, …], … } }`
 * (a backup: envelope fields, then each table's rows), handing on each top-level field and each
 * row as a parsed value as soon as its text is complete. A file of any size is read holding one
 * row's text at a time. Values of any other shape where the groups or their rows are expected (a
 * group that is not an array, a document that is not an object) are handed on whole, as parsed,
 * for the caller to refuse; text that is not JSON throws `JsonSyntaxError` at the point it shows.
 */
export class JsonSyntaxError extends Error {}

export type JsonRowsEvent =
  | { type: 'field'; key: string; value: unknown }
  | { type: 'row'; group: string; value: unknown }
  /** A group whose value is not an array: `value` is what it holds. */
  | { type: 'group'; group: string; value: unknown }
  /** The whole document, when it is not an object. */
  | { type: 'document'; value: unknown };

type Role = 'root' | 'groups' | 'rows';
interface Frame {
  role: Role;
  /** What comes next: a key (objects), a colon, a value, or a comma or the closing bracket. */
  expect: 'key' | 'colon' | 'value' | 'next';
  key: string;
  /** Entries so far: a closing bracket right after an opening one is fine, after a comma it is not. */
  entries: number;
}

/** What a value being captured is: where its text goes once it is complete. */
type Target = { kind: 'key' } | { kind: 'field'; key: string } | { kind: 'row'; group: string } | { kind: 'group'; group: string } | { kind: 'document' };

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;

export class JsonRowsScanner {
  private readonly stack: Frame[] = [];
  private started = false;
  private finished = false;
  /** The value being captured: its text so far, nesting depth, string state. */
  private capture: { target: Target; parts: string[]; depth: number; inString: boolean; escape: boolean; primitive: boolean } | null = null;
  private events: JsonRowsEvent[] = [];

  constructor(private readonly rowsKey: string) {}

  /** Feeds the next piece of text; returns what it completed. */
  push(chunk: string): JsonRowsEvent[] {
    let i = 0;
    while (i < chunk.length) i = this.capture ? this.continueCapture(chunk, i) : this.skeleton(chunk, i);
    const events = this.events;
    this.events = [];
    return events;
  }

  /** The end of the text: throws unless the document is complete; returns what the end completed. */
  end(): JsonRowsEvent[] {
    // A number at the very end of a document completes only here.
    if (this.capture?.primitive && this.stack.length === 0) this.complete('');
    if (!this.finished || this.capture) throw new JsonSyntaxError('the text ends before the JSON does');
    const events = this.events;
    this.events = [];
    return events;
  }

  private startCapture(target: Target, chunk: string, i: number): number {
    const c = chunk.charCodeAt(i);
    const nested = c === OPEN_OBJECT || c === OPEN_ARRAY;
    this.capture = { target, parts: [], depth: nested ? 1 : 0, inString: c === QUOTE, escape: false, primitive: !nested && c !== QUOTE };
    if (c === CLOSE_OBJECT || c === CLOSE_ARRAY || c === COMMA || c === COLON) throw new JsonSyntaxError(`unexpected "${chunk[i]}"`);
    return this.continueCapture(chunk, i + 1, i);
  }

  /** Reads on in the captured value from `i` (its text began at `from`); returns where reading stopped. */
  private continueCapture(chunk: string, i: number, from = i): number {
    const capture = this.capture!;
    // Locals rather than the capture's fields: this loop reads every character of the file.
    let { depth, inString, escape } = capture;
    const { primitive } = capture;
    let end = -1;
    let consumed = false;
    for (; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (inString) {
        if (escape) escape = false;
        else if (c === BACKSLASH) escape = true;
        else if (c === QUOTE) {
          inString = false;
          if (depth === 0) {
            end = i + 1;
            consumed = true;
            break;
          }
        }
      } else if (primitive) {
        if (isSpace(c) || c === COMMA || c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
          end = i;
          break;
        }
      } else if (c === QUOTE) inString = true;
      else if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++;
      else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        if (--depth === 0) {
          end = i + 1;
          consumed = true;
          break;
        }
      }
    }
    if (end !== -1) return this.complete(chunk.slice(from, end), consumed ? end : i);
    Object.assign(capture, { depth, inString, escape });
    capture.parts.push(chunk.slice(from));
    return i;
  }

  /** The captured value is whole: parse it and pass it on. Returns `next`, where reading goes on. */
  private complete(last: string, next = 0): number {
    const { target, parts } = this.capture!;
    this.capture = null;
    parts.push(last);
    let value: unknown;
    try {
      value = JSON.parse(parts.length === 1 ? parts[0]! : parts.join(''));
    } catch (error) {
      throw new JsonSyntaxError(error instanceof Error ? error.message : String(error));
    }
    const frame = this.stack.at(-1);
    if (target.kind === 'key') {
      frame!.key = value as string;
      frame!.expect = 'colon';
      return next;
    }
    if (target.kind === 'field') this.events.push({ type: 'field', key: target.key, value });
    else if (target.kind === 'row') this.events.push({ type: 'row', group: target.group, value });
    else if (target.kind === 'group') this.events.push({ type: 'group', group: target.group, value });
    else {
      this.events.push({ type: 'document', value });
      this.finished = true;
      return next;
    }
    frame!.expect = 'next';
    frame!.entries++;
    return next;
  }

  /** Reads the structure around the values (brackets, keys, colons, commas) from `i`. */
  private skeleton(chunk: string, i: number): number {
    const c = chunk.charCodeAt(i);
    if (isSpace(c)) return i + 1;
    if (this.finished) throw new JsonSyntaxError('more text after the end of the JSON');
    const frame = this.stack.at(-1);
    if (!this.started) {
      this.started = true;
      if (c !== OPEN_OBJECT) return this.startCapture({ kind: 'document' }, chunk, i);
      this.stack.push({ role: 'root', expect: 'key', key: '', entries: 0 });
      return i + 1;
    }
    const f = frame!;
    const isArray = f.role === 'rows';
    switch (f.expect) {
      case 'key':
        if (c === QUOTE) return this.startCapture({ kind: 'key' }, chunk, i);
        if (c === CLOSE_OBJECT && f.entries === 0) return this.close(i);
        throw new JsonSyntaxError(`expected a key, found "${chunk[i]}"`);
      case 'colon':
        if (c !== COLON) throw new JsonSyntaxError(`expected ":", found "${chunk[i]}"`);
        f.expect = 'value';
        return i + 1;
      case 'value':
        if (isArray) {
          if (c === CLOSE_ARRAY && f.entries === 0) return this.close(i);
          return this.startCapture({ kind: 'row', group: f.key }, chunk, i);
        }
        if (f.role === 'root' && f.key === this.rowsKey && c === OPEN_OBJECT) return this.open('groups', '', i);
        if (f.role === 'groups') {
          if (c === OPEN_ARRAY) return this.open('rows', f.key, i);
          return this.startCapture({ kind: 'group', group: f.key }, chunk, i);
        }
        return this.startCapture({ kind: 'field', key: f.key }, chunk, i);
      case 'next':
        if (c === COMMA) {
          f.expect = isArray ? 'value' : 'key';
          return i + 1;
        }
        if (c === (isArray ? CLOSE_ARRAY : CLOSE_OBJECT)) return this.close(i);
        throw new JsonSyntaxError(`expected "," or a closing bracket, found "${chunk[i]}"`);
    }
  }

  private open(role: Role, key: string, i: number): number {
    this.stack.push({ role, expect: role === 'rows' ? 'value' : 'key', key, entries: 0 });
    return i + 1;
  }

  private close(i: number): number {
    this.stack.pop();
    const parent = this.stack.at(-1);
    if (parent) {
      parent.expect = 'next';
      parent.entries++;
    } else this.finished = true;
    return i + 1;
  }
}
