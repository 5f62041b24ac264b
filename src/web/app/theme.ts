import {
  createTheme,
  defaultVariantColorsResolver,
  parseThemeColor,
  type MantineColorsTuple,
  type VariantColorsResolver,
} from '@mantine/core';

/** A calm teal-blue. Shade 7 is the primary (white text on it meets WCAG AA: 5.1:1). */
const palpa: MantineColorsTuple = [
  '#e7f6f8',
  '#cfeaef',
  '#a1d4de',
  '#6fbccb',
  '#47a7bb',
  '#2e99b0',
  '#1b8aa2',
  '#0e758a',
  '#06667a',
  '#00566a',
];

/**
 * Yellow's and orange's shade 9 are too light for text on their light backgrounds (2.8:1 and 3.9:1):
 * these darker tones reach 6.8:1 and 6.6:1.
 */
const DARK_TEXT: Record<string, string> = { yellow: '#7a4d00', orange: '#9a3412' };

/** Text in a theme colour that reads at WCAG AA on that colour's light background (alerts, badges). */
export const readableTextColor = (color: string): string =>
  DARK_TEXT[color] ?? `var(--mantine-color-${color}-9)`;

/** Light variants (alerts, badges) get their text in shade 9 (or darker), so it reads at WCAG AA contrast. */
const variantColorResolver: VariantColorsResolver = (input) => {
  const defaults = defaultVariantColorsResolver(input);
  if (input.variant !== 'light') return defaults;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return defaults;
  return { ...defaults, color: readableTextColor(parsed.color) };
};

export const theme = createTheme({
  variantColorResolver,
  primaryColor: 'palpa',
  primaryShade: { light: 7, dark: 5 },
  colors: { palpa },
  defaultRadius: 'md',
  cursorType: 'pointer',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif',
  headings: {
    fontWeight: '650',
    sizes: {
      h1: { fontSize: '1.75rem', lineHeight: '1.25' },
      h2: { fontSize: '1.25rem', lineHeight: '1.35' },
      h3: { fontSize: '1.0625rem', lineHeight: '1.4' },
    },
  },
  focusRing: 'auto',
  components: {
    TextInput: { defaultProps: { size: 'sm' } },
    Paper: { defaultProps: { withBorder: true, radius: 'md' } },
    Table: { defaultProps: { verticalSpacing: 'sm', horizontalSpacing: 'md' } },
    Badge: {
      defaultProps: { radius: 'sm', tt: 'none', fw: 600 },
      styles: { label: { overflow: 'visible' } },
    },
  },
});
