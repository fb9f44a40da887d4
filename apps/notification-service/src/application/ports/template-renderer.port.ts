import type { EmailTemplate } from '../../domain/notification.js';

/** A rendered e-mail: its subject and its two bodies. */
export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** Renders a template's files with the notification's data; HTML output escapes every value. */
export interface TemplateRenderer {
  render(template: EmailTemplate, data: Record<string, unknown>): RenderedEmail;
}
