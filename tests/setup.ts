import { afterAll } from 'vitest';
import { removeTemporaryDirs } from './helpers/temp.js';

// No test leaves a folder behind in the system's temporary directory.
afterAll(removeTemporaryDirs);
