/** The options of `nx g @platform/generators:service` (schema.json says the same for the CLI). */
export interface ServiceGeneratorSchema {
  name: string;
  port?: number;
  /** Comma-separated event types. */
  consumes?: string;
  /** Comma-separated event types. */
  publishes?: string;
  publicRoutes?: boolean;
}
