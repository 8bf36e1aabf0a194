import { screen } from '@testing-library/react';
import { expect, it } from 'vitest';
import { setup } from './setup.tsx';

it('renders the sign-in screen', async () => {
  setup();
  expect(await screen.findByRole('heading', { name: 'Sign in to e-Próspera' })).toBeTruthy();
});
