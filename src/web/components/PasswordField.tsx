import { PasswordInput, type PasswordInputProps } from '@mantine/core';

/**
 * Mantine's PasswordInput, with a show/hide button whose name does not repeat the field's label
 * (so "Password" names exactly one control on the page).
 */
export function PasswordField(props: PasswordInputProps) {
  return (
    <PasswordInput
      visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the characters typed' }}
      {...props}
    />
  );
}
