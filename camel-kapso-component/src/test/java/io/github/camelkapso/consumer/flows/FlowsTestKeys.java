package io.github.camelkapso.consumer.flows;

import java.security.AlgorithmParameters;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;

/** RSA key pairs for the tests, and their PEM forms (PKCS#8, encrypted PKCS#8, PKCS#1), made with the JDK alone. */
public final class FlowsTestKeys {

    /** The business key pair of the tests: its public half is what the WhatsApp test client encrypts for. */
    public static final KeyPair BUSINESS = generate();
    /** Another key pair: requests encrypted for it must not decrypt. */
    public static final KeyPair OTHER = generate();

    private FlowsTestKeys() {
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pkcs8Pem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /** PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC), the scheme OpenSSL 3 uses by default. */
    public static String encryptedPkcs8Pem(PrivateKey key, String passphrase) {
        try {
            String algorithm = "PBEWithHmacSHA256AndAES_256";
            byte[] salt = new byte[16];
            byte[] iv = new byte[16];
            SecureRandom random = new SecureRandom();
            random.nextBytes(salt);
            random.nextBytes(iv);
            SecretKey secret = SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(passphrase.toCharArray()));
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.ENCRYPT_MODE, secret,
                    new PBEParameterSpec(salt, 10_000, new IvParameterSpec(iv)));
            // JDK 17 cannot name "PBEWithHmacSHA256AndAES_256" in an EncryptedPrivateKeyInfo; the same DER as "PBES2" it can
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("PBES2");
            parameters.init(cipher.getParameters().getEncoded());
            byte[] encrypted = cipher.doFinal(key.getEncoded());
            return pem("ENCRYPTED PRIVATE KEY", new EncryptedPrivateKeyInfo(parameters, encrypted).getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The RSAPrivateKey (PKCS#1) inside the JDK's PKCS#8 encoding, cut out at its fixed offset. */
    public static String pkcs1Pem(PrivateKey key) {
        return pem("RSA PRIVATE KEY", pkcs1(key));
    }

    public static byte[] pkcs1(PrivateKey key) {
        byte[] pkcs8 = key.getEncoded();
        // SEQUENCE(4) INTEGER 0(3) AlgorithmIdentifier(15) OCTET STRING header(4): 26 bytes for any 2048-bit key
        int header = 26;
        if (pkcs8[22] != 0x04 || (pkcs8[23] & 0xff) != 0x82) {
            throw new IllegalStateException("unexpected PKCS#8 layout");
        }
        int length = (pkcs8[24] & 0xff) << 8 | pkcs8[25] & 0xff;
        if (header + length != pkcs8.length) {
            throw new IllegalStateException("unexpected PKCS#8 length");
        }
        return Arrays.copyOfRange(pkcs8, header, pkcs8.length);
    }

    public static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
               + "\n-----END " + label + "-----\n";
    }

    /** The base64 lines of a PEM: what must never appear in a log or a message. */
    public static String[] base64Lines(String pem) {
        return Arrays.stream(pem.split("\n")).filter(l -> !l.startsWith("-----") && !l.isBlank()).toArray(String[]::new);
    }
}
