/** A mail as a mail client sends it: a plain-text part and attached files, for the mail-import paths. */
export interface MimeFile {
  name: string;
  type: string;
  data: string | Buffer;
  /** sent as is (7bit) instead of base64, e.g. a text pretending to be an image */
  raw?: boolean;
}

export function mimeMessage(opts: { from: string; subject: string; messageId: string; text: string; files: MimeFile[] }): string {
  const lines = [
    `From: ${opts.from}`,
    `Subject: ${opts.subject}`,
    `Message-ID: <${opts.messageId}>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain; charset=utf-8',
    '',
    opts.text,
  ];
  for (const f of opts.files) {
    lines.push('--b', `Content-Type: ${f.type}; name="${f.name}"`, `Content-Disposition: attachment; filename="${f.name}"`);
    if (f.raw) lines.push('', String(f.data));
    else lines.push('Content-Transfer-Encoding: base64', '', Buffer.from(f.data).toString('base64'));
  }
  lines.push('--b--', '');
  return lines.join('\r\n');
}
