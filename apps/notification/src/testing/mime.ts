/** A minimal MIME reader for tests (no mailparser in the repo): headers, multipart, base64 / QP. */
export interface MimePart {
  headers: Record<string, string>;
  contentType: string;
  filename?: string;
  body: Buffer;
  parts: MimePart[];
}

export interface ParsedEmail {
  headers: Record<string, string>;
  subject: string;
  text: string;
  html: string;
  attachments: { filename?: string; contentType: string; content: Buffer }[];
}

function splitHead(raw: string): { headers: Record<string, string>; body: string } {
  const normalised = raw.replace(/\r\n/g, '\n');
  const at = normalised.indexOf('\n\n');
  const head = at === -1 ? normalised : normalised.slice(0, at);
  const body = at === -1 ? '' : normalised.slice(at + 2);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function decodeBody(body: string, encoding: string | undefined): Buffer {
  switch ((encoding ?? '').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64');
    case 'quoted-printable':
      return Buffer.from(
        body.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
        'latin1',
      );
    default:
      return Buffer.from(body, 'utf8');
  }
}

/** RFC 2047 encoded words (=?UTF-8?Q?...?= / =?UTF-8?B?...?=), as nodemailer writes subjects. */
export function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=\s*/gi, (_, _charset: string, kind: string, text: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
  );
}

export function parseMimePart(raw: string): MimePart {
  const { headers, body } = splitHead(raw);
  const type = headers['content-type'] ?? 'text/plain';
  const contentType = type.split(';')[0].trim().toLowerCase();
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  const filename = /filename="?([^";]+)"?/i.exec(headers['content-disposition'] ?? '')?.[1];
  if (contentType.startsWith('multipart/') && boundary) {
    const sections = body.split(`--${boundary}`).slice(1);
    const parts = sections.filter((section) => !section.startsWith('--')).map((section) => parseMimePart(section.replace(/^\n/, '')));
    return { headers, contentType, filename, body: Buffer.alloc(0), parts };
  }
  return { headers, contentType, filename, body: decodeBody(body.replace(/\n$/, ''), headers['content-transfer-encoding']), parts: [] };
}

function leaves(part: MimePart): MimePart[] {
  return part.parts.length ? part.parts.flatMap(leaves) : [part];
}

export function parseEmail(raw: string | Buffer): ParsedEmail {
  const root = parseMimePart(raw.toString());
  const all = leaves(root);
  const isAttachment = (part: MimePart) => part.filename !== undefined || (part.headers['content-disposition'] ?? '').startsWith('attachment');
  return {
    headers: root.headers,
    subject: decodeWords(root.headers['subject'] ?? ''),
    text: all.find((part) => part.contentType === 'text/plain' && !isAttachment(part))?.body.toString('utf8') ?? '',
    html: all.find((part) => part.contentType === 'text/html' && !isAttachment(part))?.body.toString('utf8') ?? '',
    attachments: all.filter(isAttachment).map((part) => ({ filename: part.filename, contentType: part.contentType, content: part.body })),
  };
}
