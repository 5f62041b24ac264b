import { Readable } from 'node:stream';
import { X12parser, type FormattedSegment } from 'x12-parser';
import { parseEra835File, X12FormatError, type Era835, type X12Segment } from './domain/era-835.js';

export { X12FormatError, type X12Segment };

/** How much of a rejected file the error message quotes. */
const PREVIEW_LENGTH = 20;

const SEGMENT_ID = /^[A-Z][A-Z0-9]{1,2}$/;

const CTRL_Z = '\u001a';

function preview(text: string): string {
  const head = text.slice(0, PREVIEW_LENGTH).replace(/[^\x20-\x7e]/g, '?');
  return text.length > PREVIEW_LENGTH ? `${head}…` : head;
}

const describeChar = (char: string | undefined): string =>
  char === undefined ? 'nothing' : char === '\n' ? 'a line break' : `"${char}"`;

/**
 * Checks the fixed-length ISA header that x12-parser reads its separators from (ISA is 106 characters: the
 * element separator is character 4, ISA16 the component separator at 105, the segment terminator at 106;
 * billing-standards.md §4.1). x12-parser takes those positions on trust, so a file that is not X12 would
 * otherwise come back as nonsense segments rather than an error.
 */
function checkInterchangeHeader(text: string): void {
  if (text === '') throw new X12FormatError('The file is empty: an X12 835 file starts with an ISA segment.');
  if (!text.startsWith('ISA')) {
    throw new X12FormatError(
      `This is not an X12 file: it should start with "ISA" but starts with "${preview(text)}".`,
    );
  }
  const element = text[3];
  const component = text[104];
  const terminator = text[105];
  const fields = element ? text.slice(0, 105).split(element) : [];
  const separators = [element, component, terminator];
  const valid =
    text.length >= 106 &&
    fields.length === 17 &&
    separators.every((char) => char !== undefined && !/[A-Za-z0-9 ]/.test(char)) &&
    new Set(separators).size === 3;
  if (!valid) {
    throw new X12FormatError(
      'The ISA segment is not the fixed 106-character X12 header, so its separators cannot be read ' +
        `(element separator ${describeChar(element)}, component separator ${describeChar(component)}, ` +
        `segment terminator ${describeChar(terminator)}).`,
    );
  }
}

/** x12-parser's `{name, '1', '1-1', …}` (element 1, then its 2nd component …) → elements joined by ':'. */
function toSegment(raw: FormattedSegment): X12Segment {
  const elements: string[] = [];
  for (let position = 1; raw[String(position)] !== undefined; position += 1) {
    const components = [raw[String(position)]];
    for (let part = 1; raw[`${position}-${part}`] !== undefined; part += 1) {
      components.push(raw[`${position}-${part}`]);
    }
    elements.push(components.join(':'));
  }
  return { name: raw.name, elements };
}

/**
 * Splits X12 text into segments with x12-parser. Composite elements keep the raw text with the file's
 * component separator (ISA16) normalised to ':', so callers split on ':' whatever the sender used.
 * @throws X12FormatError (message fit for the user) when the text is not X12.
 */
export async function readX12Segments(text: string): Promise<X12Segment[]> {
  // A byte-order mark, leading blank lines and trailing whitespace or a DOS end-of-file mark (Ctrl-Z) are
  // not X12 but turn up in files saved by hand; the ISA positions are counted after removing them.
  let body = String(text)
    .replace(/^\uFEFF/, '')
    .replace(/\r\n/g, '\n')
    .trim();
  while (body.endsWith(CTRL_Z)) body = body.slice(0, -1).trimEnd();
  checkInterchangeHeader(body);

  const segments: X12Segment[] = [];
  // One chunk: x12-parser detects the separators from the first chunk it sees.
  const parser = Readable.from([Buffer.from(body, 'utf8')]).pipe(new X12parser('utf8'));
  for await (const raw of parser as AsyncIterable<FormattedSegment>) {
    const segment = toSegment(raw);
    if (segment.name === '' && segment.elements.length === 0) continue;
    if (!SEGMENT_ID.test(segment.name)) {
      throw new X12FormatError(
        `Segment ${segments.length + 1} ("${preview(segment.name)}") is not an X12 segment: the file is damaged ` +
          'or not X12.',
      );
    }
    segments.push(segment);
  }
  if (segments.length < 2) throw new X12FormatError('The file has an ISA header but no segments after it.');
  return segments;
}

/**
 * Reads an 835 file: every remittance (ST*835 … SE) in it, in order.
 * @throws X12FormatError when the text is not X12 or holds no 835 (an 837, a 999, …).
 */
export async function readEra835(text: string): Promise<Era835[]> {
  return parseEra835File(await readX12Segments(text));
}
