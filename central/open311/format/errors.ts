/**
 * GeoReport v2 errors: every failure is an HTTP status plus an array of {code, description},
 * rendered in the format the client asked for (JSON array or <errors><error>...).
 */
export interface Open311ErrorEntry {
  code: number;
  description: string;
}

export class Open311Error extends Error {
  readonly errors: Open311ErrorEntry[];
  constructor(
    readonly status: number,
    errors: string | string[] | Open311ErrorEntry[],
  ) {
    const list = (Array.isArray(errors) ? errors : [errors]).map((e) => (typeof e === 'string' ? { code: status, description: e } : e));
    super(list.map((e) => e.description).join('; '));
    this.name = 'Open311Error';
    this.errors = list;
  }
}

export const badRequest = (descriptions: string | string[]): Open311Error => new Open311Error(400, descriptions);
export const forbidden = (description: string): Open311Error => new Open311Error(403, description);
export const notFound = (description: string): Open311Error => new Open311Error(404, description);
