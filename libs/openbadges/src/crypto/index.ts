export { pooledRandomBytes } from './pooled-random-bytes';
