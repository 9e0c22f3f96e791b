export { localContentStore, sha256Hex } from './local-content-store';
