import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** One HTTP exchange as seen on the wire. */
export interface Exchange {
  readonly method: string;
  /** Path and query as sent, e.g. `/client/v4/zones/…/dns_records?page=2`. */
  readonly url: string;
  readonly requestHeaders: Readonly<Record<string, string | string[] | undefined>>;
  readonly requestBody: Buffer;
  readonly status: number;
  readonly responseHeaders: Readonly<Record<string, string | string[] | undefined>>;
  readonly responseBody: Buffer;
}

type Json = Record<string, unknown>;

interface Operation {
  readonly method: string;
  readonly template: string;
  readonly matcher: RegExp;
  readonly spec: Json;
  readonly parameters: readonly Json[];
}

const PROJECT_ROOT = path.resolve(__dirname, '../../..');
export const SPEC_PATH = path.resolve(PROJECT_ROOT, '../shared/cloudflare/dns-records.openapi.json');

/** The API path prefix of the base URL; spec paths are below it. */
const API_PREFIX = '/client/v4';

/** Why the shared spec cannot be used, or undefined when it can. */
export function specUnavailable(): string | undefined {
  return existsSync(SPEC_PATH) ? undefined : `the OpenAPI contract ${SPEC_PATH} is not here (../shared is absent)`;
}

/**
 * Validates requests and responses against the OpenAPI 3.0 subset in ../shared with ajv (+ ajv-formats):
 * the operation (method + path template), path and query parameters (declared, typed), security headers,
 * request body (content type and schema, multipart fields included), and the response (declared status,
 * content type, schema).
 */
export class OpenApiValidator {
  private readonly ajv: Ajv;
  private readonly operations: Operation[] = [];
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly document: Json;

  constructor(specPath = SPEC_PATH) {
    this.document = JSON.parse(readFileSync(specPath, 'utf8')) as Json;
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    this.ajv.addSchema(this.document, 'openapi.json');
    const paths = this.document.paths as Record<string, Json>;
    for (const [template, item] of Object.entries(paths)) {
      const shared = (item.parameters as Json[] | undefined) ?? [];
      for (const [method, operation] of Object.entries(item)) {
        if (method === 'parameters') continue;
        const own = ((operation as Json).parameters as Json[] | undefined) ?? [];
        this.operations.push({
          method: method.toUpperCase(),
          template,
          matcher: new RegExp(`^${template.replace(/\{[^}]+\}/g, '([^/]+)')}$`),
          spec: operation as Json,
          parameters: [...shared, ...own].map((parameter) => this.resolve(parameter)),
        });
      }
    }
    // Literal segments win over parameters (`/dns_records/export` before `/dns_records/{dns_record_id}`).
    this.operations.sort((a, b) => paramCount(a.template) - paramCount(b.template));
  }

  /** Every `METHOD template` the spec declares. */
  allOperations(): string[] {
    return this.operations.map((operation) => `${operation.method} ${operation.template}`).sort();
  }

  /** `METHOD template` of the operation an exchange addresses, or undefined. */
  operationOf(exchange: Pick<Exchange, 'method' | 'url'>): string | undefined {
    const operation = this.find(exchange.method, this.apiPath(exchange.url));
    return operation && `${operation.method} ${operation.template}`;
  }

  /** Problems with the request, each as `METHOD template: what is wrong`. */
  async validateRequest(exchange: Exchange): Promise<string[]> {
    const url = new URL(exchange.url, 'http://client.invalid');
    const apiPath = this.apiPath(url.pathname);
    const operation = this.find(exchange.method, apiPath);
    if (operation === undefined) return [`${exchange.method} ${apiPath}: no such operation in the spec`];
    const problems: string[] = [];
    const problem = (text: string): void => {
      problems.push(`${operation.method} ${operation.template}: ${text}`);
    };

    const pathValues = operation.matcher.exec(apiPath)?.slice(1) ?? [];
    const pathNames = [...operation.template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    pathNames.forEach((name, index) => {
      const parameter = operation.parameters.find((p) => p.in === 'path' && p.name === name);
      if (parameter === undefined) problem(`path parameter ${name} is not declared`);
      else this.check(parameter.schema as Json, decodeURIComponent(pathValues[index] ?? ''), `path ${name}`, problem);
    });

    const seen = new Set<string>();
    for (const name of new Set(url.searchParams.keys())) {
      seen.add(name);
      const parameter = operation.parameters.find((p) => p.in === 'query' && p.name === name);
      if (parameter === undefined) {
        problem(`query parameter ${name} is not declared`);
        continue;
      }
      const schema = this.resolve(parameter.schema as Json);
      for (const raw of url.searchParams.getAll(name)) {
        this.check(schema, coerce(schema, raw), `query ${name}=${raw}`, problem);
      }
    }
    for (const parameter of operation.parameters) {
      if (parameter.in === 'query' && parameter.required === true && !seen.has(String(parameter.name))) {
        problem(`required query parameter ${String(parameter.name)} is missing`);
      }
    }

    this.checkSecurity(operation, exchange.requestHeaders, problem);
    await this.checkRequestBody(operation, exchange, problem);
    return problems;
  }

  /** Problems with the response. */
  validateResponse(exchange: Exchange): string[] {
    const apiPath = this.apiPath(new URL(exchange.url, 'http://client.invalid').pathname);
    const operation = this.find(exchange.method, apiPath);
    if (operation === undefined) return [`${exchange.method} ${apiPath}: no such operation in the spec`];
    const label = `${operation.method} ${operation.template} → ${exchange.status}`;
    const responses = operation.spec.responses as Record<string, Json>;
    const key = [String(exchange.status), `${String(exchange.status)[0]}XX`, 'default'].find((k) => k in responses);
    if (key === undefined) return [`${label}: status not declared`];
    const response = this.resolve(responses[key]);
    const content = (response.content as Record<string, Json> | undefined) ?? {};
    const contentType = mediaType(exchange.responseHeaders['content-type']);
    if (Object.keys(content).length === 0) return [];
    const media = content[contentType];
    if (media === undefined)
      return [`${label}: content type ${contentType} not declared (${Object.keys(content).join(', ')})`];
    const text = exchange.responseBody.toString('utf8');
    let body: unknown = text;
    if (contentType === 'application/json') {
      try {
        body = JSON.parse(text);
      } catch {
        return [`${label}: body is not JSON`];
      }
    }
    const problems: string[] = [];
    if (media.schema !== undefined) {
      const schema = exchange.status >= 400 ? failureSchema(media.schema as Json) : (media.schema as Json);
      this.check(schema, body, 'body', (text) => problems.push(`${label}: ${text}`));
    }
    return problems;
  }

  private async checkRequestBody(
    operation: Operation,
    exchange: Exchange,
    problem: (text: string) => void,
  ): Promise<void> {
    const requestBody =
      operation.spec.requestBody === undefined ? undefined : this.resolve(operation.spec.requestBody as Json);
    const hasBody = exchange.requestBody.length > 0;
    if (requestBody === undefined) {
      if (hasBody) problem('sends a body the operation does not take');
      return;
    }
    if (!hasBody) {
      if (requestBody.required === true) problem('required request body is missing');
      return;
    }
    const content = (requestBody.content as Record<string, Json> | undefined) ?? {};
    const contentType = mediaType(exchange.requestHeaders['content-type']);
    const media = content[contentType];
    if (media === undefined) {
      problem(`request content type ${contentType} not declared (${Object.keys(content).join(', ')})`);
      return;
    }
    let body: unknown;
    if (contentType === 'application/json') {
      try {
        body = JSON.parse(exchange.requestBody.toString('utf8'));
      } catch {
        problem('request body is not JSON');
        return;
      }
    } else if (contentType === 'multipart/form-data') {
      const form = await new Response(exchange.requestBody, {
        headers: { 'content-type': String(exchange.requestHeaders['content-type']) },
      }).formData();
      const fields: Record<string, string> = {};
      for (const [name, value] of form.entries()) fields[name] = typeof value === 'string' ? value : await value.text();
      body = fields;
    } else {
      body = exchange.requestBody.toString('utf8');
    }
    if (media.schema !== undefined) this.check(media.schema as Json, body, 'request body', problem);
  }

  private checkSecurity(
    operation: Operation,
    headers: Exchange['requestHeaders'],
    problem: (text: string) => void,
  ): void {
    const requirements = (operation.spec.security ?? this.document.security) as Json[] | undefined;
    if (requirements === undefined || requirements.length === 0) return;
    const schemes = (this.document.components as Json).securitySchemes as Record<string, Json>;
    const satisfied = (scheme: string): boolean => {
      const definition = schemes[scheme];
      if (definition === undefined) return false;
      if (definition.type === 'http' && definition.scheme === 'bearer') {
        return /^Bearer \S+$/.test(String(headers.authorization ?? ''));
      }
      if (definition.type === 'apiKey' && definition.in === 'header') {
        return headers[String(definition.name).toLowerCase()] !== undefined;
      }
      return false;
    };
    if (!requirements.some((requirement) => Object.keys(requirement).every(satisfied))) {
      problem(`credentials satisfy none of ${JSON.stringify(requirements.map((r) => Object.keys(r)))}`);
    }
  }

  private check(schema: Json, value: unknown, what: string, problem: (text: string) => void): void {
    const validate = this.compile(schema);
    if (!validate(value)) {
      const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
      problem(`${what} does not match the schema: ${[...new Set(errors)].slice(0, 6).join('; ')}`);
    }
  }

  private compile(schema: Json): ValidateFunction {
    const key = JSON.stringify(schema);
    let validate = this.compiled.get(key);
    if (validate === undefined) {
      validate = this.ajv.compile(rebaseRefs(schema) as Json);
      this.compiled.set(key, validate);
    }
    return validate;
  }

  private resolve(node: Json): Json {
    let current = node;
    for (let depth = 0; typeof current.$ref === 'string' && depth < 10; depth++) {
      current = this.pointer(current.$ref);
    }
    return current;
  }

  private pointer(ref: string): Json {
    const parts = ref.replace(/^#\//, '').split('/').map(unescapePointer);
    let current: unknown = this.document;
    for (const part of parts) current = (current as Json)[part];
    return current as Json;
  }

  private find(method: string, apiPath: string): Operation | undefined {
    return this.operations.find(
      (operation) => operation.method === method.toUpperCase() && operation.matcher.test(apiPath),
    );
  }

  private apiPath(urlOrPath: string): string {
    const pathname = urlOrPath.split('?')[0] ?? urlOrPath;
    return pathname.startsWith(API_PREFIX) ? pathname.slice(API_PREFIX.length) || '/' : pathname;
  }
}

/**
 * Cloudflare's spec writes most 4XX bodies as allOf(<the success envelope>, api-response-common-failure), which no
 * document can satisfy (`success` would have to be both true and false, `result` both an object and null). The
 * failure envelope is what the part means, so an error body is checked against that part alone.
 */
function failureSchema(schema: Json): Json {
  const parts = schema.allOf as Json[] | undefined;
  const failure = parts?.find(
    (part) => typeof part.$ref === 'string' && part.$ref.endsWith('api-response-common-failure'),
  );
  return failure ?? schema;
}

/** Query values are strings on the wire; the schema says what they stand for. */
function coerce(schema: Json, raw: string): unknown {
  switch (schema.type) {
    case 'number':
    case 'integer':
      return raw.trim() === '' ? raw : Number(raw);
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : raw;
    case 'array':
      return raw.split(',');
    default:
      return raw;
  }
}

/** Local `#/components/...` references point into the whole spec, registered as `openapi.json`. */
function rebaseRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rebaseRefs);
  if (typeof node !== 'object' || node === null) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === '$ref' && typeof value === 'string' && value.startsWith('#') ? `openapi.json${value}` : rebaseRefs(value);
  }
  return out;
}

function mediaType(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return (value ?? '').split(';')[0].trim().toLowerCase();
}

function paramCount(template: string): number {
  return (template.match(/\{/g) ?? []).length;
}

function unescapePointer(part: string): string {
  return decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
}
