import type { Payment } from './types.js';

/** The payer's page: the payment and two buttons that POST the outcome as JSON, then show the new state. */
export function checkoutPage(payment: Payment): string {
  const amount = `${(payment.amount.amountMinor / 100).toFixed(2)} ${payment.amount.currency}`;
  const final = payment.status === 'succeeded';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Payment sandbox checkout</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto}button{font-size:1rem;margin-right:1rem;padding:.5rem 1rem}</style>
</head>
<body>
<h1>Payment sandbox</h1>
<p>Not a real payment: this page plays the payer.</p>
<dl>
<dt>Amount</dt><dd>${escapeHtml(amount)}</dd>
<dt>Reference</dt><dd>${escapeHtml(payment.reference)}</dd>
<dt>Description</dt><dd>${escapeHtml(payment.description ?? '')}</dd>
<dt>Status</dt><dd id="status">${escapeHtml(payment.status)}</dd>
</dl>
<p>
<button data-outcome="succeeded"${final ? ' disabled' : ''}>Pay</button>
<button data-outcome="failed"${final ? ' disabled' : ''}>Decline</button>
</p>
<script>
for (const button of document.querySelectorAll('button')) {
  button.addEventListener('click', async () => {
    const response = await fetch(location.pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outcome: button.dataset.outcome }),
    });
    const body = await response.json();
    document.getElementById('status').textContent = response.ok ? body.status : body.detail;
    if (body.status === 'succeeded') for (const b of document.querySelectorAll('button')) b.disabled = true;
  });
}
</script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );
}
