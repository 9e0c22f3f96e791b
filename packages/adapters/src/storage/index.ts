export { localContentStore, sha256Hex } from './local-content-store';
export { s3ContentStore, S3StoreError, type S3ContentStoreOptions } from './s3-content-store';
export { amzDate, encodeSegment, signV4, type SigV4Credentials, type SigV4Request } from './sigv4';
