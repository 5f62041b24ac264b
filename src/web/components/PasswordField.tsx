import { PasswordInput, TextInput, type PasswordInputProps, type TextInputProps } from '@mantine/core';
import { passwordProblem, PASSWORD_MIN_LENGTH } from '../../modules/accounts/domain/password-policy.js';

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

/** The password a new account chooses (set-up, invitation, learner sign-up): the policy told up front. */
export function NewPasswordField(props: PasswordInputProps) {
  return (
    <PasswordField
      label="Password"
      description={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a good one.`}
      withAsterisk
      autoComplete="new-password"
      {...props}
    />
  );
}

/** The address a new account signs in with. */
export function SignInEmailField(props: TextInputProps) {
  return (
    <TextInput
      label="Email"
      description="You sign in with it."
      type="email"
      withAsterisk
      autoComplete="username"
      {...props}
    />
  );
}

/** What is wrong with a new account's password, checked in the browser before anything is sent. */
export const newPasswordProblem = (password: string, email: string): string | undefined =>
  password
    ? passwordProblem(password, email)
    : `Choose a password of at least ${PASSWORD_MIN_LENGTH} characters.`;
