import { InstrumentationNodeModuleDefinition } from '@opentelemetry/instrumentation';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';

/**
 * The versions of @nestjs/core we let the upstream instrumentation patch. Upstream 0.71 declares
 * `>=4.0.0 <12` and so silently skips Nest 12; its two patch points (`NestFactoryStatic.create`
 * and `RouterExecutionContext.create`) are unchanged in 12.x, which the child-process test of
 * this library checks by asserting the controller spans.
 */
const SUPPORTED_NEST_VERSIONS = ['>=4.0.0 <13'];

/** NestJS controller and handler spans (`AppController.work`), including on Nest 12. */
export class NestCoreInstrumentation extends NestInstrumentation {
  override init(): InstrumentationNodeModuleDefinition {
    const definition = new InstrumentationNodeModuleDefinition(NestInstrumentation.COMPONENT, SUPPORTED_NEST_VERSIONS);
    definition.files.push(
      this.getNestFactoryFileInstrumentation(SUPPORTED_NEST_VERSIONS),
      this.getRouterExecutionContextFileInstrumentation(SUPPORTED_NEST_VERSIONS),
    );
    return definition;
  }
}
