import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Cisco's OpenAPI excerpt, read from `../shared` at test time (never copied into the project), and the little
 * Swagger 2.0 handling the contract tests need: examples, samples built from definitions, a type check.
 */

export const SPEC_PATH = fileURLToPath(
  new URL('../../../shared/fmc-api/fmc-openapi-7.0-excerpt.json', import.meta.url),
);

type Node = Record<string, unknown>;
export interface Spec {
  paths: Record<string, Record<string, Node>>;
  definitions: Record<string, Node>;
}

export function loadSpec(): Spec | undefined {
  return existsSync(SPEC_PATH) ? (JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Spec) : undefined;
}

function resolveRef(spec: Spec, node: Node): Node {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  const name = ref.replace('#/definitions/', '');
  const target = spec.definitions[name];
  if (!target) throw new Error(`Unknown definition ${ref}`);
  return target;
}

export function definition(spec: Spec, name: string): Node {
  const node = spec.definitions[name];
  if (!node) throw new Error(`No definition ${name} in the excerpt`);
  return node;
}

export function property(spec: Spec, definitionName: string, field: string): Node | undefined {
  const properties = definition(spec, definitionName).properties as Record<string, Node> | undefined;
  const node = properties?.[field];
  return node && resolveRef(spec, node);
}

export function operation(spec: Spec, path: string, method = 'get'): Node {
  const op = spec.paths[path]?.[method];
  if (!op) throw new Error(`No ${method} ${path} in the excerpt`);
  return op;
}

/** The 200 answer's schema node of an operation. */
export function responseSchema(spec: Spec, path: string): Node {
  const responses = operation(spec, path).responses as Record<string, Node>;
  return resolveRef(spec, responses['200']?.schema as Node);
}

/** Cisco's response examples of an operation, by title. */
export function examples(spec: Spec, path: string): Array<[string, unknown]> {
  const responses = operation(spec, path).responses as Record<string, Node>;
  const byType = (responses['200']?.examples ?? {}) as Record<string, Record<string, unknown>>;
  return Object.entries(byType['application/json'] ?? {});
}

/** A value built from a definition: every declared property, first enum value, one array item. */
export function sample(spec: Spec, input: Node, depth = 0): unknown {
  const node = resolveRef(spec, input);
  if (Array.isArray(node.enum)) return node.enum[0];
  if (node.type === 'string') return 'x';
  if (node.type === 'integer' || node.type === 'number') return 1;
  if (node.type === 'boolean') return true;
  if (node.type === 'array') return depth > 4 ? [] : [sample(spec, node.items as Node, depth + 1)];
  const properties = node.properties as Record<string, Node> | undefined;
  if (!properties || depth > 4) return {};
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, sample(spec, v, depth + 1)]));
}

/** Every place where `value` contradicts the declared types (extra fields are fine). */
export function violations(spec: Spec, input: Node, value: unknown, at = '$'): string[] {
  const node = resolveRef(spec, input);
  if (value === undefined || value === null) return [];
  const kind = node.type ?? (node.properties ? 'object' : undefined);
  const wrong = (expected: string) => [
    `${at}: expected ${expected}, got ${JSON.stringify(value).slice(0, 60)}`,
  ];
  switch (kind) {
    case 'string':
      return typeof value === 'string' ? [] : wrong('string');
    case 'integer':
      return Number.isInteger(value) ? [] : wrong('integer');
    case 'number':
      return typeof value === 'number' ? [] : wrong('number');
    case 'boolean':
      return typeof value === 'boolean' ? [] : wrong('boolean');
    case 'array':
      return Array.isArray(value)
        ? value.flatMap((item, i) => violations(spec, node.items as Node, item, `${at}[${i}]`))
        : wrong('array');
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return wrong('object');
      const properties = (node.properties ?? {}) as Record<string, Node>;
      return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
        properties[k] ? violations(spec, properties[k], v, `${at}.${k}`) : [],
      );
    }
    default:
      return [];
  }
}
