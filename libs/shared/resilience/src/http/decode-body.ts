import type { ClassConstructor } from 'class-transformer';
import { InvalidUpstreamResponseError, validateOrThrow, ValidationFailedError } from '@platform/validation';

/**
 * The body of a successful answer: JSON parsed, other text as is, nothing when empty; checked
 * against `type` when one is declared, so that a contract broken upstream fails here, as a 502,
 * and not three calls later as a TypeError.
 */
export async function decodeBody<T>(
  upstream: string,
  contentType: string | null,
  text: string,
  type?: ClassConstructor<T>,
): Promise<T> {
  let body: unknown;
  if (text.length > 0) {
    if (contentType && /[/+]json\b/i.test(contentType)) {
      try {
        body = JSON.parse(text);
      } catch (cause) {
        throw new InvalidUpstreamResponseError(
          upstream,
          [{ field: '$', message: 'body is not valid JSON', code: 'isJson' }],
          { cause },
        );
      }
    } else {
      body = text;
    }
  }
  if (!type) return body as T;
  try {
    return (await validateOrThrow(type as ClassConstructor<object>, body)) as T;
  } catch (error) {
    if (error instanceof ValidationFailedError)
      throw new InvalidUpstreamResponseError(upstream, error.errors, { cause: error });
    throw error;
  }
}
