// Splits a stream into lines without ever holding more than `max` characters of one line: the rest of an
// over-long line is counted and dropped, so one huge line neither exhausts memory nor stops the lines after it.
export interface BoundedLine {
  /** 1-based line number in the input. */
  number: number;
  /** The line's first `max` characters (without the line ending). */
  text: string;
  /** The line's full length in characters. */
  length: number;
}

export async function* boundedLines(input: NodeJS.ReadableStream, max: number): AsyncGenerator<BoundedLine> {
  for await (const batch of boundedLineBatches(input, max)) yield* batch;
}

/** The same lines, as arrays of every line completed by one chunk of input (for writing them together). */
export async function* boundedLineBatches(input: NodeJS.ReadableStream, max: number): AsyncGenerator<BoundedLine[]> {
  input.setEncoding('utf8');
  let kept = '';
  let length = 0;
  let endsCr = false;
  let number = 0;
  const finish = (): BoundedLine => {
    // "\r\n" ends a line as "\n" does.
    const cr = endsCr ? 1 : 0;
    const line = { number: ++number, text: length > kept.length ? kept : kept.slice(0, kept.length - cr), length: length - cr };
    kept = '';
    length = 0;
    endsCr = false;
    return line;
  };
  for await (const chunk of input as AsyncIterable<string>) {
    const done: BoundedLine[] = [];
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf('\n', from);
      const piece = nl === -1 ? chunk.slice(from) : chunk.slice(from, nl);
      if (kept.length < max) kept += piece.slice(0, max - kept.length);
      length += piece.length;
      if (piece.length > 0) endsCr = piece.endsWith('\r');
      if (nl === -1) break;
      done.push(finish());
      from = nl + 1;
    }
    if (done.length > 0) yield done;
  }
  if (length > 0) yield [finish()];
}
