import type { INestApplication, ValidationPipeOptions } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { setErrorReporter, type ErrorReporter } from './filter/error-reporter.js';
import { ProblemDetailsFilter, type ProblemDetailsOptions } from './filter/problem-details.filter.js';
import { createValidationPipe } from './validate/validation-pipe.js';

/** Options of `applyValidation`; every one has a sensible default. */
export interface ApplyValidationOptions extends ProblemDetailsOptions {
  /** Overrides of the ValidationPipe defaults (whitelist, forbidNonWhitelisted, transform). */
  pipe?: ValidationPipeOptions;
  /** Called for every 5xx answer (error tracking). */
  errorReporter?: ErrorReporter;
}

/**
 * The one call a service makes, before `listen()`: the validation pipe and the Problem Details
 * filter, both global, so that no route can answer an error in another shape.
 */
export function applyValidation<T extends INestApplication>(app: T, options: ApplyValidationOptions = {}): T {
  app.useGlobalPipes(createValidationPipe(options.pipe));
  app.useGlobalFilters(
    new ProblemDetailsFilter(app.get(HttpAdapterHost), { problemTypeBase: options.problemTypeBase }),
  );
  if (options.errorReporter) setErrorReporter(options.errorReporter);
  return app;
}
