/**
 * A fast yes-or-don't-know for zod schemas, built from the schema's own definition: `check(v)` is
 * true only when `schema.safeParse(v)` would succeed and give back a value equal to `v` (no
 * default filled in, no unknown key stripped). Anything else is false, and the caller asks zod,
 * which then accepts with changes or refuses with its issues. So this never refuses anything on
 * its own, and it never accepts what zod refuses: it knows a small set of zod node types and
 * checks, and any other (a refinement, a transform, an unknown string format, a new zod
 * version's node) makes that part of the schema answer false.
 *
 * Why: the initial sync validates every item of every page; zod builds a copy of each item, which
 * then has to be serialized again for the cache. With this the item is checked in place and its
 * text is stored as received. The check is generated as one function (property reads by constant
 * name), as zod itself does: closures per node read properties by variable key and were no faster
 * than zod.
 */
import type { z } from 'zod';

export type ExactCheck = (v: unknown) => boolean;

interface Def {
  type: string;
  checks?: Array<{ _zod: { def: CheckDef } }>;
  coerce?: boolean;
  shape?: Record<string, z.ZodType>;
  catchall?: unknown;
  innerType?: z.ZodType;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, unknown>;
  mode?: string;
}

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
}

type Internals = { def: Def; optin?: string; optout?: string };

function internals(schema: z.ZodType): Internals {
  return (schema as unknown as { _zod: Internals })._zod;
}

const FAIL = 'return false;';

/** Generates the statements that check one schema node; they `return false` when not sure. */
class Generator {
  readonly names: string[] = [];
  readonly values: unknown[] = [];
  private n = 0;

  private fresh(prefix: string): string {
    return `${prefix}${this.n++}`;
  }

  private constant(value: unknown): string {
    const name = this.fresh('c');
    this.names.push(name);
    this.values.push(value);
    return name;
  }

  /** Statements for a string's, number's or array's checks; null when one is not known here. */
  private checks(def: Def, v: string): string | null {
    let out = '';
    for (const c of def.checks ?? []) {
      const d = c._zod.def;
      switch (d.check) {
        case 'min_length':
          out += `if (${v}.length < ${Number(d.minimum)}) ${FAIL}`;
          break;
        case 'max_length':
          out += `if (${v}.length > ${Number(d.maximum)}) ${FAIL}`;
          break;
        case 'string_format': {
          // Formats that are only their pattern (others, e.g. url or email, check more than that).
          if ((d.format !== 'regex' && d.format !== 'datetime') || !(d.pattern instanceof RegExp)) return null;
          const re = this.constant(d.pattern);
          out += `${re}.lastIndex = 0; if (!${re}.test(${v})) ${FAIL}`;
          break;
        }
        case 'number_format':
          if (d.format !== 'safeint') return null;
          out += `if (!Number.isSafeInteger(${v})) ${FAIL}`;
          break;
        case 'greater_than':
          out += `if (!(${v} ${d.inclusive ? '>=' : '>'} ${Number(d.value)})) ${FAIL}`;
          break;
        case 'less_than':
          out += `if (!(${v} ${d.inclusive ? '<=' : '<'} ${Number(d.value)})) ${FAIL}`;
          break;
        default:
          return null;
      }
    }
    return out;
  }

  node(schema: z.ZodType, v: string): string {
    const zod = internals(schema);
    const def = zod.def;
    if (def.coerce) return FAIL;
    const noChecks = !def.checks?.length;
    switch (def.type) {
      case 'string':
      case 'number':
      case 'boolean': {
        const checks = this.checks(def, v);
        if (checks === null) return FAIL;
        const type =
          def.type === 'number' ? `typeof ${v} !== 'number' || !Number.isFinite(${v})` : `typeof ${v} !== '${def.type}'`;
        return `if (${type}) ${FAIL}${checks}`;
      }
      case 'unknown':
      case 'any':
        return noChecks ? '' : FAIL;
      case 'enum': {
        const entries = Object.entries(def.entries ?? {});
        if (!noChecks || entries.some(([k, value]) => k !== value)) return FAIL;
        return `if (!${this.constant(new Set(entries.map(([k]) => k)))}.has(${v})) ${FAIL}`;
      }
      case 'nullable':
        return noChecks ? `if (${v} !== null) { ${this.node(def.innerType!, v)} }` : FAIL;
      case 'optional': {
        if (!noChecks) return FAIL;
        // An absent value that zod would fill in (a default inside) is a change.
        if (internals(def.innerType!).optin === 'defaulted') return `if (${v} === undefined) ${FAIL}${this.node(def.innerType!, v)}`;
        return `if (${v} !== undefined) { ${this.node(def.innerType!, v)} }`;
      }
      case 'default':
        // Absent means zod fills the default in: a change, so not this path's to say.
        return noChecks ? `if (${v} === undefined) ${FAIL}${this.node(def.innerType!, v)}` : FAIL;
      case 'array': {
        const checks = this.checks(def, v);
        if (checks === null) return FAIL;
        const i = this.fresh('i');
        const e = this.fresh('e');
        return `if (!Array.isArray(${v})) ${FAIL}${checks}for (let ${i} = 0; ${i} < ${v}.length; ${i}++) { const ${e} = ${v}[${i}]; ${this.node(def.element!, e)} }`;
      }
      case 'record': {
        const key = internals(def.keyType!).def;
        // Only string-keyed records without key checks: zod then keeps every own key but __proto__.
        if (!noChecks || def.mode !== undefined || key.type !== 'string' || key.checks?.length || key.coerce) return FAIL;
        const k = this.fresh('k');
        const e = this.fresh('e');
        return (
          `if (typeof ${v} !== 'object' || ${v} === null || Array.isArray(${v}) || Object.getPrototypeOf(${v}) !== Object.prototype || Object.hasOwn(${v}, '__proto__')) ${FAIL}` +
          `for (const ${k} in ${v}) { const ${e} = ${v}[${k}]; ${this.node(def.valueType!, e)} }`
        );
      }
      case 'object': {
        // No catchall: zod strips unknown keys, so an object with one is a change.
        if (!noChecks || def.catchall !== undefined) return FAIL;
        const count = this.fresh('n');
        let out = `if (typeof ${v} !== 'object' || ${v} === null || Array.isArray(${v})) ${FAIL}let ${count} = 0;`;
        for (const [key, field] of Object.entries(def.shape ?? {})) {
          if (key === '__proto__') return FAIL;
          const f = this.fresh('f');
          const k = JSON.stringify(key);
          const io = internals(field);
          // A key may be absent only where zod then leaves it out too (optional, not defaulted);
          // an own key holding undefined (never from JSON) is left to zod.
          const absent = io.optin === 'optional' && io.optout === 'optional' ? `if (Object.hasOwn(${v}, ${k})) ${FAIL}` : FAIL;
          out += `{ const ${f} = ${v}[${k}]; if (${f} === undefined) { ${absent} } else { ${count}++; ${this.node(field, f)} } }`;
        }
        // Keys beyond the shape's (inherited enumerable ones too) mean zod would drop something.
        out += `for (const _ in ${v}) ${count}--; if (${count} !== 0) ${FAIL}`;
        return out;
      }
      default:
        return FAIL;
    }
  }
}

export function compileExactCheck(schema: z.ZodType): ExactCheck {
  const gen = new Generator();
  const body = `return function exactCheck(v) { ${gen.node(schema, 'v')} return true; };`;
  try {
    return new Function(...gen.names, body)(...gen.values) as ExactCheck;
  } catch {
    // Code generation refused (--disallow-code-generation-from-strings): zod decides everything.
    return () => false;
  }
}
