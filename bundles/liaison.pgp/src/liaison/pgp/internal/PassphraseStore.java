package liaison.pgp.internal;

import liaison.api.LiaisonException;

/** Where the passphrase of our secret key is kept, by key fingerprint. */
interface PassphraseStore {

    /** The passphrase, or null when none is stored (an unprotected key). */
    char[] get(String fingerprint) throws LiaisonException;

    void put(String fingerprint, char[] passphrase) throws LiaisonException;

    /** A store for keys without passphrase: nothing to keep. */
    PassphraseStore NONE = new PassphraseStore() {
        @Override
        public char[] get(String fingerprint) {
            return null;
        }

        @Override
        public void put(String fingerprint, char[] passphrase) throws LiaisonException {
            throw new LiaisonException("no secure storage to keep a passphrase in");
        }
    };
}
