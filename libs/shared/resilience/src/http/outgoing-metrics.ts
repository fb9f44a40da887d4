import { observeOutgoingHttp } from '@platform/monitoring';

/** Records one physical request (each retry is one) in `http_client_request_duration_seconds`. */
export function recordOutgoingRequest(
  upstream: string,
  method: string,
  status: number | 'error',
  seconds: number,
): void {
  observeOutgoingHttp(upstream, method, status, seconds);
}
