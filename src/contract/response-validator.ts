import type { ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { loadContractIndex, type OpenApiIndex } from './openapi-schemas.ts';

/** One way an answer departs from the contract: where (a JSON pointer into the answer), what, and the value. */
export interface Violation {
  path: string;
  message: string;
  value?: unknown;
}

export interface ObservedResponse {
  operationId: string;
  status: number;
  /** The Content-Type header as received, or undefined when absent. */
  contentType: string | undefined;
  /** The parsed JSON body, or the raw text when it was not JSON, or undefined when empty. */
  body: unknown;
}

function pointerGet(value: unknown, pointer: string): unknown {
  let current = value;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function mediaTypeOf(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase() || undefined;
}

/**
 * Checks answers against the OpenAPI document as Schemathesis does: the status is declared for the
 * operation, the content type is one declared for that status, and the body matches its schema.
 */
export class ResponseValidator {
  readonly #index: OpenApiIndex;
  readonly #ajv: Ajv2020;
  readonly #compiled = new Map<string, ValidateFunction>();

  constructor(index: OpenApiIndex = loadContractIndex()) {
    this.#index = index;
    this.#ajv = new Ajv2020({ strict: false, allErrors: true });
    formats.default(this.#ajv);
    this.#ajv.addSchema(index.components as object);
  }

  /** The statuses the document declares for an operation (empty when the operation is unknown). */
  declaredStatuses(operationId: string): number[] {
    return [...(this.#index.responses.get(operationId)?.keys() ?? [])];
  }

  check(response: ObservedResponse): Violation[] {
    const { operationId, status, body } = response;
    const declared = this.#index.responses.get(operationId);
    if (!declared) return [{ path: '', message: `operation ${operationId} is not in the contract` }];
    const declaredStatus = declared.get(status);
    if (!declaredStatus) {
      const allowed = [...declared.keys()].join(', ');
      return [
        {
          path: 'status',
          message: `status ${status} is not declared for ${operationId} (declared: ${allowed})`,
          value: status,
        },
      ];
    }
    const mediaType = mediaTypeOf(response.contentType);
    if (declaredStatus.content.size === 0) {
      if (body === undefined || body === '') return [];
      return [{ path: 'body', message: `status ${status} of ${operationId} declares no body`, value: body }];
    }
    const schema = mediaType === undefined ? undefined : declaredStatus.content.get(mediaType);
    if (schema === undefined) {
      const allowed = [...declaredStatus.content.keys()].join(', ');
      return [
        {
          path: 'content-type',
          message: `content type ${response.contentType ?? '(none)'} is not declared for ${operationId} ${status} (declared: ${allowed})`,
          value: response.contentType,
        },
      ];
    }
    const validate = this.#validatorFor(`${operationId} ${status} ${mediaType}`, schema);
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => {
      const extra =
        e.keyword === 'additionalProperties'
          ? ` (${(e.params as { additionalProperty: string }).additionalProperty})`
          : '';
      return {
        path: `body${e.instancePath}`,
        message: `${e.message ?? 'is invalid'}${extra}`,
        value: pointerGet(body, e.instancePath),
      };
    });
  }

  #validatorFor(key: string, schema: unknown): ValidateFunction {
    const known = this.#compiled.get(key);
    if (known) return known;
    const validate = this.#ajv.compile(schema as object);
    this.#compiled.set(key, validate);
    return validate;
  }
}
