/**
 * The small form state the CE forms share: values, the problems found in the browser (cleared as the
 * person edits the field), and the props that tie a text field or native select to one value.
 */
import { useState, type ChangeEvent } from 'react';

type StringKeys<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T] & string;

export function useFormFields<T extends Record<string, unknown>>(blank: T) {
  const [values, setValues] = useState(blank);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const set = <K extends keyof T & string>(key: K, value: T[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setMissing((current) => ({ ...current, [key]: '' }));
  };
  /** `value`, `onChange` and `error` of a TextInput, Textarea or NativeSelect bound to `key`. */
  const bind =
    (errors: Record<string, string>) =>
    <K extends StringKeys<T>>(key: K) => ({
      value: values[key] as string,
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
        set(key, event.currentTarget.value as T[K]),
      error: errors[key] || undefined,
    });
  return { values, set, reset: () => setValues(blank), missing, setMissing, bind };
}
