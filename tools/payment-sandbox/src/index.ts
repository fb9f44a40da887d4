export { startPaymentSandbox } from './server.js';
export type { RunningPaymentSandbox } from './server.js';
export type { PaymentSandboxOptions } from './options.js';
export type {
  DeliveryAttempt,
  Faults,
  Money,
  Payment,
  PaymentEventType,
  PaymentStatus,
  SandboxEvent,
  WebhookFaults,
} from './types.js';
