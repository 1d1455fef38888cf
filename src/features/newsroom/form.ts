/**
 * Reads a submitted newsroom form: urlencoded fields arrive as strings (or
 * arrays when repeated), multipart fields as objects carrying a value.
 */
export interface FormFields {
  /** The field's text, trimmed of nothing; "" when it is missing. */
  text(name: string): string;
  /** Every value of a repeated field, in order. */
  all(name: string): string[];
  has(name: string): boolean;
  /** A checkbox: present and not "0"/"off". */
  checked(name: string): boolean;
}

function fieldText(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (raw && typeof raw === 'object' && 'value' in raw && typeof raw.value === 'string') return raw.value;
  return undefined;
}

export function formFields(body: unknown): FormFields {
  const record = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const all = (name: string): string[] => {
    const raw = record[name];
    const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    return list.map(fieldText).filter((v): v is string => v !== undefined);
  };
  return {
    text: (name) => all(name)[0] ?? '',
    all,
    has: (name) => record[name] !== undefined,
    checked: (name) => {
      const value = all(name)[0];
      return value !== undefined && value !== '0' && value !== 'off';
    },
  };
}
