package liaison.pgp.internal;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.equinox.security.storage.provider.IProviderHints;

import liaison.api.LiaisonException;

/**
 * Passphrases in Eclipse secure storage, in a store file of the workspace. The store's master
 * password comes from the installed password providers (the desktop keyring module) or, for
 * headless installations, from {@value #PASSWORD_ENV} (Eclipse's {@code -eclipse.password}
 * counterpart); the user is never prompted by a command.
 */
final class SecureStoragePassphrases implements PassphraseStore {

    static final String PASSWORD_ENV = "LIAISON_SECURE_STORAGE_PASSWORD";
    static final String PASSWORD_PROPERTY = "liaison.secureStorage.password";
    private static final String NODE = "liaison/pgp/";
    private static final String KEY = "passphrase";

    private final Path file;

    SecureStoragePassphrases(Path file) {
        this.file = file;
    }

    private ISecurePreferences open() throws LiaisonException {
        Map<String, Object> options = new HashMap<>();
        options.put(IProviderHints.PROMPT_USER, Boolean.FALSE);
        String master = System.getProperty(PASSWORD_PROPERTY, System.getenv(PASSWORD_ENV));
        if (master != null && !master.isEmpty()) {
            options.put(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec(master.toCharArray()));
        }
        try {
            URL url = file.toUri().toURL();
            ISecurePreferences root = SecurePreferencesFactory.open(url, options);
            if (root == null) {
                throw new LiaisonException("cannot open secure storage " + file);
            }
            return root;
        } catch (IOException e) {
            throw new LiaisonException("cannot open secure storage " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public char[] get(String fingerprint) throws LiaisonException {
        try {
            String value = open().node(NODE + fingerprint).get(KEY, null);
            return value == null ? null : value.toCharArray();
        } catch (StorageException e) {
            throw unavailable(e);
        }
    }

    @Override
    public void put(String fingerprint, char[] passphrase) throws LiaisonException {
        ISecurePreferences root = open();
        try {
            root.node(NODE + fingerprint).put(KEY, new String(passphrase), true);
            root.flush();
        } catch (StorageException e) {
            throw unavailable(e);
        } catch (IOException e) {
            throw new LiaisonException("cannot write secure storage " + file + ": " + e.getMessage(), e);
        }
    }

    private LiaisonException unavailable(StorageException e) {
        return new LiaisonException("secure storage " + file + " cannot be used for the key's passphrase (" + e.getMessage()
                + "); install a password provider (the desktop keyring), set " + PASSWORD_ENV
                + ", or use a key without passphrase (--no-passphrase)", e);
    }
}
