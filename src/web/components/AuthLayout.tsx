import type { ReactNode } from 'react';
import { Box, Center, Paper, Stack, Text } from '@mantine/core';
import { Brand } from '../app/AppLayout.js';

/** The frame of the pages before sign-in: the brand above one centred card. */
export function AuthLayout({ children, width = 440 }: { children: ReactNode; width?: number }) {
  return (
    <Box mih="100vh" style={{ display: 'flex', flexDirection: 'column' }}>
      <Box component="header" px="lg" pt="lg">
        <Brand size="lg" />
      </Box>
      <Center component="main" id="main" px="md" py="xl" style={{ flex: 1 }}>
        <Stack w="100%" maw={width} gap="md">
          <Paper p={{ base: 'lg', sm: 'xl' }} shadow="xs">
            {children}
          </Paper>
          <Text size="xs" c="dimmed" ta="center">
            Palpa keeps client records private to your clinic. Sign out when you leave a shared computer.
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
