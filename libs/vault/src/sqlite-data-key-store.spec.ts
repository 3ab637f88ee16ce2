import { describeDataKeyStoreContract } from './testing/data-key-store.contract';
import { sqliteBackend } from './testing/data-key-store.backends';

describeDataKeyStoreContract('sqlite', sqliteBackend);
