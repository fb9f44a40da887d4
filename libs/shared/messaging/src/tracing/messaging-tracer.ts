/** Instrumentation scope of the publish and process spans this library creates. */
export const MESSAGING_TRACER = '@platform/messaging';
