import { z } from "zod";

/** An import that code written from a template needs: names from a module, added as the fixers add audit imports. */
export interface TemplateImport {
  from: string;
  names: string[];
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export const TemplateImportSchema = z
  .object({
    from: z.string().min(1, "expected a module specifier"),
    names: z
      .array(z.string().refine((name) => IDENTIFIER.test(name), (name) => ({ message: `expected an identifier, got "${name}"` })))
      .min(1, "expected at least one name"),
  })
  .strict();
