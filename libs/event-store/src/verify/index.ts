export { ChainVerifier } from './chain-verifier';
