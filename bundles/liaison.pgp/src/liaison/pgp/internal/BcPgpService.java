package liaison.pgp.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.Features;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.generators.X25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.X25519KeyGenerationParameters;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

import liaison.api.InputException;
import liaison.api.LiaisonException;
import liaison.pgp.KeyInfo;
import liaison.pgp.PgpService;
import liaison.store.Workspace;

/**
 * Keys in {@code <workspace>/pgp}: {@code secret.asc} (our key) and {@code public.asc} (our
 * correspondents' keys), both ASCII-armoured so an analyst can read them with {@code gpg}. Files are
 * replaced atomically; the unlocked private key is kept in memory once the first message is signed.
 */
@Component(service = PgpService.class, configurationPid = Workspace.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public class BcPgpService implements PgpService {

    /** Hash of our signatures; RFC 3156 names it in {@code micalg}. */
    private static final int SIGNATURE_HASH = HashAlgorithmTags.SHA256;
    private static final String MICALG = "pgp-sha256";

    private final Path secretFile;
    private final Path publicFile;
    private final PassphraseStore passphrases;
    private final SecureRandom random = new SecureRandom();

    private PGPSecretKeyRing secretRing;
    private PGPPrivateKey signingKey;
    private Map<String, PGPPublicKeyRing> publicRings;

    @Activate
    public BcPgpService(Map<String, Object> properties) {
        this(Path.of(String.valueOf(properties.get(Workspace.PATH_PROPERTY))).resolve("pgp"), null);
    }

    /** Keys in the directory; passphrases in the given store (secure storage in the directory when null). */
    BcPgpService(Path directory, PassphraseStore passphrases) {
        this.secretFile = directory.resolve("secret.asc");
        this.publicFile = directory.resolve("public.asc");
        this.passphrases = passphrases != null ? passphrases : new SecureStoragePassphrases(directory.resolve("secure_storage"));
    }

    /** For callers outside OSGi (benchmarks): keys in the directory, no passphrases. */
    public static PgpService withoutPassphrases(Path directory) {
        return new BcPgpService(directory, PassphraseStore.NONE);
    }

    @Override
    public synchronized KeyInfo generate(String name, String email, char[] passphrase) throws LiaisonException {
        if (Files.exists(secretFile)) {
            throw new LiaisonException("a key already exists in " + secretFile + "; remove it first to generate a new one");
        }
        if (name == null || name.isBlank() || email == null || !email.matches("[^\\s<>@]+@[^\\s<>@]+")) {
            throw new LiaisonException("a key needs a name and an e-mail address");
        }
        String userId = name.strip() + " <" + email.strip() + ">";
        try {
            Date now = new Date(System.currentTimeMillis() / 1000 * 1000);
            Ed25519KeyPairGenerator ed = new Ed25519KeyPairGenerator();
            ed.init(new Ed25519KeyGenerationParameters(random));
            PGPKeyPair primary = new BcPGPKeyPair(PublicKeyPacket.VERSION_4, PublicKeyAlgorithmTags.EDDSA_LEGACY, ed.generateKeyPair(), now);
            X25519KeyPairGenerator x = new X25519KeyPairGenerator();
            x.init(new X25519KeyGenerationParameters(random));
            PGPKeyPair encryption = new BcPGPKeyPair(PublicKeyPacket.VERSION_4, PublicKeyAlgorithmTags.ECDH, x.generateKeyPair(), now);

            PGPSignatureSubpacketGenerator primaryFlags = new PGPSignatureSubpacketGenerator();
            primaryFlags.setKeyFlags(true, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
            primaryFlags.setPreferredHashAlgorithms(false, new int[] { HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA256 });
            primaryFlags.setPreferredSymmetricAlgorithms(false,
                    new int[] { SymmetricKeyAlgorithmTags.AES_256, SymmetricKeyAlgorithmTags.AES_128 });
            primaryFlags.setPreferredCompressionAlgorithms(false, new int[] { CompressionAlgorithmTags.UNCOMPRESSED });
            primaryFlags.setFeature(false, Features.FEATURE_MODIFICATION_DETECTION);
            primaryFlags.setIssuerFingerprint(false, primary.getPublicKey());
            PGPSignatureSubpacketGenerator subFlags = new PGPSignatureSubpacketGenerator();
            subFlags.setKeyFlags(true, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);
            subFlags.setIssuerFingerprint(false, primary.getPublicKey());

            PGPDigestCalculator sha1 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1);
            PGPDigestCalculator sha256 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA256);
            boolean protect = passphrase != null && passphrase.length > 0;
            PGPKeyRingGenerator generator = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, primary, userId, sha1,
                    primaryFlags.generate(), null, new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.EDDSA_LEGACY, HashAlgorithmTags.SHA512),
                    protect ? new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256, sha256, 0xc0).setSecureRandom(random).build(passphrase) : null);
            generator.addSubKey(encryption, subFlags.generate(), null);
            PGPSecretKeyRing ring = generator.generateSecretKeyRing();
            String fingerprint = fingerprint(ring.getPublicKey());
            if (protect) {
                passphrases.put(fingerprint, passphrase);
            }
            write(secretFile, armor(ring.getEncoded()));
            secretRing = ring;
            signingKey = null;
            return info(ring);
        } catch (PGPException | IOException e) {
            throw new LiaisonException("cannot generate a key for " + userId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<KeyInfo> importKeys(byte[] keyBlock, String inputName, char[] passphrase) throws LiaisonException {
        return importKeys(keyBlock, inputName, passphrase, true);
    }

    @Override
    public List<KeyInfo> importPublicKeys(byte[] keyBlock, String inputName) throws LiaisonException {
        return importKeys(keyBlock, inputName, null, false);
    }

    private synchronized List<KeyInfo> importKeys(byte[] keyBlock, String inputName, char[] passphrase, boolean secretAllowed)
            throws LiaisonException {
        List<Object> objects = new ArrayList<>();
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(keyBlock))) {
            BcPGPObjectFactory factory = new BcPGPObjectFactory(in);
            for (Object o = factory.nextObject(); o != null; o = factory.nextObject()) {
                objects.add(o);
            }
        } catch (IOException | RuntimeException e) {
            throw new InputException(inputName, 0, 0, "not an OpenPGP key block: " + e.getMessage(), e);
        }
        if (objects.isEmpty()) {
            throw new InputException(inputName, 0, 0, "no OpenPGP key found");
        }
        List<KeyInfo> imported = new ArrayList<>();
        Map<String, PGPPublicKeyRing> rings = new LinkedHashMap<>(publicRings());
        PGPSecretKeyRing newSecret = null;
        boolean publicImported = false;
        for (Object o : objects) {
            if (o instanceof PGPSecretKeyRing ring) {
                if (!secretAllowed) {
                    throw new InputException(inputName, 0, 0, "holds a secret key; only public keys are taken from here");
                }
                if (newSecret != null || Files.exists(secretFile)) {
                    throw new InputException(inputName, 0, 0, "holds a secret key, but " + (newSecret != null
                            ? "more than one" : "our key already exists in " + secretFile));
                }
                unlock(ring, passphrase, inputName);
                newSecret = ring;
            } else if (o instanceof PGPPublicKeyRing ring) {
                rings.put(fingerprint(ring.getPublicKey()), ring);
                imported.add(info(ring));
                publicImported = true;
            } else {
                throw new InputException(inputName, 0, 0, "holds " + o.getClass().getSimpleName() + ", not a key");
            }
        }
        try {
            if (newSecret != null) {
                String fingerprint = fingerprint(newSecret.getPublicKey());
                if (passphrase != null && passphrase.length > 0) {
                    passphrases.put(fingerprint, passphrase);
                }
                write(secretFile, armor(newSecret.getEncoded()));
                secretRing = newSecret;
                signingKey = null;
                imported.add(0, info(newSecret));
            }
            if (publicImported) {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                for (PGPPublicKeyRing r : rings.values()) {
                    r.encode(all);
                }
                write(publicFile, armor(all.toByteArray()));
                publicRings = rings;
            }
        } catch (IOException e) {
            throw new LiaisonException("cannot store keys in " + secretFile.getParent() + ": " + e.getMessage(), e);
        }
        return imported;
    }

    @Override
    public synchronized String exportPublicKey() throws LiaisonException {
        PGPSecretKeyRing ring = secretRing();
        if (ring == null) {
            throw new LiaisonException("no key yet; generate one with 'liaison pgp generate' or import one");
        }
        try {
            ByteArrayOutputStream pub = new ByteArrayOutputStream();
            ring.toCertificate().encode(pub);
            return armor(pub.toByteArray());
        } catch (IOException e) {
            throw new LiaisonException("cannot export the public key: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<KeyInfo> ownKey() throws LiaisonException {
        PGPSecretKeyRing ring = secretRing();
        return ring == null ? Optional.empty() : Optional.of(info(ring));
    }

    @Override
    public synchronized List<KeyInfo> publicKeys() throws LiaisonException {
        return publicRings().values().stream().map(BcPgpService::info).toList();
    }

    @Override
    public synchronized Optional<KeyInfo> keyFor(String email) throws LiaisonException {
        PGPPublicKeyRing ring = ringFor(email);
        return ring == null ? Optional.empty() : Optional.of(info(ring));
    }

    private PGPPublicKeyRing ringFor(String email) throws LiaisonException {
        String wanted = "<" + email.strip().toLowerCase(Locale.ROOT) + ">";
        for (PGPPublicKeyRing ring : publicRings().values()) {
            for (Iterator<String> ids = ring.getPublicKey().getUserIDs(); ids.hasNext();) {
                String id = ids.next().toLowerCase(Locale.ROOT);
                if (id.endsWith(wanted) || id.equals(wanted.substring(1, wanted.length() - 1))) {
                    return ring;
                }
            }
        }
        return null;
    }

    @Override
    public byte[] sign(byte[] entity) throws LiaisonException {
        PGPPrivateKey key;
        PGPPublicKey publicKey;
        synchronized (this) {
            key = signingKey();
            publicKey = secretRing.getPublicKey();
        }
        try {
            PGPSignatureGenerator generator = new PGPSignatureGenerator(
                    new BcPGPContentSignerBuilder(publicKey.getAlgorithm(), SIGNATURE_HASH), publicKey);
            generator.init(PGPSignature.BINARY_DOCUMENT, key);
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setSignatureCreationTime(true, new Date());
            hashed.setIssuerFingerprint(false, publicKey);
            generator.setHashedSubpackets(hashed.generate());
            generator.update(entity);
            return PgpMimeEntities.signed(entity, armor(generator.generate().getEncoded()), MICALG);
        } catch (PGPException | IOException e) {
            throw new LiaisonException("cannot sign: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] encrypt(byte[] entity, List<String> recipients) throws LiaisonException {
        List<PGPPublicKey> keys = new ArrayList<>();
        synchronized (this) {
            for (String r : recipients) {
                PGPPublicKeyRing ring = ringFor(r);
                PGPPublicKey key = ring == null ? null : encryptionKey(ring.getPublicKeys());
                if (key == null) {
                    throw new LiaisonException("no encryption key for " + r + "; import it with 'liaison pgp import FILE'");
                }
                keys.add(key);
            }
            PGPSecretKeyRing own = secretRing();
            if (own != null) {
                PGPPublicKey self = encryptionKey(own.getPublicKeys());
                if (self != null) {
                    keys.add(self); // so that our own copy of a sent report stays readable
                }
            }
        }
        try {
            PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(
                    new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256).setWithIntegrityPacket(true).setSecureRandom(random));
            for (PGPPublicKey k : keys) {
                generator.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(k).setSecureRandom(random));
            }
            ByteArrayOutputStream armored = new ByteArrayOutputStream();
            try (ArmoredOutputStream armor = armorStream(armored); OutputStream encrypted = generator.open(armor, new byte[1 << 14]);
                    OutputStream literal = new PGPLiteralDataGenerator().open(encrypted, PGPLiteralData.BINARY, "", entity.length, new Date())) {
                literal.write(entity);
            }
            return PgpMimeEntities.encrypted(armored.toString(StandardCharsets.US_ASCII));
        } catch (PGPException | IOException e) {
            throw new LiaisonException("cannot encrypt: " + e.getMessage(), e);
        }
    }

    private static PGPPublicKey encryptionKey(Iterator<PGPPublicKey> keys) {
        PGPPublicKey found = null;
        while (keys.hasNext()) {
            PGPPublicKey k = keys.next();
            if (k.isEncryptionKey() && !k.hasRevocation()) {
                found = k; // the last one listed is the newest subkey
            }
        }
        return found;
    }

    private PGPPrivateKey signingKey() throws LiaisonException {
        if (signingKey == null) {
            PGPSecretKeyRing ring = secretRing();
            if (ring == null) {
                throw new LiaisonException("no key to sign with; generate one with 'liaison pgp generate' or import one");
            }
            signingKey = unlock(ring, passphrases.get(fingerprint(ring.getPublicKey())), secretFile.toString());
        }
        return signingKey;
    }

    private static PGPPrivateKey unlock(PGPSecretKeyRing ring, char[] passphrase, String source) throws LiaisonException {
        PGPSecretKey key = ring.getSecretKey();
        try {
            if (key.isPrivateKeyEmpty()) {
                throw new LiaisonException(source + ": the primary secret key is missing (a stub); import the full key");
            }
            boolean protectedKey = key.getKeyEncryptionAlgorithm() != SymmetricKeyAlgorithmTags.NULL;
            if (protectedKey && (passphrase == null || passphrase.length == 0)) {
                throw new LiaisonException(source + ": the key is protected by a passphrase, but none is known");
            }
            return key.extractPrivateKey(protectedKey
                    ? new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(passphrase) : null);
        } catch (PGPException e) {
            throw new LiaisonException(source + ": cannot unlock the secret key (wrong passphrase?): " + e.getMessage(), e);
        }
    }

    private PGPSecretKeyRing secretRing() throws LiaisonException {
        if (secretRing == null && Files.exists(secretFile)) {
            try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(secretFile))) {
                Object o = new BcPGPObjectFactory(in).nextObject();
                if (!(o instanceof PGPSecretKeyRing ring)) {
                    throw new InputException(secretFile.toString(), 0, 0, "does not hold a secret key");
                }
                secretRing = ring;
            } catch (IOException e) {
                throw new InputException(secretFile.toString(), 0, 0, "unreadable key file: " + e.getMessage(), e);
            }
        }
        return secretRing;
    }

    private Map<String, PGPPublicKeyRing> publicRings() throws LiaisonException {
        if (publicRings == null) {
            Map<String, PGPPublicKeyRing> rings = new LinkedHashMap<>();
            if (Files.exists(publicFile)) {
                try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(publicFile))) {
                    BcPGPObjectFactory factory = new BcPGPObjectFactory(in);
                    for (Object o = factory.nextObject(); o != null; o = factory.nextObject()) {
                        if (o instanceof PGPPublicKeyRing ring) {
                            rings.put(fingerprint(ring.getPublicKey()), ring);
                        }
                    }
                } catch (IOException e) {
                    throw new InputException(publicFile.toString(), 0, 0, "unreadable key file: " + e.getMessage(), e);
                }
            }
            publicRings = rings;
        }
        return publicRings;
    }

    private static KeyInfo info(PGPSecretKeyRing ring) {
        PGPPublicKey key = ring.getPublicKey();
        return new KeyInfo(fingerprint(key), firstUserId(key), key.getCreationTime().toInstant(), true,
                ring.getSecretKey().getKeyEncryptionAlgorithm() != SymmetricKeyAlgorithmTags.NULL,
                encryptionKey(ring.getPublicKeys()) != null);
    }

    private static KeyInfo info(PGPPublicKeyRing ring) {
        PGPPublicKey key = ring.getPublicKey();
        return new KeyInfo(fingerprint(key), firstUserId(key), key.getCreationTime().toInstant(), false, false,
                encryptionKey(ring.getPublicKeys()) != null);
    }

    private static String firstUserId(PGPPublicKey key) {
        Iterator<String> ids = key.getUserIDs();
        return ids.hasNext() ? ids.next() : "";
    }

    static String fingerprint(PGPPublicKey key) {
        return HexFormat.of().withUpperCase().formatHex(key.getFingerprint());
    }

    private static ArmoredOutputStream armorStream(OutputStream out) {
        return ArmoredOutputStream.builder().clearHeaders().build(out);
    }

    private static String armor(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor = armorStream(out)) {
            armor.write(data);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Files.writeString(tmp, content, StandardCharsets.US_ASCII);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
