/**
 * Why a send failed, as the sender judged it: `transient` (4xx reply, refused connection, timeout)
 * is retried within the budget, `permanent` (5xx reply such as 550) never.
 */
export class DeliveryFailure extends Error {
  override readonly name = 'DeliveryFailure';

  constructor(
    readonly kind: 'transient' | 'permanent',
    message: string,
    /** The SMTP reply code, when the server answered. */
    readonly replyCode?: number,
  ) {
    super(message);
  }
}
