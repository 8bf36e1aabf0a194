import type { CliCommand } from '../command.ts';
import { audit } from './audit.ts';
import { check } from './check.ts';
import { whoami } from './whoami.ts';

/** Every command of the CLI, in --help order. Add new ones here. */
export const COMMANDS: readonly CliCommand[] = [whoami, check, audit];
