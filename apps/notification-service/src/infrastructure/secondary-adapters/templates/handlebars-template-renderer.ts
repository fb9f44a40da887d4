import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { RenderedEmail, TemplateRenderer } from '../../../application/ports/template-renderer.port.js';
import { EMAIL_TEMPLATES, type EmailTemplate } from '../../../domain/notification.js';

/** apps/notification-service/templates: one folder per template with subject.hbs, html.hbs and text.hbs. */
export const TEMPLATES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../templates');

interface Compiled {
  subject: Handlebars.TemplateDelegate;
  html: Handlebars.TemplateDelegate;
  text: Handlebars.TemplateDelegate;
}

/**
 * Renders the template files with Handlebars (maintained, logic-less). In the HTML part every
 * `{{value}}` is HTML-escaped (Handlebars' default), so a name like `<script>` arrives as text;
 * the subject and the plain-text part are not HTML and are rendered without escaping. Every
 * template is read and compiled at start-up: a missing or broken file stops the service.
 */
export class HandlebarsTemplateRenderer implements TemplateRenderer {
  private readonly templates = new Map<EmailTemplate, Compiled>();

  constructor(dir: string = TEMPLATES_DIR) {
    const handlebars = Handlebars.create();
    const compile = (name: EmailTemplate, part: string, escape: boolean) => {
      const source = readFileSync(path.join(dir, name, `${part}.hbs`), 'utf8');
      const template = handlebars.compile(source, { noEscape: !escape, strict: false });
      template({}); // compiles now: a syntax error stops the start, not the first send
      return template;
    };
    for (const name of EMAIL_TEMPLATES) {
      this.templates.set(name, {
        subject: compile(name, 'subject', false),
        html: compile(name, 'html', true),
        text: compile(name, 'text', false),
      });
    }
  }

  render(template: EmailTemplate, data: Record<string, unknown>): RenderedEmail {
    const compiled = this.templates.get(template);
    if (!compiled) throw new Error(`no e-mail template "${template}"`);
    return {
      // A header is one line: a line break in a value must not start another header.
      subject: compiled
        .subject(data)
        .replace(/[\r\n]+/g, ' ')
        .trim(),
      html: compiled.html(data),
      text: compiled.text(data),
    };
  }
}
