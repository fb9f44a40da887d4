export { serviceGenerator } from './service/generator.js';
export type { ServiceGeneratorSchema } from './service/schema.js';
export { GeneratorError } from './service/generator-error.js';
